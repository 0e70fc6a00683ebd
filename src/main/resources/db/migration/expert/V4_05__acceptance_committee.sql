-- Final acceptance committees (Annex 4 section 7): one committee per final acceptance application, one
-- assignment per expert of its expert group. Applications and projects are referenced by id only; the
-- project's code and name and the application's materials are the snapshot handed over when the committee
-- was formed. Nothing is ever deleted (Art. 30): an assignment goes from OPEN to FILED once.
CREATE TABLE acceptance_committee (
    id                         UUID PRIMARY KEY,
    application_id             UUID NOT NULL UNIQUE,
    project_id                 UUID NOT NULL,
    project_code               TEXT NOT NULL,
    project_name               TEXT NOT NULL,
    method                     TEXT NOT NULL CHECK (method IN ('DRAW', 'NAMED')),
    conflicting_organizations  TEXT[] NOT NULL DEFAULT '{}',
    formed_by                  TEXT NOT NULL,
    formed_at                  TIMESTAMPTZ NOT NULL
);

CREATE INDEX acceptance_committee_project ON acceptance_committee (project_id);

CREATE TABLE acceptance_committee_material (
    committee_id  UUID NOT NULL REFERENCES acceptance_committee (id),
    position      INT NOT NULL,
    code          TEXT NOT NULL,
    title         TEXT,
    document_id   UUID,
    sm3           TEXT,
    PRIMARY KEY (committee_id, position)
);

CREATE TABLE acceptance_assignment (
    id                               UUID PRIMARY KEY,
    committee_id                     UUID NOT NULL REFERENCES acceptance_committee (id),
    application_id                   UUID NOT NULL,
    project_id                       UUID NOT NULL,
    expert_username                  TEXT NOT NULL REFERENCES expert (username),
    status                           TEXT NOT NULL CHECK (status IN ('OPEN', 'FILED')),
    goals_and_scale                  TEXT,
    investment                       TEXT,
    design_supervision_construction  TEXT,
    procurement                      TEXT,
    security_and_risk                TEXT,
    cryptography                     TEXT,
    archives                         TEXT,
    budget_and_accounts              TEXT,
    conclusion                       TEXT CHECK (conclusion IN ('RECOMMEND_PASS', 'RECOMMEND_PASS_AFTER_RECTIFICATION',
                                                                'RECOMMEND_FAIL')),
    overall_opinion                  TEXT,
    assigned_at                      TIMESTAMPTZ NOT NULL,
    filed_at                         TIMESTAMPTZ,
    version                          BIGINT NOT NULL DEFAULT 0,
    UNIQUE (committee_id, expert_username),
    CHECK (status = 'OPEN' OR (conclusion IS NOT NULL AND overall_opinion IS NOT NULL AND filed_at IS NOT NULL))
);

CREATE INDEX acceptance_assignment_expert ON acceptance_assignment (expert_username, status);
CREATE INDEX acceptance_assignment_application ON acceptance_assignment (application_id);
