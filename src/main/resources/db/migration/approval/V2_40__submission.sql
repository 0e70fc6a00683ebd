-- Submissions (申报材料) of the stages of a project's approval path (Art. 9, Annexes 1-3): one per project and
-- stage, content as JSON (chapters by outline code, attachments, information resources, statements); every
-- filed version kept unchanged in submission_version.
CREATE TABLE submission (
    id            UUID PRIMARY KEY,
    project_id    UUID        NOT NULL REFERENCES project (id),
    stage         TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    content       JSONB       NOT NULL,
    revision      INTEGER     NOT NULL DEFAULT 0,
    return_reason TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    submitted_at  TIMESTAMPTZ,
    version       BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT submission_project_stage UNIQUE (project_id, stage)
);

CREATE TABLE submission_version (
    submission_id UUID        NOT NULL REFERENCES submission (id),
    revision      INTEGER     NOT NULL,
    submitted_at  TIMESTAMPTZ NOT NULL,
    submitted_by  TEXT        NOT NULL,
    content       JSONB       NOT NULL,
    PRIMARY KEY (submission_id, revision)
);

-- a filed version is evidence: never changed, never removed
CREATE FUNCTION submission_version_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'submission_version is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER submission_version_no_change BEFORE UPDATE OR DELETE ON submission_version
    FOR EACH ROW EXECUTE FUNCTION submission_version_immutable();
