package cn.jl.govit.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.Actor;
import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.audit.CurrentActor;
import cn.jl.govit.audit.Sm3;

/**
 * Appends to the chain. A transaction-scoped advisory lock orders concurrent writers, so each event
 * links to the one committed before it; the lock is released with the caller's commit or rollback.
 */
@Service
class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x6A6C_6175_6469_74L; // "jlaudit"

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, CurrentActor currentActor, Clock clock) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(String action, String entityType, String entityId, UUID projectId, String summary) {
        return record(currentActor.current(), action, entityType, entityId, projectId, summary);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(Actor actor, String action, String entityType, String entityId, UUID projectId,
            String summary) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query().singleValue();
        record Head(long sequence, String hash) {
        }
        Head head = jdbc.sql("SELECT sequence, hash FROM audit_event ORDER BY sequence DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional().orElse(new Head(0, GENESIS));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String text = summary == null ? "" : summary.length() > 2000 ? summary.substring(0, 2000) : summary;
        AuditEvent unsigned = new AuditEvent(head.sequence() + 1, now, actor.username(), actor.organizationCode(),
                action, entityType, entityId, projectId, text, head.hash(), null);
        AuditEvent event = new AuditEvent(unsigned.sequence(), now, actor.username(), actor.organizationCode(), action,
                entityType, entityId, projectId, text, head.hash(),
                Sm3.chain(head.hash(), unsigned.canonical()));
        jdbc.sql("""
                INSERT INTO audit_event (sequence, occurred_at, actor, organization_code, action, entity_type,
                                         entity_id, project_id, summary, previous_hash, hash)
                VALUES (:sequence, :occurredAt, :actor, :org, :action, :entityType, :entityId, :projectId, :summary,
                        :previousHash, :hash)""")
                .param("sequence", event.sequence())
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .param("actor", event.actor())
                .param("org", event.organizationCode())
                .param("action", event.action())
                .param("entityType", event.entityType())
                .param("entityId", event.entityId())
                .param("projectId", event.projectId())
                .param("summary", event.summary())
                .param("previousHash", event.previousHash())
                .param("hash", event.hash())
                .update();
        return event;
    }
}
