-- Issue 7.11: one lease row per scheduled job (ShedLock's JDBC provider), so that a job that every node fires
-- runs on one of them. A lease is taken with an INSERT or an UPDATE ... WHERE lock_until <= now() and given back
-- by moving lock_until; rows are never deleted. Times are the database's (the provider's usingDbTime), so that
-- the nodes' clocks need not agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
