-- SM2 key pairs of the issuing authorities; the private key only SM4-GCM-sealed under a key outside the database.
CREATE TABLE signing_key (
    issuer             TEXT PRIMARY KEY,
    key_id             TEXT NOT NULL UNIQUE,
    public_key         BYTEA NOT NULL,
    private_key_sealed BYTEA NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL
);
