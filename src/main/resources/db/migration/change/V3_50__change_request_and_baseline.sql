-- Change requests of projects under construction (Art. 23) with the facts their route was judged on, kept as
-- filed so that the route and its reasons read the same later; and the baselines every approved state leaves.
CREATE TABLE change_request (
    id                        UUID PRIMARY KEY,
    project_id                UUID NOT NULL REFERENCES project (id),
    number                    INT NOT NULL CHECK (number > 0),
    approved_estimate         NUMERIC(15, 2) NOT NULL CHECK (approved_estimate > 0),
    adjustment_amount         NUMERIC(15, 2) NOT NULL CHECK (adjustment_amount >= 0),
    new_total_investment      NUMERIC(15, 2) NOT NULL CHECK (new_total_investment > 0),
    goals_unchanged           BOOLEAN NOT NULL,
    reason                    TEXT NOT NULL,
    previous_adjustments      NUMERIC(15, 2) NOT NULL,
    uses_digital_jilin_fund   BOOLEAN NOT NULL,
    fund_plan_issued_on       DATE,
    threshold_share           NUMERIC(6, 4) NOT NULL,
    threshold_basis           TEXT NOT NULL,
    description               TEXT NOT NULL,
    route                     TEXT NOT NULL CHECK (route IN ('FILING', 'REAPPROVAL', 'GOVERNMENT_APPROVAL')),
    status                    TEXT NOT NULL
        CHECK (status IN ('FILED', 'IN_REAPPROVAL', 'AWAITING_GOVERNMENT', 'APPROVED', 'REJECTED')),
    requested_by              TEXT NOT NULL,
    requested_at              TIMESTAMPTZ NOT NULL,
    requested_on              DATE NOT NULL,
    submission_id             UUID,
    acknowledged_by           TEXT,
    acknowledged_at           TIMESTAMPTZ,
    approved_total_investment NUMERIC(15, 2),
    decision_document_number  TEXT,
    decided_on                DATE,
    decided_by                TEXT,
    version                   BIGINT NOT NULL DEFAULT 0,
    UNIQUE (project_id, number)
);
CREATE INDEX change_request_project_idx ON change_request (project_id, number);
-- at most one change per project waits for a decision
CREATE UNIQUE INDEX change_request_one_pending ON change_request (project_id)
    WHERE status IN ('IN_REAPPROVAL', 'AWAITING_GOVERNMENT');

CREATE TABLE change_baseline (
    project_id                 UUID NOT NULL REFERENCES project (id),
    number                     INT NOT NULL CHECK (number > 0),
    kind                       TEXT NOT NULL CHECK (kind IN ('APPROVAL', 'FILING', 'REAPPROVAL', 'GOVERNMENT_APPROVAL')),
    approved_estimate          NUMERIC(15, 2) NOT NULL,
    construction_period_months INT NOT NULL,
    adjustments_in_force       NUMERIC(15, 2) NOT NULL,
    change_request_id          UUID REFERENCES change_request (id),
    description                TEXT,
    established_on             DATE NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, number)
);

-- a baseline is evidence of an approved state: never changed, never removed
CREATE FUNCTION change_baseline_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'change_baseline is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER change_baseline_no_change BEFORE UPDATE OR DELETE ON change_baseline
    FOR EACH ROW EXECUTE FUNCTION change_baseline_immutable();

-- projects approved before this table existed get their first baseline from their approval
INSERT INTO change_baseline (project_id, number, kind, approved_estimate, construction_period_months,
                             adjustments_in_force, established_on, created_at)
SELECT id, 1, 'APPROVAL', approved_estimate, COALESCE(approved_construction_period_months, construction_period_months),
       0, COALESCE(approved_on, CAST(created_at AS DATE)), now()
FROM project WHERE approved_estimate IS NOT NULL;
