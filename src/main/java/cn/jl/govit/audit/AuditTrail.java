package cn.jl.govit.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log and verifies its chain. */
@Service
public class AuditTrail {

    private static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditTrail(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = new JdbcTemplate(dataSource);
        this.template.setFetchSize(5000);
    }

    /** Newest first; {@code projectId} {@code null} for all events. */
    @Transactional(readOnly = true)
    public List<AuditEvent> page(UUID projectId, int page, int size) {
        return jdbc.sql("SELECT * FROM audit_event WHERE (CAST(:projectId AS uuid) IS NULL OR project_id = :projectId) "
                        + "ORDER BY sequence DESC LIMIT :size OFFSET :offset")
                .param("projectId", projectId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> map(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public long count(UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE (CAST(:projectId AS uuid) IS NULL OR project_id = :projectId)")
                .param("projectId", projectId)
                .query(Long.class).single();
    }

    /** Re-computes every hash from the first event; stops at the first that does not match. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        var state = new Object() {
            long count;
            long expectedSequence = 1;
            String previous = GENESIS;
            Long broken;
        };
        template.query("SELECT * FROM audit_event ORDER BY sequence", (RowCallbackHandler) rs -> {
            if (state.broken != null) {
                return;
            }
            AuditEvent event = map(rs);
            String expected = Sm3.chain(state.previous, event.canonical());
            if (event.sequence() != state.expectedSequence || !state.previous.equals(event.previousHash())
                    || !expected.equals(event.hash())) {
                state.broken = event.sequence();
                return;
            }
            state.count++;
            state.expectedSequence++;
            state.previous = event.hash();
        });
        return new ChainVerification(state.broken == null, state.count, state.previous, state.broken);
    }

    private static AuditEvent map(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("sequence"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("organization_code"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getObject("project_id", UUID.class), rs.getString("summary"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }
}
