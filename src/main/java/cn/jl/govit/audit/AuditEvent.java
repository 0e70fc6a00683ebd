package cn.jl.govit.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded state change. {@code hash} = HMAC-SM3 under the key {@code keyId} of (previous hash ‖
 * {@link #canonical()} ‖ key id), hex-encoded; events written before the chain was keyed have no key id and
 * {@code hash} = SM3(previous hash ‖ canonical).
 *
 * @param sequence position in the chain, from 1
 * @param projectId the project concerned, if any, so that a project's history can be read on its own
 * @param keyId the id of the chain key (kept outside the database), or {@code null} for a plain SM3 event
 */
public record AuditEvent(long sequence, Instant occurredAt, String actor, String organizationCode, String action,
        String entityType, String entityId, UUID projectId, String summary, String previousHash, String hash,
        String keyId) {

    /** The event's content in one unambiguous line: fields length-prefixed so no separator can be forged. */
    public String canonical() {
        StringBuilder s = new StringBuilder();
        for (Object field : new Object[] {sequence, occurredAt, actor, organizationCode, action, entityType, entityId,
                projectId, summary}) {
            String text = field == null ? "" : field.toString();
            s.append(field == null ? -1 : text.length()).append(':').append(text).append('|');
        }
        return s.toString();
    }
}
