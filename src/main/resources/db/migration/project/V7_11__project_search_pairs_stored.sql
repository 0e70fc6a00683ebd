-- The character pairs of V7_10 stored with each row: a search rechecks its candidates against the index condition,
-- and with the pairs only in the index that meant computing them again for every candidate — for a common
-- two-character word (系统) a third of all projects, a tenth of a second at national scale. Stored, the recheck
-- compares two arrays.
ALTER TABLE project ADD COLUMN search_pairs TEXT[] GENERATED ALWAYS AS (search_bigrams(name || ' ' || code)) STORED;
CREATE INDEX project_search_pairs_idx ON project USING gin (search_pairs);
DROP INDEX project_search_idx;
