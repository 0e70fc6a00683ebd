package cn.jl.govit.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Writes the bytes that the chain hashes for one {@link RawEvent} straight into a reused array: exactly the UTF-8
 * bytes of {@code previousHash + event.canonical()} (plain SM3), followed by {@code keyId.length() + ":" + keyId +
 * "|"} for a keyed event (see {@link ChainKeys.Mac#chain}), without building a String. The length prefixes of
 * {@code canonical()} count UTF-16 units of each field's {@code toString()}, so they are counted here from the
 * UTF-8 bytes: one unit per character, two for a four-byte (supplementary) one. The time stamp is written as
 * {@link java.time.Instant#toString()} does (fraction in groups of three digits, none when whole seconds).
 */
final class MacInput {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_FIELD = "-1:|".getBytes(StandardCharsets.US_ASCII);

    private byte[] out = new byte[1024];
    private int size;

    private long cachedDay = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[10];
    private boolean cachedDateFast;

    byte[] bytes() {
        return out;
    }

    int size() {
        return size;
    }

    /** The input of a plain SM3 event, or of a keyed one when {@code keyed}. */
    void write(RawEvent e, boolean keyed) {
        size = 0;
        ensure(e.length[RawEvent.PREVIOUS_HASH] < 0 ? 4 : e.length[RawEvent.PREVIOUS_HASH]);
        if (e.length[RawEvent.PREVIOUS_HASH] >= 0) {
            // "null" + canonical: what String concatenation makes of a null previous hash
            System.arraycopy(e.buffer, e.offset[RawEvent.PREVIOUS_HASH], out, 0, e.length[RawEvent.PREVIOUS_HASH]);
            size = e.length[RawEvent.PREVIOUS_HASH];
        }
        else {
            ascii("null");
        }
        writeSequence(e.sequence);
        writeTime(e);
        text(e, RawEvent.ACTOR);
        text(e, RawEvent.ORGANIZATION);
        text(e, RawEvent.ACTION);
        text(e, RawEvent.ENTITY_TYPE);
        text(e, RawEvent.ENTITY_ID);
        writeUuid(e);
        text(e, RawEvent.SUMMARY);
        if (keyed) {
            text(e, RawEvent.KEY_ID);
        }
    }

    /** A copy of what {@link #write} produced, for tests. */
    byte[] copy() {
        return Arrays.copyOf(out, size);
    }

    private void text(RawEvent e, int field) {
        int length = e.length[field];
        if (length < 0) {
            ensure(NULL_FIELD.length);
            System.arraycopy(NULL_FIELD, 0, out, size, NULL_FIELD.length);
            size += NULL_FIELD.length;
            return;
        }
        ensure(length + 22);
        writeDecimal(utf16Length(e.buffer, e.offset[field], length));
        out[size++] = ':';
        System.arraycopy(e.buffer, e.offset[field], out, size, length);
        size += length;
        out[size++] = '|';
    }

    /**
     * {@code String.length()} of valid UTF-8: every byte that does not continue a character starts one unit, and a
     * four-byte character is a surrogate pair (two units).
     */
    static int utf16Length(byte[] b, int from, int length) {
        int units = 0;
        for (int i = from, end = from + length; i < end; i++) {
            int x = b[i];
            if (x >= 0) {
                units++;
            }
            else if ((x & 0xC0) != 0x80) {
                units += (x & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        return units;
    }

    private void writeSequence(long sequence) {
        ensure(48);
        int digits = decimalLength(sequence);
        writeDecimal(digits);
        out[size++] = ':';
        writeDecimal(sequence);
        out[size++] = '|';
    }

    private void writeTime(RawEvent e) {
        if (e.timeNull) {
            ensure(NULL_FIELD.length);
            System.arraycopy(NULL_FIELD, 0, out, size, NULL_FIELD.length);
            size += NULL_FIELD.length;
            return;
        }
        long micros = e.pgMicros;
        long epochSecond = Math.floorDiv(micros, 1_000_000L) + RawEvent.PG_EPOCH_SECONDS;
        int micro = (int) Math.floorMod(micros, 1_000_000L);
        long day = Math.floorDiv(epochSecond, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            LocalDate date = LocalDate.ofEpochDay(day);
            // four-digit years only; others (never written by the platform) take Instant's own formatting
            cachedDateFast = date.getYear() >= 1000 && date.getYear() <= 9999;
            if (cachedDateFast) {
                put4(cachedDate, 0, date.getYear());
                cachedDate[4] = '-';
                put2(cachedDate, 5, date.getMonthValue());
                cachedDate[7] = '-';
                put2(cachedDate, 8, date.getDayOfMonth());
            }
        }
        ensure(48);
        if (!cachedDateFast) {
            String text = e.occurredAt().toString();
            writeDecimal(text.length());
            out[size++] = ':';
            ascii(text);
            out[size++] = '|';
            return;
        }
        int fraction = micro == 0 ? 0 : micro % 1_000 == 0 ? 4 : 7;
        writeDecimal(20 + fraction);
        out[size++] = ':';
        System.arraycopy(cachedDate, 0, out, size, 10);
        size += 10;
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        out[size++] = 'T';
        put2(out, size, secondOfDay / 3600);
        out[size + 2] = ':';
        put2(out, size + 3, secondOfDay / 60 % 60);
        out[size + 5] = ':';
        put2(out, size + 6, secondOfDay % 60);
        size += 8;
        if (fraction == 4) {
            out[size++] = '.';
            put3(out, size, micro / 1_000);
            size += 3;
        }
        else if (fraction == 7) {
            out[size++] = '.';
            put3(out, size, micro / 1_000);
            put3(out, size + 3, micro % 1_000);
            size += 6;
        }
        out[size++] = 'Z';
        out[size++] = '|';
    }

    private void writeUuid(RawEvent e) {
        ensure(42);
        if (e.projectNull) {
            System.arraycopy(NULL_FIELD, 0, out, size, NULL_FIELD.length);
            size += NULL_FIELD.length;
            return;
        }
        out[size++] = '3';
        out[size++] = '6';
        out[size++] = ':';
        hex(e.projectHigh >>> 32, 8);
        out[size++] = '-';
        hex(e.projectHigh >>> 16, 4);
        out[size++] = '-';
        hex(e.projectHigh, 4);
        out[size++] = '-';
        hex(e.projectLow >>> 48, 4);
        out[size++] = '-';
        hex(e.projectLow, 12);
        out[size++] = '|';
    }

    private void hex(long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[size + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        size += digits;
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            out[size++] = (byte) text.charAt(i);
        }
    }

    private void writeDecimal(long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            out[size++] = '-';
            value = -value;
        }
        int digits = decimalLength(value);
        for (int i = size + digits - 1; i >= size; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
    }

    /** The length of {@code Long.toString(value)}. */
    static int decimalLength(long value) {
        if (value == Long.MIN_VALUE) {
            return 20;
        }
        int sign = value < 0 ? 1 : 0;
        long v = Math.abs(value);
        int digits = 1;
        while (v >= 10) {
            v /= 10;
            digits++;
        }
        return sign + digits;
    }

    private static void put2(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
    }

    private static void put3(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 100);
        b[at + 1] = (byte) ('0' + v / 10 % 10);
        b[at + 2] = (byte) ('0' + v % 10);
    }

    private static void put4(byte[] b, int at, int v) {
        put2(b, at, v / 100);
        put2(b, at + 2, v % 100);
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }

    /** Lower-case hex of {@code digest} written into {@code into}. */
    static void hexInto(byte[] digest, int digestLength, byte[] into) {
        for (int i = 0; i < digestLength; i++) {
            into[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            into[2 * i + 1] = HEX[digest[i] & 0xF];
        }
    }
}
