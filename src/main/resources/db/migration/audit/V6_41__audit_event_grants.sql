-- Art. 30: the audit log is append-only. The trigger of V1_01 refuses UPDATE, DELETE and TRUNCATE of audit rows
-- for every role; these grants take the privileges away as well, so that a role without ownership of the table
-- (the application's role in production, see docs/security.md) cannot even ask. A superuser or the table's owner
-- keeps the power to alter the table itself: that is what the keyed chain detects.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
DO $$
BEGIN
    -- the migrating role: refused privileges are meaningful only when it is not a superuser
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM %I', current_user);
    END IF;
END
$$;
