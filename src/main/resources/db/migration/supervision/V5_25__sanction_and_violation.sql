-- Violations of Art. 33 (no approval or filing, fraud, severe overrun, poor quality, loss and waste, accidents) that the
-- approval authority records, and the referrals to the competent bodies it makes (Art. 33, 34). Nothing is deleted
-- (Art. 30): a record made in error is withdrawn with a reason.
CREATE TABLE supervision_violation (
    id               UUID PRIMARY KEY,
    project_id       UUID        NOT NULL REFERENCES project (id),
    lead_org_code    TEXT        NOT NULL,
    body_org_code    TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    facts            TEXT        NOT NULL,
    evidence         UUID[]      NOT NULL DEFAULT '{}',
    occurred_on      DATE,
    recorded_on      DATE        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('RECORDED', 'WITHDRAWN')),
    withdrawn_reason TEXT,
    withdrawn_on     DATE,
    recorded_by      TEXT        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 0,
    CHECK ((status = 'WITHDRAWN') = (withdrawn_on IS NOT NULL))
);
CREATE INDEX supervision_violation_project_idx ON supervision_violation (project_id);
CREATE INDEX supervision_violation_lead_idx ON supervision_violation (lead_org_code);

CREATE TABLE supervision_referral (
    violation_id UUID        NOT NULL REFERENCES supervision_violation (id),
    seq          INTEGER     NOT NULL,
    referred_to  TEXT        NOT NULL,
    matter       TEXT        NOT NULL,
    referred_on  DATE        NOT NULL,
    referred_by  TEXT        NOT NULL,
    referred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (violation_id, seq)
);
CREATE TRIGGER supervision_referral_no_change BEFORE UPDATE OR DELETE ON supervision_referral
    FOR EACH ROW EXECUTE FUNCTION supervision_evidence_immutable();

-- The sanction ladder of Art. 31 (public criticism, suspension of funds, suspension of construction, termination),
-- each citing the finding whose rectification was refused or overdue, or, for the public criticism of Art. 33, the
-- violation record. Lifting a sanction is recorded on it; a sanction is never removed.
CREATE TABLE supervision_sanction (
    id             UUID PRIMARY KEY,
    project_id     UUID        NOT NULL REFERENCES project (id),
    lead_org_code  TEXT        NOT NULL,
    kind           TEXT        NOT NULL CHECK (kind IN ('PUBLIC_CRITICISM', 'SUSPEND_FUNDS', 'SUSPEND_CONSTRUCTION', 'TERMINATE')),
    rule           TEXT        NOT NULL CHECK (rule IN ('ART-31', 'ART-33')),
    finding_id     UUID REFERENCES supervision_finding (id),
    violation_id   UUID REFERENCES supervision_violation (id),
    body_org_code  TEXT        NOT NULL,
    reason         TEXT        NOT NULL,
    imposed_on     DATE        NOT NULL,
    imposed_by     TEXT        NOT NULL,
    imposed_at     TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'LIFTED')),
    lifted_on      DATE,
    lifted_reason  TEXT,
    lifted_by      TEXT,
    lifted_at      TIMESTAMPTZ,
    version        BIGINT      NOT NULL DEFAULT 0,
    CHECK ((finding_id IS NULL) <> (violation_id IS NULL)),
    CHECK ((rule = 'ART-31') = (finding_id IS NOT NULL)),
    CHECK ((status = 'LIFTED') = (lifted_on IS NOT NULL))
);
CREATE INDEX supervision_sanction_project_idx ON supervision_sanction (project_id);
CREATE INDEX supervision_sanction_active_idx ON supervision_sanction (kind) WHERE status = 'ACTIVE';
-- one sanction of a kind in force per finding (or violation) at a time
CREATE UNIQUE INDEX supervision_sanction_one_active ON supervision_sanction (kind, coalesce(finding_id, violation_id))
    WHERE status = 'ACTIVE';
