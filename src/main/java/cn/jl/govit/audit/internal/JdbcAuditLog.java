package cn.jl.govit.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.audit.Actor;
import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.audit.CurrentActor;

/**
 * Appends to the chain. A transaction-scoped advisory lock orders concurrent writers, so each event
 * links to the one committed before it; the lock is released with the caller's commit or rollback.
 * <p>
 * Each event is chained with HMAC-SM3 under the current {@link ChainKeys chain key}. When the head of the chain
 * was written under another key, or with plain SM3 before the chain was keyed, a checkpoint event
 * ({@value #CHECKPOINT}) is written first, at start-up or else before the next event: its MAC covers the head
 * hash, and so everything before it.
 */
@Service
class JdbcAuditLog implements AuditLog {

    static final String GENESIS = "0".repeat(64);
    static final String CHECKPOINT = "AUDIT_CHAIN_KEYED";
    private static final long CHAIN_LOCK = 0x6A6C_6175_6469_74L; // "jlaudit"
    private static final int MAX_SUMMARY = 2000;

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final Clock clock;
    private final ChainKeys keys;
    private final TransactionTemplate tx;

    JdbcAuditLog(JdbcClient jdbc, CurrentActor currentActor, Clock clock, ChainKeys keys, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.clock = clock;
        this.keys = keys;
        this.tx = tx;
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
        Head head = lockedHead();
        if (head.needsCheckpoint(keys.currentId())) {
            head = head.next(append(head, Actor.SYSTEM, CHECKPOINT, "AuditChain", keys.currentId(), null,
                    head.checkpointSummary(keys.currentId())));
        }
        return append(head, actor, action, entityType, entityId, projectId, summary);
    }

    /** Writes the checkpoint at start-up, so that a plain segment is covered before anyone reads the chain. */
    @EventListener(ApplicationReadyEvent.class)
    void checkpointAtStart() {
        tx.executeWithoutResult(status -> {
            Head head = lockedHead();
            if (head.needsCheckpoint(keys.currentId())) {
                append(head, Actor.SYSTEM, CHECKPOINT, "AuditChain", keys.currentId(), null,
                        head.checkpointSummary(keys.currentId()));
            }
        });
    }

    private Head lockedHead() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query().singleValue();
        return jdbc.sql("SELECT sequence, hash, key_id FROM audit_event ORDER BY sequence DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional().orElse(new Head(0, GENESIS, null));
    }

    private AuditEvent append(Head head, Actor actor, String action, String entityType, String entityId,
            UUID projectId, String summary) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String text = summary == null ? "" : summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary;
        String keyId = keys.currentId();
        AuditEvent unsigned = new AuditEvent(head.sequence() + 1, now, actor.username(), actor.organizationCode(),
                action, entityType, entityId, projectId, text, head.hash(), null, keyId);
        AuditEvent event = new AuditEvent(unsigned.sequence(), now, actor.username(), actor.organizationCode(), action,
                entityType, entityId, projectId, text, head.hash(),
                keys.mac(keyId).chain(head.hash(), unsigned.canonical()), keyId);
        jdbc.sql("""
                INSERT INTO audit_event (sequence, occurred_at, actor, organization_code, action, entity_type,
                                         entity_id, project_id, summary, previous_hash, hash, key_id)
                VALUES (:sequence, :occurredAt, :actor, :org, :action, :entityType, :entityId, :projectId, :summary,
                        :previousHash, :hash, :keyId)""")
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
                .param("keyId", event.keyId())
                .update();
        return event;
    }

    private record Head(long sequence, String hash, String keyId) {

        boolean needsCheckpoint(String currentKey) {
            return sequence > 0 && !currentKey.equals(keyId);
        }

        String checkpointSummary(String currentKey) {
            return "chain keyed under " + currentKey + " from event " + (sequence + 1) + "; covers events 1.." + sequence
                    + ", head " + hash + (keyId == null ? " (plain SM3)" : " (key " + keyId + ")");
        }

        Head next(AuditEvent written) {
            return new Head(written.sequence(), written.hash(), written.keyId());
        }
    }
}
