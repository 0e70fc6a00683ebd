-- Expert review (Art. 10, 13 (3)): the pool, one panel per submission version, one review per panel member.
-- Submissions and projects are referenced by id only: the expert module knows neither table.
CREATE TABLE expert (
    username           TEXT PRIMARY KEY REFERENCES app_user (username),
    organization_code  TEXT REFERENCES organization (code),
    fields             TEXT[] NOT NULL DEFAULT '{}',
    active             BOOLEAN NOT NULL,
    enrolled_at        TIMESTAMPTZ NOT NULL,
    version            BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE review_panel (
    id             UUID PRIMARY KEY,
    submission_id  UUID NOT NULL UNIQUE,
    project_id     UUID NOT NULL,
    method         TEXT NOT NULL CHECK (method IN ('DRAW', 'NAMED')),
    formed_by      TEXT NOT NULL,
    formed_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE expert_review (
    id                              UUID PRIMARY KEY,
    panel_id                        UUID NOT NULL REFERENCES review_panel (id),
    submission_id                   UUID NOT NULL,
    project_id                      UUID NOT NULL,
    expert_username                 TEXT NOT NULL REFERENCES expert (username),
    status                          TEXT NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED')),
    necessity                       TEXT,
    technical_feasibility_security  TEXT,
    investment                      TEXT,
    infrastructure_resources        TEXT,
    information_sharing             TEXT,
    conclusion                      TEXT CHECK (conclusion IN ('APPROVE', 'APPROVE_WITH_CHANGES', 'REJECT')),
    recommended_investment          NUMERIC(15, 2) CHECK (recommended_investment > 0),
    assigned_at                     TIMESTAMPTZ NOT NULL,
    submitted_at                    TIMESTAMPTZ,
    version                         BIGINT NOT NULL DEFAULT 0,
    UNIQUE (panel_id, expert_username),
    CHECK (status = 'OPEN' OR (conclusion IS NOT NULL AND recommended_investment IS NOT NULL AND submitted_at IS NOT NULL))
);

CREATE INDEX expert_review_expert ON expert_review (expert_username, status);
