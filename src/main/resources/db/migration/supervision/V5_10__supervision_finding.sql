-- Supervision findings (Art. 31) and their rectification. Nothing is deleted (Art. 30): a finding raised in error
-- is withdrawn with a reason; every reported rectification and every review of it is kept.
CREATE TABLE supervision_finding (
    id                 UUID PRIMARY KEY,
    project_id         UUID        NOT NULL REFERENCES project (id),
    lead_org_code      TEXT        NOT NULL,
    body_org_code      TEXT        NOT NULL,
    area               TEXT        NOT NULL,
    facts              TEXT        NOT NULL,
    evidence           UUID[]      NOT NULL DEFAULT '{}',
    raised_on          DATE        NOT NULL,
    rectification_due  DATE        NOT NULL,
    obligation_subject TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('OPEN', 'RECTIFIED', 'CLOSED', 'WITHDRAWN')),
    rounds             INTEGER     NOT NULL DEFAULT 0,
    closed_on          DATE,
    withdrawn_reason   TEXT,
    withdrawn_on       DATE,
    raised_by          TEXT        NOT NULL,
    raised_at          TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT supervision_finding_subject UNIQUE (project_id, obligation_subject)
);
CREATE INDEX supervision_finding_project_idx ON supervision_finding (project_id);
CREATE INDEX supervision_finding_body_idx ON supervision_finding (body_org_code);
CREATE INDEX supervision_finding_lead_idx ON supervision_finding (lead_org_code);

CREATE TABLE supervision_rectification (
    finding_id   UUID        NOT NULL REFERENCES supervision_finding (id),
    round        INTEGER     NOT NULL,
    rectified_on DATE        NOT NULL,
    summary      TEXT        NOT NULL,
    evidence     UUID[]      NOT NULL DEFAULT '{}',
    reported_by  TEXT        NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (finding_id, round)
);

CREATE TABLE supervision_review (
    finding_id  UUID        NOT NULL,
    round       INTEGER     NOT NULL,
    decision    TEXT        NOT NULL CHECK (decision IN ('ACCEPTED', 'REJECTED')),
    opinion     TEXT,
    reviewed_by TEXT        NOT NULL,
    reviewed_on DATE        NOT NULL,
    reviewed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (finding_id, round),
    FOREIGN KEY (finding_id, round) REFERENCES supervision_rectification (finding_id, round)
);

-- rectifications and reviews are evidence (Art. 30): never changed, never removed; findings are never removed
CREATE FUNCTION supervision_evidence_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER supervision_rectification_no_change BEFORE UPDATE OR DELETE ON supervision_rectification
    FOR EACH ROW EXECUTE FUNCTION supervision_evidence_immutable();
CREATE TRIGGER supervision_review_no_change BEFORE UPDATE OR DELETE ON supervision_review
    FOR EACH ROW EXECUTE FUNCTION supervision_evidence_immutable();
CREATE TRIGGER supervision_finding_no_delete BEFORE DELETE ON supervision_finding
    FOR EACH ROW EXECUTE FUNCTION supervision_evidence_immutable();
