-- Operation and maintenance after final acceptance (Art. 16, 17, 35, 36). Append-only (Art. 30): a record
-- is never updated or deleted; a correction is a new record.

-- periodic security risk assessments and cryptography application security assessments (Art. 16, 17, 36)
CREATE TABLE operation_assessment (
    id           UUID PRIMARY KEY,
    project_id   UUID        NOT NULL REFERENCES project (id),
    kind         TEXT        NOT NULL CHECK (kind IN ('SECURITY', 'CRYPTO')),
    sequence     INTEGER     NOT NULL CHECK (sequence > 0),
    assessed_on  DATE        NOT NULL,
    assessor     TEXT        NOT NULL,
    result       TEXT        NOT NULL CHECK (result IN ('PASS', 'PASS_WITH_ISSUES', 'FAIL')),
    findings     TEXT,
    document_id  UUID        NOT NULL REFERENCES document (id),
    next_due_on  DATE        NOT NULL,
    recorded_by  TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    -- the n-th assessment of a kind exists once: two concurrent recordings cannot both count as the same one
    CONSTRAINT operation_assessment_sequence UNIQUE (project_id, kind, sequence)
);
CREATE INDEX operation_assessment_project_idx ON operation_assessment (project_id, kind, assessed_on);

-- MLPS (multi-level protection) evaluations of non-classified systems (Art. 26, GB/T 22239)
CREATE TABLE operation_mlps_record (
    id            UUID PRIMARY KEY,
    project_id    UUID          NOT NULL REFERENCES project (id),
    level         INTEGER       NOT NULL CHECK (level BETWEEN 1 AND 5),
    filing_number TEXT          NOT NULL,
    evaluated_on  DATE          NOT NULL,
    evaluator     TEXT          NOT NULL,
    score         NUMERIC(5, 2) CHECK (score BETWEEN 0 AND 100),
    conclusion    TEXT          NOT NULL CHECK (conclusion IN ('CONFORMING', 'BASICALLY_CONFORMING', 'NON_CONFORMING')),
    document_id   UUID          NOT NULL REFERENCES document (id),
    recorded_by   TEXT          NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX operation_mlps_record_project_idx ON operation_mlps_record (project_id, evaluated_on);

-- the O&M contracts of the operating unit with its contractors (Art. 35)
CREATE TABLE operation_contract (
    id              UUID PRIMARY KEY,
    project_id      UUID           NOT NULL REFERENCES project (id),
    contractor      TEXT           NOT NULL,
    contract_number TEXT           NOT NULL,
    amount          NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    starts_on       DATE           NOT NULL,
    ends_on         DATE           NOT NULL,
    service_level   TEXT           NOT NULL,
    document_id     UUID REFERENCES document (id),
    recorded_by     TEXT           NOT NULL,
    recorded_at     TIMESTAMPTZ    NOT NULL,
    CONSTRAINT operation_contract_period CHECK (ends_on > starts_on),
    CONSTRAINT operation_contract_number UNIQUE (project_id, contract_number)
);
CREATE INDEX operation_contract_project_idx ON operation_contract (project_id, ends_on);

-- the O&M log: routine work, incidents, changes, backup drills, security events (Art. 35)
CREATE TABLE operation_record (
    id          UUID PRIMARY KEY,
    project_id  UUID        NOT NULL REFERENCES project (id),
    occurred_on DATE        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('ROUTINE', 'INCIDENT', 'CHANGE', 'BACKUP_DRILL', 'SECURITY_EVENT')),
    description TEXT        NOT NULL,
    contract_id UUID REFERENCES operation_contract (id),
    document_id UUID REFERENCES document (id),
    recorded_by TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX operation_record_project_idx ON operation_record (project_id, occurred_on DESC, recorded_at DESC);
CREATE INDEX operation_record_kind_idx ON operation_record (project_id, kind, occurred_on DESC);
