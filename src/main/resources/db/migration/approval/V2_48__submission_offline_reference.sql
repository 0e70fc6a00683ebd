-- Classified projects (Art. 8): their submissions stay offline; the platform keeps the carrier reference of each filing.
CREATE TABLE submission_offline_reference (
    submission_id UUID NOT NULL REFERENCES submission (id),
    revision      INT NOT NULL,
    reference     TEXT NOT NULL CHECK (length(reference) <= 200),
    registered_by TEXT NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (submission_id, revision)
);
