-- The password policy the security administrator keeps (GB/T 22239 level 3, 三员): the maximum age after which a
-- password must be changed at the next sign-in. At most one row; without it the configured default holds.
-- Changes are updates of the one row, each audited; 0 days means no periodic change.
CREATE TABLE password_policy (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    max_age_days  INT NOT NULL CHECK (max_age_days BETWEEN 0 AND 3650),
    changed_by    TEXT NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT NOT NULL DEFAULT 0
);
