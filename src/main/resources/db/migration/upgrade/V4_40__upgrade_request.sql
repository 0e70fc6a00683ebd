-- Upgrades of systems in operation (Art. 29). One row per request; its steps (joint review, Leading Group decision,
-- the upgrade project proposed) fill in columns as they happen and the status moves on. Nothing is deleted.
-- The lead and authority codes are copied from the operating project so that the lists filter by scope in SQL.
CREATE TABLE upgrade_request (
    id                        UUID PRIMARY KEY,
    project_id                UUID          NOT NULL REFERENCES project (id),
    number                    INTEGER       NOT NULL,
    lead_organization_code    TEXT          NOT NULL,
    authority_code            TEXT          NOT NULL,
    title                     TEXT          NOT NULL,
    reasons                   TEXT          NOT NULL,
    scope                     TEXT          NOT NULL,
    estimated_investment      NUMERIC(15, 2) NOT NULL CHECK (estimated_investment > 0),
    construction_period_months INTEGER      NOT NULL CHECK (construction_period_months > 0),
    shareable                 BOOLEAN       NOT NULL,
    catalogue_code            TEXT,
    document_id               UUID REFERENCES document (id),
    route                     TEXT          NOT NULL CHECK (route IN ('NORMAL_APPROVAL', 'JOINT_REVIEW')),
    status                    TEXT          NOT NULL CHECK (status IN ('SUBMITTED', 'AWAITING_LEADING_GROUP',
                                                 'APPROVED', 'REJECTED', 'PROJECT_CREATED')),
    requested_on              DATE          NOT NULL,
    requested_by              TEXT          NOT NULL,
    requested_at              TIMESTAMPTZ   NOT NULL,
    reviewed_on               DATE,
    review_departments        TEXT[],
    review_opinion            TEXT,
    review_recommendation     TEXT CHECK (review_recommendation IN ('SUPPORT', 'OPPOSE')),
    review_document_id        UUID REFERENCES document (id),
    reviewed_by               TEXT,
    reviewed_at               TIMESTAMPTZ,
    decision                  TEXT CHECK (decision IN ('APPROVED', 'REJECTED')),
    decided_on                DATE,
    decision_opinion          TEXT,
    decided_by                TEXT,
    decided_at                TIMESTAMPTZ,
    upgrade_project_id        UUID REFERENCES project (id),
    project_created_by        TEXT,
    project_created_at        TIMESTAMPTZ,
    version                   BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT upgrade_request_number UNIQUE (project_id, number)
);
CREATE INDEX upgrade_request_lead_idx ON upgrade_request (lead_organization_code, requested_at);
CREATE INDEX upgrade_request_authority_idx ON upgrade_request (authority_code, requested_at);
CREATE INDEX upgrade_request_status_idx ON upgrade_request (status, requested_at);
