-- Annual performance evaluation reports (Art. 20): one per project and year, content as JSON (progress,
-- investment plan execution, trial-run effect, problems and measures, opinions of the user units and the
-- supervision contractor, attached document ids). Every submitted revision and every decision on it is kept.
CREATE TABLE performance_report (
    id                 UUID PRIMARY KEY,
    project_id         UUID        NOT NULL REFERENCES project (id),
    year               INTEGER     NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    content            JSONB       NOT NULL,
    revision           INTEGER     NOT NULL DEFAULT 0,
    due_date           DATE        NOT NULL,
    first_submitted_on DATE,
    last_submitted_on  DATE,
    decision_opinion   TEXT,
    decided_on         DATE,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT performance_report_project_year UNIQUE (project_id, year)
);

CREATE TABLE performance_report_version (
    report_id    UUID        NOT NULL REFERENCES performance_report (id),
    revision     INTEGER     NOT NULL,
    submitted_on DATE        NOT NULL,
    submitted_by TEXT        NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    late         BOOLEAN     NOT NULL,
    content      JSONB       NOT NULL,
    PRIMARY KEY (report_id, revision)
);

CREATE TABLE performance_report_decision (
    report_id  UUID        NOT NULL,
    revision   INTEGER     NOT NULL,
    outcome    TEXT        NOT NULL CHECK (outcome IN ('ACCEPTED', 'RETURNED')),
    opinion    TEXT        NOT NULL,
    decided_by TEXT        NOT NULL,
    decided_on DATE        NOT NULL,
    decided_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (report_id, revision),
    FOREIGN KEY (report_id, revision) REFERENCES performance_report_version (report_id, revision)
);

-- a submitted version and the decision on it are evidence (Art. 30): never changed, never removed
CREATE FUNCTION performance_report_evidence_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER performance_report_version_no_change BEFORE UPDATE OR DELETE ON performance_report_version
    FOR EACH ROW EXECUTE FUNCTION performance_report_evidence_immutable();
CREATE TRIGGER performance_report_decision_no_change BEFORE UPDATE OR DELETE ON performance_report_decision
    FOR EACH ROW EXECUTE FUNCTION performance_report_evidence_immutable();
