-- Decisions of the approval authorities (Art. 9, 13) with their SM2-signed replies, and the reply numbers
-- per authority and year (吉政数审〔2026〕12号).
CREATE TABLE approval_decision (
    id                         UUID PRIMARY KEY,
    submission_id              UUID NOT NULL,
    submission_revision        INT NOT NULL,
    project_id                 UUID NOT NULL REFERENCES project (id),
    stage                      TEXT NOT NULL,
    authority                  TEXT NOT NULL,
    outcome                    TEXT NOT NULL,
    requested_investment       NUMERIC(15, 2),
    recommended_investment     NUMERIC(15, 2),
    approved_investment        NUMERIC(15, 2),
    construction_period_months INT,
    sharing_opinion            TEXT NOT NULL,
    opinion                    TEXT NOT NULL,
    document_number            TEXT NOT NULL UNIQUE,
    issued_on                  DATE NOT NULL,
    decided_by                 TEXT NOT NULL,
    decided_at                 TIMESTAMPTZ NOT NULL,
    reply_pdf                  BYTEA NOT NULL,
    reply_sm3                  CHAR(64) NOT NULL,
    signature                  TEXT NOT NULL,
    signing_key_id             TEXT NOT NULL,
    UNIQUE (submission_id, submission_revision)
);
CREATE INDEX approval_decision_project_idx ON approval_decision (project_id, decided_at);

CREATE TABLE decision_number_sequence (
    authority  TEXT NOT NULL,
    year       INT NOT NULL,
    last_value BIGINT NOT NULL,
    PRIMARY KEY (authority, year)
);
