-- Idempotency keys of creating API requests (issue 7.10). A key belongs to the user who sent it, so that two
-- users choosing the same key never see each other's responses. The row is written IN_PROGRESS in its own
-- transaction before the endpoint runs and completed with the response after it committed: a crash in
-- between leaves the key IN_PROGRESS (a repeat answers 409) instead of letting a repeat create a second
-- record. Rows are never removed: an expired or released key is taken over by an UPDATE of its row.
CREATE TABLE idempotency_key (
    username         TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    claim_id         UUID        NOT NULL,
    request_hash     TEXT        NOT NULL,
    method           TEXT        NOT NULL,
    path             TEXT        NOT NULL,
    state            TEXT        NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED', 'RELEASED')),
    response_status  INTEGER,
    content_type     TEXT,
    location         TEXT,
    etag             TEXT,
    response_body    BYTEA,
    created_at       TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ,
    expires_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, idempotency_key)
);

COMMENT ON TABLE idempotency_key IS 'Idempotency-Key of creating API requests and the stored first response (issue 7.10)';
COMMENT ON COLUMN idempotency_key.state IS 'IN_PROGRESS while the first request runs, COMPLETED with its 2xx response, RELEASED when it was refused and changed nothing';
