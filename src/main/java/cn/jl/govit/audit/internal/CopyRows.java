package cn.jl.govit.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads audit rows from PostgreSQL's binary COPY format (a signature, then per row a field count and each field as
 * a length, -1 for NULL, and its bytes: no escapes to undo, integers big-endian, text as UTF-8) into one reused
 * {@link RawEvent}, a buffer at a time. The columns are those of {@link #COLUMNS}, in that order.
 */
final class CopyRows {

    /** The columns the chain needs, in the order the rows are read. */
    static final String COLUMNS = "sequence, occurred_at, actor, organization_code, action, entity_type, entity_id, "
            + "project_id, summary, previous_hash, hash, key_id";
    private static final int FIELDS = 12;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    /** What receives the rows; {@code false} stops the reading. */
    interface Sink {
        boolean accept(RawEvent row);
    }

    private final InputStream in;
    private byte[] buf = new byte[1 << 18];
    private int pos;
    private int limit;
    private boolean eof;
    private final RawEvent row = new RawEvent();

    CopyRows(InputStream in) {
        this.in = in;
    }

    /** Reads every row (or until the sink says stop); the number of rows given to the sink. */
    long readAll(Sink sink) throws IOException {
        readHeader();
        long rows = 0;
        while (true) {
            int parsed = parseRow();
            if (parsed == 0) {
                if (!fill()) {
                    throw new IOException("COPY data ends inside a row");
                }
                continue;
            }
            if (parsed < 0) {
                return rows; // the trailer
            }
            rows++;
            if (!sink.accept(row)) {
                return rows;
            }
        }
    }

    private void readHeader() throws IOException {
        while (limit - pos < SIGNATURE.length + 8) {
            if (!fill()) {
                throw new IOException("not a binary COPY stream");
            }
        }
        if (!Arrays.equals(buf, pos, pos + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IOException("not a binary COPY stream");
        }
        int extension = int32(pos + SIGNATURE.length + 4);
        int headerLength = SIGNATURE.length + 8 + extension;
        while (limit - pos < headerLength) {
            if (!fill()) {
                throw new IOException("COPY header truncated");
            }
        }
        pos += headerLength;
    }

    /** 1 when a row was parsed, -1 at the trailer, 0 when the buffer does not hold the whole row yet. */
    private int parseRow() throws IOException {
        int p = pos;
        if (limit - p < 2) {
            return 0;
        }
        short fields = (short) (((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF));
        if (fields == -1) {
            pos = p + 2;
            return -1;
        }
        if (fields != FIELDS) {
            throw new IOException("a COPY row of " + fields + " fields, expected " + FIELDS);
        }
        p += 2;
        RawEvent r = row;
        for (int field = 0; field < FIELDS; field++) {
            if (limit - p < 4) {
                return 0;
            }
            int length = int32(p);
            p += 4;
            if (length > 0 && limit - p < length) {
                return 0;
            }
            switch (field) {
                case 0 -> {
                    if (length != 8) {
                        throw new IOException("sequence of " + length + " bytes");
                    }
                    r.sequence = int64(p);
                }
                case 1 -> {
                    r.timeNull = length < 0;
                    if (length == 8) {
                        r.pgMicros = int64(p);
                    }
                    else if (length >= 0) {
                        throw new IOException("timestamp of " + length + " bytes");
                    }
                }
                case 7 -> {
                    r.projectNull = length < 0;
                    if (length == 16) {
                        r.projectHigh = int64(p);
                        r.projectLow = int64(p + 8);
                    }
                    else if (length >= 0) {
                        throw new IOException("uuid of " + length + " bytes");
                    }
                }
                default -> {
                    int text = field < 7 ? field - 2 : field - 3; // actor .. entity_id, then summary .. key_id
                    r.offset[text] = p;
                    r.length[text] = length;
                }
            }
            if (length > 0) {
                p += length;
            }
        }
        r.buffer = buf;
        pos = p;
        return 1;
    }

    /** Moves what is left to the front (growing the buffer when a row fills it) and reads more; false at the end. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
            return false;
        }
        limit += read;
        return true;
    }

    private int int32(int p) {
        return ((buf[p] & 0xFF) << 24) | ((buf[p + 1] & 0xFF) << 16) | ((buf[p + 2] & 0xFF) << 8) | (buf[p + 3] & 0xFF);
    }

    private long int64(int p) {
        return ((long) int32(p) << 32) | (int32(p + 4) & 0xFFFFFFFFL);
    }
}
