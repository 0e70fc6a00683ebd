-- One findings flow for every source (Art. 31, 32): a supervising body's own inspection (DIRECT), the approval
-- authority's rectification opinion on an evaluation (EVALUATION; source_ref is the self-evaluation or
-- post-evaluation id) or an overdue obligation of the project that a body cites (OBLIGATION; source_ref is the
-- obligation id). The references are plain ids: supervision does not depend on the modules that own them.
ALTER TABLE supervision_finding ADD COLUMN source TEXT NOT NULL DEFAULT 'DIRECT'
    CHECK (source IN ('DIRECT', 'EVALUATION', 'OBLIGATION'));
ALTER TABLE supervision_finding ADD COLUMN source_ref UUID;
ALTER TABLE supervision_finding ADD CONSTRAINT supervision_finding_source_ref
    CHECK ((source = 'DIRECT') = (source_ref IS NULL));
CREATE INDEX supervision_finding_source_idx ON supervision_finding (source, status);
