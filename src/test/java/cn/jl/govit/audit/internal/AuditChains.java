package cn.jl.govit.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.Sm3;

/**
 * Test and benchmark support: random audit events with awkward text (CJK, emoji, tabs, newlines, backslashes,
 * empty and null fields), chains of them hashed exactly as {@link JdbcAuditLog} does, and PostgreSQL's binary COPY
 * format to load them with {@code COPY audit_event FROM STDIN (FORMAT binary)}.
 */
public final class AuditChains {

    public static final String GENESIS = JdbcAuditLog.GENESIS;
    public static final String COLUMNS = CopyRows.COLUMNS;
    private static final String ESCAPES = "\t\n\r\\|:-1 ";

    private AuditChains() {
    }

    /** A ring of two fixed keys, k1 then k2 (current). */
    public static ChainKeys ring() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        byte[] k1 = new byte[32];
        byte[] k2 = new byte[32];
        for (int i = 0; i < 32; i++) {
            k1[i] = (byte) (7 * i + 1);
            k2[i] = (byte) (200 - i);
        }
        keys.put("k1", k1);
        keys.put("k2", k2);
        return new ChainKeys(keys);
    }

    /** Random text of up to {@code max} characters, drawn from ASCII, escapes, CJK and supplementary characters. */
    public static String text(Random random, int max) {
        int length = random.nextInt(max + 1);
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            int kind = random.nextInt(10);
            switch (kind) {
                case 0 -> s.append(ESCAPES.charAt(random.nextInt(ESCAPES.length())));
                case 1 -> s.appendCodePoint(0x1F600 + random.nextInt(80)); // emoji, a surrogate pair
                case 2 -> s.appendCodePoint(0x20000 + random.nextInt(1000)); // CJK extension B
                case 3 -> s.append((char) (0x80 + random.nextInt(0x780))); // two-byte UTF-8
                case 4, 5, 6 -> s.append((char) (0x4E00 + random.nextInt(0x51A5))); // CJK, three bytes
                default -> s.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return s.toString();
    }

    /** A time stamp at PostgreSQL's precision: whole seconds, milliseconds or microseconds. */
    public static Instant instant(Random random) {
        long second = 946_684_800L + (long) (random.nextDouble() * 3_000_000_000L);
        long micros = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1000L;
            default -> random.nextInt(1_000_000);
        };
        return Instant.ofEpochSecond(second, micros * 1000);
    }

    /** An event with random content; {@code nulls} allows NULL in every nullable column. */
    public static AuditEvent event(Random random, long sequence, String previous, String keyId, boolean nulls) {
        return new AuditEvent(sequence, instant(random), text(random, 12), nulls && random.nextInt(4) == 0 ? null
                : text(random, 10), text(random, 24), text(random, 14),
                nulls && random.nextInt(4) == 0 ? null : random.nextBoolean() ? UUID.randomUUID().toString() : text(random, 8),
                nulls && random.nextInt(3) == 0 ? null : new UUID(random.nextLong(), random.nextLong()),
                text(random, 150), previous, null, keyId);
    }

    /** The event with its hash: plain SM3 without a key id, HMAC-SM3 under its key otherwise. */
    public static AuditEvent hashed(AuditEvent e, ChainKeys keys) {
        String hash = e.keyId() == null ? Sm3.chain(e.previousHash(), e.canonical())
                : keys.mac(e.keyId()).chain(e.previousHash(), e.canonical());
        return with(e, e.previousHash(), hash, e.keyId());
    }

    public static AuditEvent with(AuditEvent e, String previous, String hash, String keyId) {
        return new AuditEvent(e.sequence(), e.occurredAt(), e.actor(), e.organizationCode(), e.action(), e.entityType(),
                e.entityId(), e.projectId(), e.summary(), previous, hash, keyId);
    }

    public static AuditEvent withSummary(AuditEvent e, String summary) {
        return new AuditEvent(e.sequence(), e.occurredAt(), e.actor(), e.organizationCode(), e.action(), e.entityType(),
                e.entityId(), e.projectId(), summary, e.previousHash(), e.hash(), e.keyId());
    }

    /**
     * A valid chain: {@code plain} plain SM3 events, then (if {@code keyed} > 0) a checkpoint and keyed events under
     * k1, rotating to k2 half-way.
     */
    public static List<AuditEvent> chain(Random random, int plain, int keyed, ChainKeys keys) {
        List<AuditEvent> chain = new ArrayList<>();
        String previous = GENESIS;
        for (int i = 0; i < plain + keyed; i++) {
            String keyId = i < plain ? null : i < plain + keyed / 2 ? "k1" : "k2";
            AuditEvent e = hashed(event(random, chain.size() + 1, previous, keyId, true), keys);
            chain.add(e);
            previous = e.hash();
        }
        return chain;
    }

    /** The whole table in PostgreSQL's binary COPY format. */
    public static byte[] copyBinary(List<AuditEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CopyWriter writer = new CopyWriter(bytes)) {
            for (AuditEvent e : events) {
                writer.write(e);
            }
        }
        return bytes.toByteArray();
    }

    /** Writes audit rows in PostgreSQL's binary COPY format, columns as {@link #COLUMNS}. */
    public static final class CopyWriter implements AutoCloseable {

        private final DataOutputStream out;

        public CopyWriter(OutputStream out) {
            this.out = new DataOutputStream(out);
            try {
                this.out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
                this.out.writeInt(0);
                this.out.writeInt(0);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void write(AuditEvent e) {
            try {
                out.writeShort(12);
                out.writeInt(8);
                out.writeLong(e.sequence());
                if (e.occurredAt() == null) {
                    out.writeInt(-1);
                }
                else {
                    out.writeInt(8);
                    out.writeLong((e.occurredAt().getEpochSecond() - RawEvent.PG_EPOCH_SECONDS) * 1_000_000L
                            + e.occurredAt().getNano() / 1000);
                }
                text(e.actor());
                text(e.organizationCode());
                text(e.action());
                text(e.entityType());
                text(e.entityId());
                if (e.projectId() == null) {
                    out.writeInt(-1);
                }
                else {
                    out.writeInt(16);
                    out.writeLong(e.projectId().getMostSignificantBits());
                    out.writeLong(e.projectId().getLeastSignificantBits());
                }
                text(e.summary());
                text(e.previousHash());
                text(e.hash());
                text(e.keyId());
            }
            catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }

        private void text(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        @Override
        public void close() {
            try {
                out.writeShort(-1);
                out.close(); // a COPY FROM STDIN ends when its stream is closed
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
