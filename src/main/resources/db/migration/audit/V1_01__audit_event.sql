-- The audit log (Art. 30): append-only, each event chained to the one before by SM3.
CREATE TABLE audit_event (
    sequence          BIGINT PRIMARY KEY,
    occurred_at       TIMESTAMPTZ NOT NULL,
    actor             TEXT NOT NULL,
    organization_code TEXT,
    action            TEXT NOT NULL,
    entity_type       TEXT NOT NULL,
    entity_id         TEXT,
    project_id        UUID,
    summary           TEXT NOT NULL,
    previous_hash     CHAR(64) NOT NULL,
    hash              CHAR(64) NOT NULL UNIQUE
);
CREATE INDEX audit_event_project_idx ON audit_event (project_id, sequence DESC) WHERE project_id IS NOT NULL;

-- Nothing recorded may be changed or removed, whatever the application asks (Art. 30).
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
