package cn.jl.govit.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import cn.jl.govit.audit.AuditEvent;

/**
 * One audit row as the database sent it, without decoding: the text columns are UTF-8 byte ranges of a shared
 * buffer (length {@code -1} for NULL), the time stamp PostgreSQL's microseconds since 2000-01-01 UTC. The fast
 * verifier reads millions of rows through one instance, so nothing here is allocated per row; {@link #toEvent()}
 * decodes it when a row must be looked at the slow way.
 */
public final class RawEvent {

    /** Seconds from 1970-01-01 to PostgreSQL's epoch 2000-01-01 (UTC). */
    static final long PG_EPOCH_SECONDS = 946_684_800L;

    public static final int ACTOR = 0;
    public static final int ORGANIZATION = 1;
    public static final int ACTION = 2;
    public static final int ENTITY_TYPE = 3;
    public static final int ENTITY_ID = 4;
    public static final int SUMMARY = 5;
    public static final int PREVIOUS_HASH = 6;
    public static final int HASH = 7;
    public static final int KEY_ID = 8;
    static final int TEXT_FIELDS = 9;

    byte[] buffer;
    long sequence;
    long pgMicros;
    boolean timeNull;
    boolean projectNull;
    long projectHigh;
    long projectLow;
    final int[] offset = new int[TEXT_FIELDS];
    final int[] length = new int[TEXT_FIELDS];

    /** The row of an event, encoded as PostgreSQL would send it (for tests and in-memory chains). */
    public static RawEvent of(AuditEvent e) {
        RawEvent raw = new RawEvent();
        String[] texts = {e.actor(), e.organizationCode(), e.action(), e.entityType(), e.entityId(), e.summary(),
                e.previousHash(), e.hash(), e.keyId()};
        byte[][] bytes = new byte[TEXT_FIELDS][];
        int total = 0;
        for (int i = 0; i < TEXT_FIELDS; i++) {
            bytes[i] = texts[i] == null ? null : texts[i].getBytes(StandardCharsets.UTF_8);
            total += bytes[i] == null ? 0 : bytes[i].length;
        }
        raw.buffer = new byte[total];
        int at = 0;
        for (int i = 0; i < TEXT_FIELDS; i++) {
            raw.offset[i] = at;
            raw.length[i] = bytes[i] == null ? -1 : bytes[i].length;
            if (bytes[i] != null) {
                System.arraycopy(bytes[i], 0, raw.buffer, at, bytes[i].length);
                at += bytes[i].length;
            }
        }
        raw.sequence = e.sequence();
        raw.timeNull = e.occurredAt() == null;
        if (!raw.timeNull) {
            raw.pgMicros = Math.multiplyExact(e.occurredAt().getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L)
                    + e.occurredAt().getNano() / 1_000;
        }
        raw.projectNull = e.projectId() == null;
        if (!raw.projectNull) {
            raw.projectHigh = e.projectId().getMostSignificantBits();
            raw.projectLow = e.projectId().getLeastSignificantBits();
        }
        return raw;
    }

    public long sequence() {
        return sequence;
    }

    boolean isNull(int field) {
        return length[field] < 0;
    }

    Instant occurredAt() {
        return timeNull ? null
                : Instant.ofEpochSecond(Math.floorDiv(pgMicros, 1_000_000L) + PG_EPOCH_SECONDS,
                        Math.floorMod(pgMicros, 1_000_000L) * 1_000L);
    }

    String text(int field) {
        return length[field] < 0 ? null : new String(buffer, offset[field], length[field], StandardCharsets.UTF_8);
    }

    /** The row decoded, as the row-by-row reader maps it. */
    public AuditEvent toEvent() {
        return new AuditEvent(sequence, occurredAt(), text(ACTOR), text(ORGANIZATION), text(ACTION),
                text(ENTITY_TYPE), text(ENTITY_ID), projectNull ? null : new UUID(projectHigh, projectLow),
                text(SUMMARY), text(PREVIOUS_HASH), text(HASH), text(KEY_ID));
    }
}
