package cn.jl.govit.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded state change. {@code hash} = SM3(previous hash ‖ {@link #canonical()}), hex-encoded.
 *
 * @param sequence position in the chain, from 1
 * @param projectId the project concerned, if any, so that a project's history can be read on its own
 */
public record AuditEvent(long sequence, Instant occurredAt, String actor, String organizationCode, String action,
        String entityType, String entityId, UUID projectId, String summary, String previousHash, String hash) {

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
