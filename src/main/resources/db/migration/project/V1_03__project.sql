-- The project registry. Authority and path are derived by the application's policies (Art. 5, 9) and
-- stored so that lists can filter on them; only a legal simplification (Art. 9 (4)) is a typed decision.
CREATE TABLE project (
    id                                UUID PRIMARY KEY,
    code                              TEXT NOT NULL UNIQUE,
    name                              TEXT NOT NULL CHECK (length(name) <= 200),
    summary                           TEXT,
    categories                        TEXT[] NOT NULL,
    lead_organization_code            TEXT NOT NULL REFERENCES organization (code),
    participating_organization_codes  TEXT[] NOT NULL DEFAULT '{}',
    estimated_investment              NUMERIC(15, 2) NOT NULL CHECK (estimated_investment > 0),
    construction_period_months        INT NOT NULL CHECK (construction_period_months > 0),
    in_provincial_plan                BOOLEAN NOT NULL,
    emergency                         TEXT,
    simple_or_equipment_only          BOOLEAN NOT NULL,
    classified                        BOOLEAN NOT NULL,
    new_civil_works                   BOOLEAN NOT NULL,
    high_energy_use                   BOOLEAN NOT NULL,
    builds_new_cloud_platform         BOOLEAN NOT NULL,
    status                            TEXT NOT NULL,
    approval_authority                TEXT NOT NULL,
    approval_path_type                TEXT NOT NULL,
    approval_stages                   TEXT[] NOT NULL,
    legal_basis                       TEXT,
    construction_mode                 TEXT,
    construction_mode_exception       TEXT,
    construction_mode_justification   TEXT,
    construction_mode_decided_by      TEXT,
    construction_mode_decided_on      DATE,
    approved_estimate                 NUMERIC(15, 2),
    created_by                        TEXT NOT NULL,
    created_at                        TIMESTAMPTZ NOT NULL,
    version                           BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX project_lead_idx ON project (lead_organization_code, created_at DESC);
CREATE INDEX project_participants_idx ON project USING gin (participating_organization_codes);
CREATE INDEX project_status_idx ON project (status, created_at DESC);
CREATE INDEX project_created_idx ON project (created_at DESC, code DESC);

CREATE TABLE project_funding_source (
    project_id UUID NOT NULL REFERENCES project (id),
    line_no    INT NOT NULL,
    source     TEXT NOT NULL,
    amount     NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (project_id, line_no)
);

-- One counter per year for JLZW-<year>-<nnnn>; an upsert makes the increment atomic under concurrency.
CREATE TABLE project_code_sequence (
    year       INT PRIMARY KEY,
    last_value BIGINT NOT NULL
);
