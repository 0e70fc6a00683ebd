-- Initial acceptance, trial run, extensions and rectification after a failed acceptance (Art. 26, 27, Annex 4).
-- Every table is append-only (Art. 30): a new attempt, trial-run record or application is a new row; decisions and
-- completions change a row's status once.

-- one row per attempt at initial acceptance (Annex 4 section 6), numbered per project
CREATE TABLE acceptance_initial_attempt (
    id                 UUID PRIMARY KEY,
    project_id         UUID        NOT NULL REFERENCES project (id),
    attempt            INTEGER     NOT NULL CHECK (attempt > 0),
    accepted_on        DATE        NOT NULL,
    result             TEXT        NOT NULL CHECK (result IN ('PASSED', 'FAILED')),
    report_document_id UUID REFERENCES document (id),
    opinion            TEXT CHECK (length(opinion) <= 20000),
    recorded_by        TEXT        NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT acceptance_initial_attempt_number UNIQUE (project_id, attempt)
);
-- a project passes initial acceptance once
CREATE UNIQUE INDEX acceptance_initial_one_pass ON acceptance_initial_attempt (project_id) WHERE result = 'PASSED';

-- the special acceptances (专项验收) reported with an attempt, each with its report document
CREATE TABLE acceptance_initial_special (
    attempt_id  UUID    NOT NULL REFERENCES acceptance_initial_attempt (id),
    code        TEXT    NOT NULL CHECK (length(code) <= 32),
    document_id UUID    NOT NULL REFERENCES document (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (attempt_id, code)
);

-- the trial run as recorded by the unit; a later record (stable since set, a date corrected) is a new version
CREATE TABLE acceptance_trial_run (
    project_id   UUID        NOT NULL REFERENCES project (id),
    version      INTEGER     NOT NULL CHECK (version > 0),
    started_on   DATE        NOT NULL,
    stable_since DATE,
    recorded_by  TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, version),
    CHECK (stable_since IS NULL OR stable_since >= started_on)
);

-- extension applications (延期验收申请, Art. 27, Annex 4 section 1) and the authority's decision
CREATE TABLE acceptance_extension (
    id            UUID PRIMARY KEY,
    project_id    UUID        NOT NULL REFERENCES project (id),
    kind          TEXT        NOT NULL CHECK (kind IN ('INITIAL', 'FINAL')),
    reasons       TEXT        NOT NULL CHECK (length(reasons) <= 20000),
    previous_date DATE        NOT NULL,
    new_date      DATE        NOT NULL CHECK (new_date > previous_date),
    status        TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    applied_by    TEXT        NOT NULL,
    applied_on    DATE        NOT NULL,
    applied_at    TIMESTAMPTZ NOT NULL,
    opinion       TEXT CHECK (length(opinion) <= 20000),
    decided_by    TEXT,
    decided_on    DATE,
    decided_at    TIMESTAMPTZ,
    version       BIGINT      NOT NULL DEFAULT 0,
    CHECK ((status = 'PENDING') = (decided_on IS NULL))
);
CREATE UNIQUE INDEX acceptance_extension_one_pending ON acceptance_extension (project_id, kind) WHERE status = 'PENDING';
CREATE INDEX acceptance_extension_pending_idx ON acceptance_extension (applied_at) WHERE status = 'PENDING';
CREATE INDEX acceptance_extension_project_idx ON acceptance_extension (project_id, applied_at);

-- rectification after a failed initial or final acceptance (Art. 27), numbered per project and kind
CREATE TABLE acceptance_rectification (
    id           UUID PRIMARY KEY,
    project_id   UUID        NOT NULL REFERENCES project (id),
    kind         TEXT        NOT NULL CHECK (kind IN ('INITIAL', 'FINAL')),
    number       INTEGER     NOT NULL CHECK (number > 0),
    failed_on    DATE        NOT NULL,
    opinion      TEXT CHECK (length(opinion) <= 20000),
    due_date     DATE        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('OPEN', 'COMPLETED')),
    completed_on DATE,
    document_id  UUID REFERENCES document (id),
    summary      TEXT CHECK (length(summary) <= 20000),
    completed_by TEXT,
    completed_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT acceptance_rectification_number UNIQUE (project_id, kind, number),
    CHECK ((status = 'OPEN') = (completed_on IS NULL))
);
