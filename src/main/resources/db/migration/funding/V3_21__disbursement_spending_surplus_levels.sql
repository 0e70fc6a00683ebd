-- Funds paid out against a fund plan (资金拨付); never more than the plan (Art. 21).
CREATE TABLE disbursement (
    id                 UUID PRIMARY KEY,
    project_id         UUID NOT NULL REFERENCES project (id),
    fund_plan_id       UUID NOT NULL REFERENCES fund_plan (id),
    amount             NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    disbursed_on       DATE NOT NULL,
    recorded_by        TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX disbursement_project_idx ON disbursement (project_id, disbursed_on);
CREATE INDEX disbursement_plan_idx ON disbursement (fund_plan_id);

-- What the construction unit spent (支出); never more than was disbursed nor than the approved estimate.
CREATE TABLE spending (
    id                   UUID PRIMARY KEY,
    project_id           UUID NOT NULL REFERENCES project (id),
    amount               NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    spent_on             DATE NOT NULL,
    purpose              TEXT NOT NULL,
    contract_reference   TEXT,
    voucher_document_id  UUID,
    recorded_by          TEXT NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX spending_project_idx ON spending (project_id, spent_on DESC, created_at DESC);

-- The surplus returned (结余资金上缴), recorded by the construction unit and confirmed by Finance (Art. 21).
CREATE TABLE surplus_return (
    id                 UUID PRIMARY KEY,
    project_id         UUID NOT NULL REFERENCES project (id),
    amount             NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    returned_on        DATE NOT NULL,
    recorded_by        TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    confirmed_on       DATE,
    confirmed_by       TEXT,
    version            BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX surplus_return_project_idx ON surplus_return (project_id, returned_on);

-- The split of content and funds between province, city and county (Art. 25). Replaced as a whole: every
-- replacement is a new version, the earlier ones stay for supervision (Art. 30).
CREATE TABLE level_share_set (
    project_id         UUID NOT NULL REFERENCES project (id),
    version            BIGINT NOT NULL,
    recorded_by        TEXT NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, version)
);
CREATE TABLE level_share (
    project_id              UUID NOT NULL,
    version                 BIGINT NOT NULL,
    position                INT NOT NULL,
    level                   TEXT NOT NULL CHECK (level IN ('PROVINCIAL', 'CITY', 'COUNTY')),
    organization            TEXT NOT NULL,
    content_responsibility  TEXT NOT NULL,
    amount                  NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (project_id, version, position),
    FOREIGN KEY (project_id, version) REFERENCES level_share_set (project_id, version)
);
