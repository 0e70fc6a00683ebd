package cn.jl.govit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/** The keyed (HMAC-SM3) audit chain: one event per change, append-only in the database, tampering detected. */
@GovItTest
class AuditChainIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditTrail trail;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
        // a user's first HTTP Basic request in a while is audited as a login: get those out of the counts below
        for (String user : new String[] {"rst", "szsj", "jyt", "sjt"}) {
            api.as(user).get("projects?size=1");
        }
    }

    @Test
    void everyStateChangeWritesExactlyOneEvent() {
        long before = verifiedCount();
        String id = propose("rst", Api.unique("审计"));
        long afterProposal = verifiedCount();

        assertThat(afterProposal).isEqualTo(before + 1);
        Response history = api.as("rst").get("audit-events?projectId=" + id);
        assertThat(history.status()).isEqualTo(200);
        assertThat(((Number) history.json("$.totalElements")).longValue()).isEqualTo(1);
        assertThat(history.text("$.content[0].action")).isEqualTo("PROJECT_PROPOSED");
        assertThat(history.text("$.content[0].actor")).isEqualTo("rst");
        assertThat(history.text("$.content[0].organizationCode")).isEqualTo("RST");
        assertThat(history.text("$.content[0].projectId")).isEqualTo(id);

        assertThat(api.as("szsj").post("projects/" + id + "/construction-mode", Map.of("mode", "UNIFIED")).status())
                .isEqualTo(200);
        assertThat(verifiedCount()).isEqualTo(afterProposal + 1);
        assertThat(api.as("rst").get("audit-events?projectId=" + id).<List<String>>json("$.content[*].action"))
                .containsExactly("CONSTRUCTION_MODE_DECIDED", "PROJECT_PROPOSED");
    }

    @Test
    void aRefusedChangeWritesNoEvent() {
        String id = propose("rst", Api.unique("拒绝"));
        long before = verifiedCount();

        Response refused = api.as("szsj").post("projects/" + id + "/construction-mode",
                Map.of("mode", "SELF_BUILT", "exception", "CLASSIFIED", "justification", "x"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(verifiedCount()).isEqualTo(before);
    }

    @Test
    void theChainVerifiesAndItsHeadIsTheNewestEvent() {
        propose("rst", Api.unique("链头"));

        Response verification = api.as("sjt").get("audit-events/verification");
        Response newest = api.as("sjt").get("audit-events?size=1");

        assertThat(verification.status()).isEqualTo(200);
        assertThat((Boolean) verification.json("$.valid")).isTrue();
        assertThat((Object) verification.json("$.firstBrokenSequence")).isNull();
        assertThat(verification.text("$.head")).matches("[0-9a-f]{64}").isEqualTo(newest.text("$.content[0].hash"));
        assertThat(((Number) verification.json("$.count")).longValue())
                .isEqualTo(((Number) newest.json("$.totalElements")).longValue())
                .isEqualTo(((Number) newest.json("$.content[0].sequence")).longValue());
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEvent() {
        long sequence = latestSequence();

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET summary = 'changed' WHERE sequence = ?", sequence))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE sequence = ?", sequence))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void verificationFindsATamperedEventExactlyWhereItWasChanged() {
        String id = propose("rst", Api.unique("篡改"));
        propose("rst", Api.unique("其后"));
        long sequence = jdbc.queryForObject(
                "SELECT sequence FROM audit_event WHERE project_id = ?::uuid AND action = 'PROJECT_PROPOSED'", Long.class, id);
        String original = jdbc.queryForObject("SELECT summary FROM audit_event WHERE sequence = ?", String.class, sequence);
        assertThat(trail.verify().valid()).isTrue();

        try {
            bypassingTheTrigger("UPDATE audit_event SET summary = summary || ' (altered)' WHERE sequence = ?", sequence);

            ChainVerification tampered = trail.verify();
            assertThat(tampered.valid()).isFalse();
            assertThat(tampered.firstBrokenSequence()).isEqualTo(sequence);
            assertThat(tampered.count()).isEqualTo(sequence - 1);
            Response shown = api.as("sjt").get("audit-events/verification");
            assertThat((Boolean) shown.json("$.valid")).isFalse();
            assertThat(((Number) shown.json("$.firstBrokenSequence")).longValue()).isEqualTo(sequence);
        }
        finally {
            bypassingTheTrigger("UPDATE audit_event SET summary = ? WHERE sequence = ?", original, sequence);
        }
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void verificationFindsARemovedEvent() {
        propose("rst", Api.unique("删除"));
        propose("rst", Api.unique("删除之后"));
        long sequence = latestSequence() - 1;
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_event WHERE sequence = ?", sequence);

        try {
            bypassingTheTrigger("DELETE FROM audit_event WHERE sequence = ?", sequence);

            ChainVerification gap = trail.verify();
            assertThat(gap.valid()).isFalse();
            assertThat(gap.firstBrokenSequence()).isEqualTo(sequence + 1);
        }
        finally {
            tx.executeWithoutResult(s -> jdbc.update("""
                    INSERT INTO audit_event (sequence, occurred_at, actor, organization_code, action, entity_type, entity_id,
                                             project_id, summary, previous_hash, hash, key_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("sequence"), row.get("occurred_at"), row.get("actor"),
                    row.get("organization_code"), row.get("action"), row.get("entity_type"), row.get("entity_id"),
                    row.get("project_id"), row.get("summary"), row.get("previous_hash"), row.get("hash"), row.get("key_id")));
        }
        assertThat(trail.verify().valid()).isTrue();
    }

    /**
     * The log's total is the chain's length read from its first and last numbers, and equals the events counted one by
     * one; a project's page holds its events only, newest first, and its total counts them.
     */
    @Test
    void theLogsTotalsAndAProjectsPageHoldWhatTheTableHolds() {
        String project = propose("rst", Api.unique("审计分页"));
        // a background job may append an event meanwhile: compare within a window in which the table did not grow
        long all;
        long total;
        long after;
        do {
            all = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
            total = trail.count(null);
            after = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
        }
        while (all != after);
        assertThat(total).isEqualTo(all);
        UUID id = UUID.fromString(project);
        long own = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE project_id = ?", Long.class, id);
        assertThat(own).isGreaterThanOrEqualTo(1);
        assertThat(trail.count(id)).isEqualTo(own);
        List<AuditEvent> page = trail.page(id, 0, 100);
        assertThat(page).hasSize((int) own).allSatisfy(e -> assertThat(e.projectId()).isEqualTo(id));
        assertThat(page).extracting(AuditEvent::sequence).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<AuditEvent> newest = trail.page(null, 0, 3);
        assertThat(newest).extracting(AuditEvent::sequence).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(newest.get(0).sequence()).isGreaterThanOrEqualTo(all);
        assertThat(trail.count(UUID.randomUUID())).isZero();
    }

    @Test
    void theAuditOfficeReadsTheWholeLog() {
        assertThat(api.as("sjt").get("audit-events").status()).isEqualTo(200);
        assertThat(api.as("sjt").get("audit-events/verification").status()).isEqualTo(200);
    }

    @Test
    void aDepartmentReadsOnlyTheHistoryOfItsOwnProjects() {
        String own = propose("rst", Api.unique("本厅"));
        String others = propose("jyt", Api.unique("他厅"));

        assertThat(api.as("rst").get("audit-events?projectId=" + own).status()).isEqualTo(200);
        Response outside = api.as("rst").get("audit-events?projectId=" + others);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.body()).doesNotContain(others.substring(0, 8) + "\"");
        assertThat(api.as("rst").get("audit-events").status()).isEqualTo(403);
        assertThat(api.as("rst").get("audit-events/verification").status()).isEqualTo(403);
    }

    @Test
    void theAdministratorDoesNotReadTheLog() {
        assertThat(api.as("admin").get("audit-events").status()).isEqualTo(403);
        assertThat(api.as("admin").get("audit-events/verification").status()).isEqualTo(403);
        assertThat(api.as("expert1").get("audit-events").status()).isEqualTo(403);
        assertThat(api.anonymous().get("audit-events").status()).isEqualTo(401);
    }

    /** Runs one statement as a replication session, which PostgreSQL exempts from ordinary triggers. */
    private void bypassingTheTrigger(String sql, Object... args) {
        tx.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL session_replication_role = replica");
            assertThat(jdbc.update(sql, args)).isEqualTo(1);
        });
    }

    private long verifiedCount() {
        ChainVerification verification = trail.verify();
        assertThat(verification.valid()).isTrue();
        return verification.count();
    }

    private long latestSequence() {
        return jdbc.queryForObject("SELECT max(sequence) FROM audit_event", Long.class);
    }

    private String propose(String user, String name) {
        Response created = api.as(user).post("projects", Api.proposal(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("$.id");
    }
}
