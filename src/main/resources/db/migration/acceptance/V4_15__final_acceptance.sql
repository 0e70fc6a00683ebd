-- Final acceptance (Art. 24, 26, 27, Annex 4 sections 4, 5, 7): the construction unit's numbered applications with
-- their materials, the approval authority's delegation of a simple project's acceptance, and the result.
-- Append-only (Art. 30): a new application is a new row; the result changes an application's status once.

CREATE TABLE acceptance_final_application (
    id                 UUID PRIMARY KEY,
    project_id         UUID        NOT NULL REFERENCES project (id),
    number             INTEGER     NOT NULL CHECK (number > 0),
    software_developed BOOLEAN     NOT NULL,
    applied_on         DATE        NOT NULL,
    applied_by         TEXT        NOT NULL,
    applied_at         TIMESTAMPTZ NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('PENDING', 'PASSED', 'FAILED')),
    decided_on         DATE,
    opinion            TEXT CHECK (length(opinion) <= 20000),
    decided_by         TEXT,
    decided_at         TIMESTAMPTZ,
    -- set when the construction unit decided by delegation: its acceptance report
    report_document_id UUID REFERENCES document (id),
    delegated          BOOLEAN     NOT NULL DEFAULT FALSE,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT acceptance_final_application_number UNIQUE (project_id, number),
    CONSTRAINT acceptance_final_application_decided CHECK ((status = 'PENDING') = (decided_on IS NULL))
);
-- at most one application awaits the result per project
CREATE UNIQUE INDEX acceptance_final_one_pending ON acceptance_final_application (project_id) WHERE status = 'PENDING';
-- a project passes final acceptance once
CREATE UNIQUE INDEX acceptance_final_one_pass ON acceptance_final_application (project_id) WHERE status = 'PASSED';
CREATE INDEX acceptance_final_pending_idx ON acceptance_final_application (applied_on) WHERE status = 'PENDING';

-- the materials of an application, each a document of the project with its SM3 digest as it was applied with
-- (NULL for a classified project's offline reference)
CREATE TABLE acceptance_final_material (
    application_id UUID    NOT NULL REFERENCES acceptance_final_application (id),
    code           TEXT    NOT NULL CHECK (length(code) <= 32),
    document_id    UUID    NOT NULL REFERENCES document (id),
    sm3            TEXT,
    position       INTEGER NOT NULL,
    PRIMARY KEY (application_id, code)
);

-- the approval authority's delegation of the final acceptance to the construction unit (Annex 4 section 5 (2))
CREATE TABLE acceptance_final_delegation (
    id           UUID PRIMARY KEY,
    project_id   UUID        NOT NULL REFERENCES project (id),
    reason       TEXT        NOT NULL CHECK (length(reason) <= 20000),
    delegated_on DATE        NOT NULL,
    delegated_by TEXT        NOT NULL,
    delegated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT acceptance_final_delegation_once UNIQUE (project_id)
);
