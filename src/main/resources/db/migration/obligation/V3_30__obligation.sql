-- Every deadline the measures create (Art. 20, 22, 26-28, 16-17, 36), one row per project, type and subject
-- (the report year, the rectification order). Never deleted: a lifted obligation is WAIVED with its reason.
CREATE TABLE obligation (
    id                             UUID PRIMARY KEY,
    project_id                     UUID NOT NULL REFERENCES project (id),
    type                           TEXT NOT NULL,
    subject                        TEXT NOT NULL,
    due_date                       DATE NOT NULL,
    window_start                   DATE,
    rule                           TEXT NOT NULL,
    status                         TEXT NOT NULL CHECK (status IN ('OPEN', 'MET', 'OVERDUE', 'WAIVED')),
    responsible_organization_code  TEXT NOT NULL REFERENCES organization (code),
    met_on                         DATE,
    note                           TEXT,
    created_at                     TIMESTAMPTZ NOT NULL,
    updated_at                     TIMESTAMPTZ NOT NULL,
    version                        BIGINT NOT NULL DEFAULT 0,
    UNIQUE (project_id, type, subject)
);
CREATE INDEX obligation_project_idx ON obligation (project_id, due_date);
CREATE INDEX obligation_pending_idx ON obligation (due_date) WHERE status IN ('OPEN', 'OVERDUE');
CREATE INDEX obligation_org_idx ON obligation (responsible_organization_code, status, due_date);
