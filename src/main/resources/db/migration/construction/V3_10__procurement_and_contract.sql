-- Procurements and contracts of a project under construction (Art. 14, 21). Contract amounts are summed against
-- the current approved estimate; a classified project's procurement is filed offline (Art. 8, secrecy law).
CREATE TABLE construction_procurement (
    id                 UUID PRIMARY KEY,
    project_id         UUID NOT NULL REFERENCES project (id),
    method             TEXT NOT NULL CHECK (method IN ('PUBLIC_TENDER', 'INVITED_TENDER', 'COMPETITIVE_NEGOTIATION',
                           'COMPETITIVE_CONSULTATION', 'SINGLE_SOURCE', 'REQUEST_FOR_QUOTATION', 'FRAMEWORK_AGREEMENT')),
    subject            TEXT NOT NULL CHECK (length(subject) <= 200),
    budget_amount      NUMERIC(15, 2) NOT NULL CHECK (budget_amount > 0),
    supplier           TEXT CHECK (length(supplier) <= 200),
    announced_on       DATE NOT NULL,
    awarded_on         DATE CHECK (awarded_on >= announced_on),
    classified         BOOLEAN NOT NULL DEFAULT FALSE,
    offline_reference  TEXT CHECK (length(offline_reference) <= 200),
    recorded_by        TEXT NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    version            BIGINT NOT NULL DEFAULT 0,
    CHECK (NOT classified OR offline_reference IS NOT NULL)
);
CREATE INDEX construction_procurement_project_idx ON construction_procurement (project_id, announced_on);

-- The documents of a procurement (announcement, bid evaluation, award notice), all of the same project.
CREATE TABLE construction_procurement_document (
    procurement_id  UUID NOT NULL REFERENCES construction_procurement (id),
    document_id     UUID NOT NULL REFERENCES document (id),
    PRIMARY KEY (procurement_id, document_id)
);

CREATE TABLE construction_contract (
    id              UUID PRIMARY KEY,
    project_id      UUID NOT NULL REFERENCES project (id),
    contractor      TEXT NOT NULL CHECK (length(contractor) <= 200),
    subject         TEXT NOT NULL CHECK (length(subject) <= 200),
    kind            TEXT NOT NULL CHECK (kind IN ('CONSTRUCTION', 'SUPERVISION', 'CONSULTING', 'OTHER')),
    amount          NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    signed_on       DATE NOT NULL,
    procurement_id  UUID REFERENCES construction_procurement (id),
    recorded_by     TEXT NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX construction_contract_project_idx ON construction_contract (project_id, signed_on);
