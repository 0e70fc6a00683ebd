package cn.jl.govit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.audit.internal.AuditChains;
import cn.jl.govit.audit.internal.ChainKeys;
import cn.jl.govit.audit.internal.ChainScan;
import cn.jl.govit.audit.internal.ChainVerifier;
import cn.jl.govit.support.GovItTest;

/**
 * The fast verification against real PostgreSQL: binary COPY of the audit table, runs read over several connections,
 * the result equal to the row-by-row verifier's on the live chain and on broken copies of a chain (scratch tables
 * of the same columns, dropped afterwards; the audit table itself is append-only and shared by all tests).
 */
@GovItTest
class AuditChainScanIntegrationTests {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    private final ChainKeys ring = AuditChains.ring();
    private final Random random = new Random(33);

    @Test
    void theLiveChainWithAwkwardTextVerifiesAsRowByRow() {
        tx.executeWithoutResult(s -> {
            for (String summary : List.of("政务信息化项目 😀 𠀀 tab\there", "line\nbreak \\ backslash | pipe : colon", "",
                    "é".repeat(300), AuditChains.text(random, 500))) {
                audit.record(Actor.SYSTEM, "AUDIT_SCAN_TEST", "测试", "id\t" + UUID.randomUUID(), UUID.randomUUID(),
                        summary);
                audit.record(Actor.SYSTEM, "AUDIT_SCAN_TEST", "Test", null, null, summary);
            }
        });

        ChainVerification fast = trail.verify();
        ChainVerification rowByRow = trail.verifyRowByRow();

        assertThat(fast.valid()).as(fast.toString()).isTrue();
        // events may be appended by other tests in between: the fast result is a chain at least as long
        assertThat(fast.count()).isGreaterThanOrEqualTo(rowByRow.count());
        ChainVerification again = tx.execute(s -> trail.verify()); // in a transaction: one run on its connection
        assertThat(again.valid()).isTrue();
        assertThat(trail.readChainOnly()).isGreaterThanOrEqualTo(fast.count());
    }

    @Test
    void brokenCopiesOfAChainVerifyAsRowByRowWhateverTheNumberOfRuns() throws Exception {
        List<AuditEvent> chain = AuditChains.chain(random, 7, 93, ring);
        List<List<AuditEvent>> cases = new ArrayList<>();
        cases.add(chain);
        cases.add(AuditChains.chain(random, 9, 0, ring)); // plain only: uncovered
        for (int at : new int[] {0, 6, 7, 24, 49, 50, 51, 66, 99}) { // 50/51: the seam of two runs, 33/34/66/67 of three
            cases.add(mutate(chain, at, e -> AuditChains.withSummary(e, e.summary() + "!")));
        }
        cases.add(mutate(chain, 33, e -> AuditChains.hashed(AuditChains.with(e, e.previousHash(), null, null), ring)));
        List<AuditEvent> gap = new ArrayList<>(chain);
        gap.remove(50);
        cases.add(gap);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (List<AuditEvent> events : cases) {
            String table = "audit_scan_" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
            jdbc.execute("CREATE TABLE " + table + " (LIKE audit_event, PRIMARY KEY (sequence))");
            try {
                load(table, events);
                ChainVerifier verifier = new ChainVerifier(ring);
                events.forEach(verifier::accept);
                ChainVerification expected = verifier.result();
                ChainScan scan = new ChainScan(dataSource, ring, table);
                for (int workers : new int[] {1, 2, 3, 5}) {
                    assertThat(scan.verify(workers)).as("%d runs", workers).isEqualTo(expected);
                }
                assertThat(scan.run(2, false).rows()).isEqualTo(events.size());
                // inside a transaction a broken chain is read to its end (a cancelled COPY would abort it)
                tx.executeWithoutResult(s -> {
                    assertThat(scan.verify(3)).isEqualTo(expected);
                    assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class)).isEqualTo(events.size());
                });
            }
            finally {
                jdbc.execute("DROP TABLE " + table);
            }
        }
    }

    private void load(String table, List<AuditEvent> events) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + AuditChains.COLUMNS
                    + ") FROM STDIN (FORMAT binary)", new ByteArrayInputStream(AuditChains.copyBinary(events)));
        }
    }

    private static List<AuditEvent> mutate(List<AuditEvent> chain, int at, UnaryOperator<AuditEvent> change) {
        List<AuditEvent> copy = new ArrayList<>(chain);
        copy.set(at, change.apply(chain.get(at)));
        return copy;
    }
}
