-- Planning (Art. 6, 7, 12, 15): the provincial construction plan with every approved version, the annual
-- demand call, the departments' demands, their triage into projects, and the responsibilities of the
-- participating departments of a shared project.
CREATE TABLE construction_plan (
    id              UUID PRIMARY KEY,
    current_version INT NOT NULL CHECK (current_version >= 1),
    created_by      TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE construction_plan_version (
    plan_id           UUID NOT NULL REFERENCES construction_plan (id),
    version_no        INT NOT NULL CHECK (version_no >= 1),
    title             TEXT NOT NULL CHECK (length(title) <= 200),
    period_from       INT NOT NULL,
    period_to         INT NOT NULL CHECK (period_to >= period_from),
    approved_on       DATE NOT NULL,
    approval_document TEXT NOT NULL CHECK (length(approval_document) <= 200),
    adjustment_reason TEXT,
    evaluation        TEXT,
    recorded_by       TEXT NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (plan_id, version_no)
);

CREATE TABLE construction_plan_item (
    plan_id    UUID NOT NULL,
    version_no INT NOT NULL,
    line_no    INT NOT NULL,
    code       TEXT NOT NULL CHECK (length(code) <= 32),
    title      TEXT NOT NULL CHECK (length(title) <= 200),
    PRIMARY KEY (plan_id, version_no, code),
    FOREIGN KEY (plan_id, version_no) REFERENCES construction_plan_version (plan_id, version_no)
);

CREATE TABLE demand_call (
    id          UUID PRIMARY KEY,
    year        INT NOT NULL UNIQUE,
    opens_on    DATE NOT NULL,
    closes_on   DATE NOT NULL CHECK (closes_on >= opens_on),
    focus_areas TEXT[] NOT NULL DEFAULT '{}',
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE demand (
    id                               UUID PRIMARY KEY,
    call_id                          UUID NOT NULL REFERENCES demand_call (id),
    organization_code                TEXT NOT NULL REFERENCES organization (code),
    title                            TEXT NOT NULL CHECK (length(title) <= 200),
    content                          TEXT NOT NULL,
    estimate                         NUMERIC(15, 2) NOT NULL CHECK (estimate > 0),
    plan_id                          UUID NOT NULL,
    plan_version                     INT NOT NULL,
    plan_item_code                   TEXT NOT NULL,
    participating_organization_codes TEXT[] NOT NULL DEFAULT '{}',
    score                            INT CHECK (score BETWEEN 0 AND 100),
    score_note                       TEXT,
    scored_by                        TEXT,
    status                           TEXT NOT NULL,
    decline_reason                   TEXT,
    triaged_by                       TEXT,
    triaged_at                       TIMESTAMPTZ,
    filed_by                         TEXT NOT NULL,
    filed_at                         TIMESTAMPTZ NOT NULL,
    version                          BIGINT NOT NULL DEFAULT 0,
    FOREIGN KEY (plan_id, plan_version, plan_item_code) REFERENCES construction_plan_item (plan_id, version_no, code)
);
CREATE INDEX demand_call_idx ON demand (call_id, status);
CREATE INDEX demand_org_idx ON demand (organization_code);

-- The sources of a project created by triage (Art. 7): one row per demand.
CREATE TABLE demand_project (
    demand_id  UUID PRIMARY KEY REFERENCES demand (id),
    project_id UUID NOT NULL REFERENCES project (id)
);
CREATE INDEX demand_project_project_idx ON demand_project (project_id);

-- Art. 15: the lead department records each participant's construction scope and obligations.
CREATE TABLE project_responsibilities (
    project_id  UUID PRIMARY KEY REFERENCES project (id),
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE project_responsibility (
    project_id         UUID NOT NULL REFERENCES project_responsibilities (project_id),
    organization_code  TEXT NOT NULL REFERENCES organization (code),
    construction_scope TEXT NOT NULL,
    obligations        TEXT NOT NULL,
    PRIMARY KEY (project_id, organization_code)
);
