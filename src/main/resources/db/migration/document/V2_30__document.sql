-- Documents of a project: stored files with their SM3 digest, or, for a classified project, a registration by
-- offline carrier reference (Art. 8). The bytes live under the data folder, documents/<storage_name>; the
-- client's file name is kept for display only.
CREATE TABLE document (
    id                 UUID PRIMARY KEY,
    project_id         UUID NOT NULL REFERENCES project (id),
    code               TEXT CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    title              TEXT CHECK (length(title) <= 200),
    filename           TEXT CHECK (length(filename) <= 200),
    content_type       TEXT,
    size               BIGINT CHECK (size >= 0),
    sm3                TEXT CHECK (sm3 ~ '^[0-9a-f]{64}$'),
    storage_name       TEXT UNIQUE,
    offline_reference  TEXT CHECK (length(offline_reference) <= 200),
    uploaded_by        TEXT NOT NULL,
    uploaded_at        TIMESTAMPTZ NOT NULL,
    CHECK ((storage_name IS NOT NULL AND sm3 IS NOT NULL AND size IS NOT NULL AND offline_reference IS NULL)
        OR (storage_name IS NULL AND offline_reference IS NOT NULL))
);

CREATE INDEX document_project ON document (project_id, uploaded_at);
