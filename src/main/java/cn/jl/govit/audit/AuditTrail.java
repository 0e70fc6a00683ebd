package cn.jl.govit.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.jl.govit.audit.internal.ChainKeys;
import cn.jl.govit.audit.internal.ChainScan;
import cn.jl.govit.audit.internal.ChainVerifier;
import cn.jl.govit.audit.internal.SharedRun;

/** Reads the audit log and verifies its keyed chain. */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ChainKeys keys;
    private final ChainScan scan;
    private final int workers;
    private final SharedRun<ChainVerification> shared = new SharedRun<>();

    AuditTrail(JdbcClient jdbc, javax.sql.DataSource dataSource, ChainKeys keys,
            @Value("${govit.audit.verify-workers:0}") int workers) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.template = new JdbcTemplate(dataSource);
        this.template.setFetchSize(5000);
        this.scan = new ChainScan(dataSource, keys);
        // the database sends the rows on a core of its own: more runs than cores only add switching
        this.workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The sequence of the newest event (0 for none). Every state change of the platform writes an event in its own
     * transaction, so this number moves exactly when committed data may have changed: a change stamp for derived
     * data kept in memory (one index probe).
     */
    public long head() {
        return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM audit_event").query(Long.class).single();
    }

    /**
     * Newest first; {@code projectId} {@code null} for all events. Two statements rather than one whose condition
     * switches off by its parameter ({@code :p IS NULL OR …}), which left a project's page no index to use: a scan of
     * 10 million events per view at national scale (issue 8).
     */
    @Transactional(readOnly = true)
    public List<AuditEvent> page(UUID projectId, int page, int size) {
        String where = projectId == null ? "" : "WHERE project_id = :projectId ";
        return jdbc.sql("SELECT * FROM audit_event " + where + "ORDER BY sequence DESC LIMIT :size OFFSET :offset")
                .params(projectId == null ? Map.of() : Map.of("projectId", projectId))
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> map(rs))
                .list();
    }

    /**
     * How many events the page's list holds. All events: the chain numbers them 1, 2, 3… without a gap (each is its
     * predecessor's sequence + 1, written under the chain's lock; nothing is ever removed, the table refuses it, and
     * {@link #verify()} reports any gap), so their number is read from the first and the last, two index probes,
     * instead of counting 10 million rows per view. A project's events are counted through its index.
     */
    @Transactional(readOnly = true)
    public long count(UUID projectId) {
        if (projectId == null) {
            return jdbc.sql("SELECT coalesce(max(sequence) - min(sequence) + 1, 0) FROM audit_event")
                    .query(Long.class).single();
        }
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE project_id = :projectId")
                .param("projectId", projectId)
                .query(Long.class).single();
    }

    /**
     * Re-computes every hash from the first event with the chain keys; stops at the first that does not hold
     * (see {@link ChainVerifier} for what holds). The rows are streamed by binary COPY and checked on their bytes,
     * in runs of the sequence range on several cores ({@link ChainScan}); the outcome is the row-by-row one's.
     * Concurrent requests outside a transaction share one run ({@link SharedRun}).
     */
    public ChainVerification verify() {
        // inside a transaction the run reads on the caller's connection and sees its uncommitted events: not shared
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return scan.verify(workers);
        }
        return shared.get(() -> scan.verify(workers));
    }

    /**
     * The same verification, row by row through JDBC and {@link AuditEvent#canonical()}: the reference the fast
     * verification is tested against, and the "before" figure of the benchmark.
     */
    @Transactional(readOnly = true)
    public ChainVerification verifyRowByRow() {
        ChainVerifier verifier = new ChainVerifier(keys);
        template.query("SELECT * FROM audit_event ORDER BY sequence", (RowCallbackHandler) rs -> verifier.accept(map(rs)));
        return verifier.result();
    }

    /** Reads every event the way {@link #verify()} does, without checking any: the raw cost of reading. */
    public long readChainOnly() {
        return scan.run(workers, false).rows();
    }

    private static AuditEvent map(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("sequence"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("organization_code"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getObject("project_id", UUID.class), rs.getString("summary"),
                rs.getString("previous_hash"), rs.getString("hash"), rs.getString("key_id"));
    }
}
