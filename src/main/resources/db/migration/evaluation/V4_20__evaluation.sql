-- Self-evaluation (Art. 28): one report per project, resubmitted after a return; every submitted revision and
-- every decision on it is kept in append-only tables.
CREATE TABLE self_evaluation (
    id                 UUID PRIMARY KEY,
    project_id         UUID        NOT NULL UNIQUE REFERENCES project (id),
    status             TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'RETURNED')),
    content            JSONB       NOT NULL,
    revision           INTEGER     NOT NULL,
    window_start       DATE        NOT NULL,
    due_date           DATE        NOT NULL,
    first_submitted_on DATE        NOT NULL,
    last_submitted_on  DATE        NOT NULL,
    decision_opinion   TEXT,
    decided_on         DATE,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE self_evaluation_version (
    self_evaluation_id UUID        NOT NULL REFERENCES self_evaluation (id),
    revision           INTEGER     NOT NULL,
    submitted_on       DATE        NOT NULL,
    submitted_by       TEXT        NOT NULL,
    submitted_at       TIMESTAMPTZ NOT NULL,
    late               BOOLEAN     NOT NULL,
    content            JSONB       NOT NULL,
    PRIMARY KEY (self_evaluation_id, revision)
);

CREATE TABLE self_evaluation_decision (
    self_evaluation_id UUID        NOT NULL,
    revision           INTEGER     NOT NULL,
    outcome            TEXT        NOT NULL CHECK (outcome IN ('ACCEPTED', 'RETURNED')),
    opinion            TEXT        NOT NULL,
    decided_by         TEXT        NOT NULL,
    decided_on         DATE        NOT NULL,
    decided_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (self_evaluation_id, revision),
    FOREIGN KEY (self_evaluation_id, revision) REFERENCES self_evaluation_version (self_evaluation_id, revision)
);

-- Third-party post-evaluation (Art. 28): commissioned by the approval authority, then its report recorded.
CREATE TABLE post_evaluation (
    id              UUID PRIMARY KEY,
    project_id      UUID        NOT NULL REFERENCES project (id),
    evaluator       TEXT        NOT NULL,
    commissioned_on DATE        NOT NULL,
    scope           TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('COMMISSIONED', 'REPORTED')),
    reported_on     DATE,
    conclusion      TEXT CHECK (conclusion IN ('GOOD', 'FAIR', 'POOR')),
    summary         TEXT,
    document_id     UUID,
    commissioned_by TEXT        NOT NULL,
    commissioned_at TIMESTAMPTZ NOT NULL,
    reported_by     TEXT,
    version         BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX post_evaluation_project ON post_evaluation (project_id, commissioned_on);

-- Evaluation findings (Art. 32): raised by the authority from an evaluation, each with a RECTIFICATION obligation
-- (subject obligation_subject); every rectification the unit reports and every review of it is kept.
CREATE TABLE evaluation_finding (
    id                 UUID PRIMARY KEY,
    project_id         UUID        NOT NULL REFERENCES project (id),
    source             TEXT        NOT NULL CHECK (source IN ('SELF_EVALUATION', 'POST_EVALUATION')),
    source_id          UUID        NOT NULL,
    description        TEXT        NOT NULL,
    raised_on          DATE        NOT NULL,
    rectification_due  DATE        NOT NULL,
    obligation_subject TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('OPEN', 'RECTIFIED', 'CLOSED')),
    rounds             INTEGER     NOT NULL DEFAULT 0,
    closed_on          DATE,
    raised_by          TEXT        NOT NULL,
    raised_at          TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT evaluation_finding_subject UNIQUE (project_id, obligation_subject)
);
CREATE INDEX evaluation_finding_project ON evaluation_finding (project_id, raised_on);

CREATE TABLE evaluation_finding_rectification (
    finding_id   UUID        NOT NULL REFERENCES evaluation_finding (id),
    round        INTEGER     NOT NULL,
    rectified_on DATE        NOT NULL,
    summary      TEXT        NOT NULL,
    document_id  UUID,
    reported_by  TEXT        NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (finding_id, round)
);

CREATE TABLE evaluation_finding_review (
    finding_id  UUID        NOT NULL,
    round       INTEGER     NOT NULL,
    decision    TEXT        NOT NULL CHECK (decision IN ('ACCEPTED', 'REJECTED')),
    opinion     TEXT,
    reviewed_by TEXT        NOT NULL,
    reviewed_on DATE        NOT NULL,
    reviewed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (finding_id, round),
    FOREIGN KEY (finding_id, round) REFERENCES evaluation_finding_rectification (finding_id, round)
);

-- submitted reports, reported rectifications and the decisions on them are evidence (Art. 30)
CREATE FUNCTION evaluation_evidence_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER self_evaluation_version_no_change BEFORE UPDATE OR DELETE ON self_evaluation_version
    FOR EACH ROW EXECUTE FUNCTION evaluation_evidence_immutable();
CREATE TRIGGER self_evaluation_decision_no_change BEFORE UPDATE OR DELETE ON self_evaluation_decision
    FOR EACH ROW EXECUTE FUNCTION evaluation_evidence_immutable();
CREATE TRIGGER evaluation_finding_rectification_no_change BEFORE UPDATE OR DELETE ON evaluation_finding_rectification
    FOR EACH ROW EXECUTE FUNCTION evaluation_evidence_immutable();
CREATE TRIGGER evaluation_finding_review_no_change BEFORE UPDATE OR DELETE ON evaluation_finding_review
    FOR EACH ROW EXECUTE FUNCTION evaluation_evidence_immutable();
CREATE TRIGGER post_evaluation_no_delete BEFORE DELETE ON post_evaluation
    FOR EACH ROW EXECUTE FUNCTION evaluation_evidence_immutable();
CREATE TRIGGER evaluation_finding_no_delete BEFORE DELETE ON evaluation_finding
    FOR EACH ROW EXECUTE FUNCTION evaluation_evidence_immutable();
CREATE TRIGGER self_evaluation_no_delete BEFORE DELETE ON self_evaluation
    FOR EACH ROW EXECUTE FUNCTION evaluation_evidence_immutable();
