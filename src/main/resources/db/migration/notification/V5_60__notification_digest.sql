-- How each user wants notifications by e-mail: each notification as it is created (EACH), one daily digest
-- (DIGEST) or none (NONE). A user without a row gets the digest, the default.
CREATE TABLE notification_preference (
    username   TEXT        PRIMARY KEY REFERENCES app_user (username),
    mail       TEXT        NOT NULL CHECK (mail IN ('EACH', 'DIGEST', 'NONE')),
    updated_at TIMESTAMPTZ NOT NULL
);

-- One daily digest per user and day. The row is the claim: a node inserts it (ON CONFLICT DO NOTHING) before
-- composing, so that two nodes or a second run of the same day never mail the user twice. CLAIMED until the
-- mail went out (SENT), failed (FAILED, with the reason; the next run of the day retries it) or there was
-- nothing to tell (EMPTY). covered_until is the instant up to which the digest listed unread notifications:
-- the next digest lists only those created after the last one that was SENT.
CREATE TABLE notification_digest (
    username        TEXT        NOT NULL REFERENCES app_user (username),
    digest_date     DATE        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('CLAIMED', 'SENT', 'FAILED', 'EMPTY')),
    node            TEXT        NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 1,
    claimed_at      TIMESTAMPTZ NOT NULL,
    covered_until   TIMESTAMPTZ NOT NULL,
    notifications   INTEGER     NOT NULL DEFAULT 0,
    todo_items      INTEGER     NOT NULL DEFAULT 0,
    sent_at         TIMESTAMPTZ,
    failure         TEXT,
    PRIMARY KEY (username, digest_date)
);
CREATE INDEX notification_digest_sent_idx ON notification_digest (username, covered_until DESC) WHERE status = 'SENT';
