-- API bearer tokens (issue 8): a client signs in once with its password (HTTP Basic, one PBKDF2-HMAC-SM3 hash) and
-- then sends an opaque 256-bit token instead, so that the API does not hash the password on every request.
-- Only the token's SM3 digest is stored: a copy of this table does not let anybody call the API. Rows are never
-- deleted (Art. 30): a revocation (by the owner, a password change or a disabled account) sets revoked_at; an
-- expired token simply stays refused.
CREATE TABLE api_token (
    id           UUID PRIMARY KEY,
    token_sm3    TEXT NOT NULL UNIQUE CHECK (token_sm3 ~ '^[0-9a-f]{64}$'),
    username     TEXT NOT NULL REFERENCES app_user (username),
    name         TEXT CHECK (name IS NULL OR length(name) <= 200),
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL CHECK (expires_at > created_at),
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);
-- the owner's list (newest first) and the revocation of all of a user's live tokens
CREATE INDEX api_token_username_idx ON api_token (username, created_at DESC);
