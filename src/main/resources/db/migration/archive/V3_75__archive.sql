-- Archives of a project (Art. 24). Categories are data with stable codes; material_codes relate each to the
-- final-acceptance materials of Annex 4 (regulation/outlines.yaml) whose documents belong in it.
CREATE TABLE archive_category (
    code                TEXT PRIMARY KEY,
    name_zh             TEXT    NOT NULL,
    name_en             TEXT    NOT NULL,
    material_codes      TEXT[]  NOT NULL DEFAULT '{}',
    suggested_retention TEXT    NOT NULL CHECK (suggested_retention IN ('PERMANENT', 'Y30', 'Y10')),
    position            INTEGER NOT NULL
);

INSERT INTO archive_category (code, name_zh, name_en, material_codes, suggested_retention, position) VALUES
    ('AR-APPROVAL', '立项审批文件', 'Approval documents', '{AM2}', 'PERMANENT', 1),
    ('AR-PROCUREMENT', '招标采购与合同文件', 'Procurement and contracts', '{AM3,AM4,AM5}', 'PERMANENT', 2),
    ('AR-IMPLEMENTATION', '项目实施文件', 'Implementation',
        '{AM6,AM7,AM13.1,AM13.2,AM13.3,AM13.4,AM13.5,AM14.1,AM14.2,AM14.3,AM14.4}', 'Y30', 3),
    ('AR-SUPERVISION', '监理文件', 'Supervision', '{AM11}', 'Y30', 4),
    ('AR-ACCEPTANCE', '验收文件', 'Acceptance', '{AM1,AM8,AM9,AM15}', 'PERMANENT', 5),
    ('AR-FINANCE', '财务与审计文件', 'Finance and audit', '{AM10}', 'Y30', 6),
    ('AR-OTHER', '其他文件', 'Other documents', '{AM12}', 'Y10', 7);

-- a document registered to the archive of its project, once
CREATE TABLE archive_entry (
    id            UUID PRIMARY KEY,
    project_id    UUID        NOT NULL REFERENCES project (id),
    category_code TEXT        NOT NULL REFERENCES archive_category (code),
    document_id   UUID        NOT NULL REFERENCES document (id),
    title         TEXT        NOT NULL,
    retention     TEXT        NOT NULL CHECK (retention IN ('PERMANENT', 'Y30', 'Y10')),
    carrier       TEXT        NOT NULL CHECK (carrier IN ('ELECTRONIC', 'PAPER')),
    registered_by TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT archive_entry_document UNIQUE (project_id, document_id)
);
CREATE INDEX archive_entry_project_idx ON archive_entry (project_id, category_code, registered_at);

-- one row per round: the unit's application and the Archives Bureau's result on it
CREATE TABLE archive_acceptance (
    id          UUID PRIMARY KEY,
    project_id  UUID        NOT NULL REFERENCES project (id),
    round       INTEGER     NOT NULL,
    applied_on  DATE        NOT NULL,
    applied_by  TEXT        NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL,
    entry_count INTEGER     NOT NULL,
    result      TEXT CHECK (result IN ('PASSED', 'FAILED')),
    accepted_on DATE,
    opinion     TEXT,
    accepted_by TEXT,
    recorded_at TIMESTAMPTZ,
    version     BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT archive_acceptance_round UNIQUE (project_id, round),
    CONSTRAINT archive_acceptance_result CHECK ((result IS NULL) = (accepted_on IS NULL))
);
-- at most one application awaits the Bureau per project
CREATE UNIQUE INDEX archive_acceptance_one_pending ON archive_acceptance (project_id) WHERE result IS NULL;
CREATE INDEX archive_acceptance_pending_idx ON archive_acceptance (applied_on) WHERE result IS NULL;
