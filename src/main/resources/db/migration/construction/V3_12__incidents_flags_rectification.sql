-- Serious delays and major losses the construction unit reports (Art. 22).
CREATE TABLE construction_incident (
    id           UUID PRIMARY KEY,
    project_id   UUID NOT NULL REFERENCES project (id),
    kind         TEXT NOT NULL CHECK (kind IN ('SERIOUS_DELAY', 'MAJOR_LOSS')),
    occurred_on  DATE NOT NULL,
    facts        TEXT NOT NULL CHECK (length(facts) <= 20000),
    measures     TEXT NOT NULL CHECK (length(measures) <= 20000),
    reported_by  TEXT NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX construction_incident_project_idx ON construction_incident (project_id, occurred_on);

-- A likely serious delay the platform detected itself; one per cause, answered by an incident report.
CREATE TABLE construction_delay_flag (
    id            UUID PRIMARY KEY,
    project_id    UUID NOT NULL REFERENCES project (id),
    cause         TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('MILESTONE_OVERDUE', 'PROGRESS_REPORT_MISSING')),
    subject       TEXT NOT NULL CHECK (length(subject) <= 200),
    since         DATE NOT NULL,
    detected_on   DATE NOT NULL,
    incident_id   UUID REFERENCES construction_incident (id),
    UNIQUE (project_id, cause)
);

-- The approval authority's rectification orders (Art. 22); each opens a RECTIFICATION obligation.
CREATE TABLE construction_rectification_order (
    id            UUID PRIMARY KEY,
    project_id    UUID NOT NULL REFERENCES project (id),
    incident_id   UUID REFERENCES construction_incident (id),
    requirements  TEXT NOT NULL CHECK (length(requirements) <= 20000),
    deadline      DATE NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('OPEN', 'REPORTED', 'ACCEPTED')),
    rectification TEXT CHECK (length(rectification) <= 20000),
    reported_on   DATE,
    opinion       TEXT CHECK (length(opinion) <= 20000),
    accepted_on   DATE,
    ordered_by    TEXT NOT NULL,
    ordered_on    DATE NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX construction_rectification_order_project_idx ON construction_rectification_order (project_id, ordered_on);
