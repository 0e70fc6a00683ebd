-- The daily obligation scan claims its day here, so that it runs once per day even when several nodes share
-- the database (INSERT ... ON CONFLICT DO NOTHING: the first node wins, the others skip).
CREATE TABLE obligation_scan (
    day            DATE PRIMARY KEY,
    node           TEXT        NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    marked_overdue INT,
    reminded       INT
);

-- The day the one reminder before the due date went out; cleared when the obligation is re-dated.
ALTER TABLE obligation ADD COLUMN reminded_on DATE;
