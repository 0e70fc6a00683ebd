-- The project legal person and the supervision contractor (Art. 14): one row per project, filled in parts.
CREATE TABLE construction_parties (
    project_id                    UUID PRIMARY KEY REFERENCES project (id),
    legal_person_name             TEXT CHECK (length(legal_person_name) <= 200),
    legal_representative          TEXT CHECK (length(legal_representative) <= 200),
    unified_social_credit_code    TEXT CHECK (unified_social_credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    supervisor_name               TEXT CHECK (length(supervisor_name) <= 200),
    supervisor_contract_reference TEXT CHECK (length(supervisor_contract_reference) <= 200),
    updated_by                    TEXT NOT NULL,
    updated_at                    TIMESTAMPTZ NOT NULL,
    version                       BIGINT NOT NULL DEFAULT 0
);

-- Periodic progress reports of the construction unit, one per period covered.
CREATE TABLE construction_progress_report (
    id                UUID PRIMARY KEY,
    project_id        UUID NOT NULL REFERENCES project (id),
    period_start      DATE NOT NULL,
    period_end        DATE NOT NULL CHECK (period_end >= period_start),
    percent_complete  INT NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
    work_done         TEXT NOT NULL CHECK (length(work_done) <= 20000),
    problems          TEXT CHECK (length(problems) <= 20000),
    next_steps        TEXT CHECK (length(next_steps) <= 20000),
    reported_on       DATE NOT NULL,
    reported_by       TEXT NOT NULL,
    reported_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX construction_progress_report_project_idx ON construction_progress_report (project_id, period_end);

-- Milestone baselines: version 0 is the construction unit's own plan until it is frozen; every later version
-- is set through change control (Art. 23) and the earlier versions are kept.
CREATE TABLE construction_baseline (
    project_id   UUID NOT NULL REFERENCES project (id),
    version      INT NOT NULL CHECK (version >= 0),
    basis        TEXT CHECK (length(basis) <= 20000),
    recorded_by  TEXT NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, version)
);

CREATE TABLE construction_milestone (
    id                UUID PRIMARY KEY,
    project_id        UUID NOT NULL,
    baseline_version  INT NOT NULL,
    name              TEXT NOT NULL CHECK (length(name) <= 200),
    planned_on        DATE NOT NULL,
    reached_on        DATE,
    FOREIGN KEY (project_id, baseline_version) REFERENCES construction_baseline (project_id, version),
    UNIQUE (project_id, baseline_version, name)
);
