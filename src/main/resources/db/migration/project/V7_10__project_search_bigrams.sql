-- Search of the project list by name or code (issue 8). ILIKE '%…%' alone reads every project; at 100,000 projects
-- that is tens of milliseconds a search. A GIN index over the overlapping character pairs (bigrams) of name and code
-- narrows the rows to those holding every pair of the search text, and ILIKE then decides. Pairs rather than
-- pg_trgm's trigrams: a Chinese search is mostly a two-character word (医保, 社保), which has no trigram to look up,
-- and pg_trgm sees no CJK letters at all on a server whose ctype is C.
CREATE FUNCTION search_bigrams(text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower($1), i, 2)), '{}')
    FROM generate_series(1, length(lower($1)) - 1) AS i
$$;
CREATE INDEX project_search_idx ON project USING gin (search_bigrams(name || ' ' || code));
