package cn.jl.govit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * The hardened audit chain: keyed with HMAC-SM3 so that a rewrite of the table with recomputed plain SM3 hashes is
 * found; append-only through the application's own DataSource; written in the transaction of the change it records.
 * Every tampering runs in a transaction that is rolled back, so the shared chain is never left altered.
 */
@GovItTest
class AuditHardeningIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog auditLog;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void newEventsAreChainedUnderAKeyThatIsNotInTheDatabase() {
        String id = propose(Api.unique("密钥链"));
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT * FROM audit_event WHERE project_id = ?::uuid AND action = 'PROJECT_PROPOSED'", id);
        AuditEvent event = event(row);

        assertThat(event.keyId()).matches("k[0-9]+");
        assertThat(event.hash()).matches("[0-9a-f]{64}").isNotEqualTo(Sm3.chain(event.previousHash(), event.canonical()));
        ChainVerification verification = trail.verify();
        assertThat(verification.valid()).as("%s; first broken: %s", verification, verification.firstBrokenSequence() == null
                ? "none" : jdbc.queryForList("SELECT * FROM audit_event WHERE sequence BETWEEN ? AND ?",
                        verification.firstBrokenSequence() - 1, verification.firstBrokenSequence())).isTrue();
    }

    @Test
    void rewritingAnEventAndRecomputingThePlainHashesFromThereIsFoundAtThatEvent() {
        String id = propose(Api.unique("改写"));
        propose(Api.unique("改写之后"));
        long altered = sequenceOfProposal(id);

        inATransactionRolledBack(() -> {
            bypassTheTrigger();
            jdbc.update("UPDATE audit_event SET summary = summary || ' (altered)' WHERE sequence = ?", altered);
            rechainWithPlainSm3(altered, false);
            assertThat(plainHashesHold(altered)).as("the forgery is consistent as a plain SM3 chain").isTrue();

            ChainVerification found = trail.verify();

            assertThat(found.valid()).isFalse();
            assertThat(found.firstBrokenSequence()).isEqualTo(altered);
            assertThat(found.count()).isEqualTo(altered - 1);
        });
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void rewritingTheWholeChainAsAPlainSm3ChainIsFound() {
        String id = propose(Api.unique("整链改写"));
        long altered = sequenceOfProposal(id);

        inATransactionRolledBack(() -> {
            bypassTheTrigger();
            jdbc.update("UPDATE audit_event SET summary = summary || ' (altered)' WHERE sequence = ?", altered);
            rechainWithPlainSm3(1, true);
            assertThat(plainHashesHold(1)).isTrue();

            ChainVerification found = trail.verify();

            // every event now looks like one written before the chain was keyed, and no keyed event covers them
            assertThat(found.valid()).isFalse();
            assertThat(found.firstBrokenSequence()).isEqualTo(1);
            assertThat(found.count()).isZero();
        });
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void anEventAfterAHeadWrittenWithoutTheCurrentKeyIsPrecededByAKeyedCheckpoint() {
        inATransactionRolledBack(() -> {
            // the head as an older version wrote it: plain SM3, no key id
            Map<String, Object> head = jdbc.queryForMap("SELECT sequence, hash FROM audit_event ORDER BY sequence DESC LIMIT 1");
            long plain = ((Number) head.get("sequence")).longValue() + 1;
            AuditEvent old = new AuditEvent(plain, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                    "rst", "RST", "PROJECT_PROPOSED", "Project", "old", null, "written before the chain was keyed",
                    ((String) head.get("hash")).strip(), null, null);
            String plainHash = Sm3.chain(old.previousHash(), old.canonical());
            jdbc.update("""
                    INSERT INTO audit_event (sequence, occurred_at, actor, organization_code, action, entity_type, entity_id,
                                             summary, previous_hash, hash)
                    VALUES (?, ?, 'rst', 'RST', 'PROJECT_PROPOSED', 'Project', 'old', ?, ?, ?)""", plain,
                    java.sql.Timestamp.from(old.occurredAt()), old.summary(), old.previousHash(), plainHash);

            AuditEvent recorded = auditLog.record(Actor.SYSTEM, "TEST", "Test", "after", null, "after the upgrade");

            AuditEvent checkpoint = event(jdbc.queryForMap("SELECT * FROM audit_event WHERE sequence = ?", plain + 1));
            assertThat(checkpoint.action()).isEqualTo("AUDIT_CHAIN_KEYED");
            assertThat(checkpoint.keyId()).isEqualTo(recorded.keyId()).isNotNull();
            assertThat(checkpoint.previousHash()).isEqualTo(plainHash);
            assertThat(checkpoint.summary()).contains("covers events 1.." + plain).contains(plainHash).contains("plain SM3");
            assertThat(recorded.sequence()).isEqualTo(plain + 2);
            assertThat(recorded.previousHash()).isEqualTo(checkpoint.hash());
            // here the chain was keyed from its first event, so a plain event in its middle is itself a break
            assertThat(trail.verify().firstBrokenSequence()).isEqualTo(plain);
        });
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void theApplicationsDataSourceCannotChangeOrRemoveAnEvent() {
        String id = propose(Api.unique("不可改"));
        long sequence = sequenceOfProposal(id);
        Map<String, Object> before = jdbc.queryForMap("SELECT summary, hash, key_id FROM audit_event WHERE sequence = ?",
                sequence);

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.update(
                "UPDATE audit_event SET summary = 'changed', hash = ? WHERE sequence = ?", "0".repeat(64), sequence)))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE sequence = ?", sequence))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

        assertThat(jdbc.queryForMap("SELECT summary, hash, key_id FROM audit_event WHERE sequence = ?", sequence))
                .isEqualTo(before);
        // and nobody is granted the privilege to ask (V6_41)
        assertThat(jdbc.queryForList("""
                SELECT privilege_type FROM information_schema.role_table_grants
                WHERE table_name = 'audit_event' AND grantee = 'PUBLIC'
                  AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')""", String.class)).isEmpty();
    }

    @Test
    void aRoleGrantedEveryPrivilegeIsStillRefusedByTheTrigger() {
        long sequence = jdbc.queryForObject("SELECT max(sequence) FROM audit_event", Long.class);

        inATransactionRolledBack(() -> {
            jdbc.execute("CREATE ROLE govit_audit_probe");
            jdbc.execute("GRANT ALL ON audit_event TO govit_audit_probe");
            jdbc.execute("SET LOCAL ROLE govit_audit_probe");
            assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET summary = 'x' WHERE sequence = ?", sequence))
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        });
    }

    @Test
    void recordingNeedsTheTransactionOfTheChange() {
        long before = jdbc.queryForObject("SELECT max(sequence) FROM audit_event", Long.class);

        assertThatThrownBy(() -> auditLog.record(Actor.SYSTEM, "TEST", "Test", "1", null, "outside a transaction"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE sequence > ? AND action = 'TEST'",
                Long.class, before)).isZero();
    }

    @Test
    void whenTheAuditEventCannotBeWrittenTheChangeRollsBack() {
        String name = Api.unique("审计失败");
        // a test-only trigger refuses exactly this proposal's audit event
        jdbc.execute("""
                CREATE FUNCTION h22_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.summary LIKE '%%' || '%s' || '%%' THEN
                        RAISE EXCEPTION 'audit insert refused by the test';
                    END IF;
                    RETURN NEW;
                END
                $$""".formatted(name));
        jdbc.execute("CREATE TRIGGER h22_refuse_audit BEFORE INSERT ON audit_event "
                + "FOR EACH ROW EXECUTE FUNCTION h22_refuse_audit()");
        try {
            Response refused = api.as("rst").post("projects", Api.proposal(name));

            assertThat(refused.status()).as(refused.toString()).isGreaterThanOrEqualTo(500);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM project WHERE name = ?", Long.class, name)).isZero();
        }
        finally {
            jdbc.execute("DROP TRIGGER h22_refuse_audit ON audit_event");
            jdbc.execute("DROP FUNCTION h22_refuse_audit()");
        }
        assertThat(api.as("rst").post("projects", Api.proposal(name)).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM project WHERE name = ?", Long.class, name)).isOne();
        assertThat(trail.verify().valid()).isTrue();
    }

    /** Replaces hash and previous hash of every event from {@code from} on with plain SM3, as a forger would. */
    private void rechainWithPlainSm3(long from, boolean dropKeyIds) {
        String previous = from == 1 ? "0".repeat(64)
                : jdbc.queryForObject("SELECT hash FROM audit_event WHERE sequence = ?", String.class, from - 1);
        if (dropKeyIds) {
            jdbc.update("UPDATE audit_event SET key_id = NULL WHERE sequence >= ?", from);
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM audit_event WHERE sequence >= ? ORDER BY sequence",
                from);
        for (Map<String, Object> row : rows) {
            AuditEvent e = event(row);
            String hash = Sm3.chain(previous, e.canonical());
            jdbc.update("UPDATE audit_event SET previous_hash = ?, hash = ? WHERE sequence = ?", previous, hash,
                    e.sequence());
            previous = hash;
        }
    }

    private boolean plainHashesHold(long from) {
        return jdbc.queryForList("SELECT * FROM audit_event WHERE sequence >= ? ORDER BY sequence", from).stream()
                .map(AuditHardeningIntegrationTests::event)
                .allMatch(e -> Sm3.chain(e.previousHash(), e.canonical()).equals(e.hash()));
    }

    private void inATransactionRolledBack(Runnable work) {
        tx.executeWithoutResult(status -> {
            try {
                // no writer appends to the chain while it is altered
                jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, 0x6A6C_6175_6469_74L);
                work.run();
            }
            finally {
                status.setRollbackOnly();
            }
        });
    }

    /** PostgreSQL exempts a replication session from ordinary triggers; the test DB's role is a superuser. */
    private void bypassTheTrigger() {
        jdbc.execute("SET LOCAL session_replication_role = replica");
    }

    private long sequenceOfProposal(String projectId) {
        return jdbc.queryForObject(
                "SELECT sequence FROM audit_event WHERE project_id = ?::uuid AND action = 'PROJECT_PROPOSED'", Long.class,
                projectId);
    }

    private String propose(String name) {
        Response created = api.as("rst").post("projects", Api.proposal(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("$.id");
    }

    private static AuditEvent event(Map<String, Object> row) {
        return new AuditEvent(((Number) row.get("sequence")).longValue(),
                ((java.sql.Timestamp) row.get("occurred_at")).toInstant(), (String) row.get("actor"),
                (String) row.get("organization_code"), (String) row.get("action"), (String) row.get("entity_type"),
                (String) row.get("entity_id"), (java.util.UUID) row.get("project_id"), (String) row.get("summary"),
                ((String) row.get("previous_hash")).strip(), ((String) row.get("hash")).strip(), (String) row.get("key_id"));
    }
}
