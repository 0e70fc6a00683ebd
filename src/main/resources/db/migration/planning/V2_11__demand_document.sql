-- A demand filed as a Word (.docx) file keeps the original file, with its SM3 digest.
CREATE TABLE demand_document (
    demand_id  UUID PRIMARY KEY REFERENCES demand (id),
    file_name  TEXT NOT NULL CHECK (length(file_name) <= 255),
    size       BIGINT NOT NULL CHECK (size > 0),
    sm3        CHAR(64) NOT NULL,
    bytes      BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
