package cn.jl.govit.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, fed row by row through a buffered writer
 * so that no table is ever held in memory. Fields are escaped here (backslash, tab, newline, carriage return);
 * {@code null} is written as {@code \N}.
 */
final class GenCopy implements AutoCloseable {

    private final String table;
    private final Writer out;
    private boolean first = true;
    private long rows;

    private GenCopy(String table, Writer out) {
        this.table = table;
        this.out = out;
    }

    static GenCopy open(Connection connection, String table, String columns) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn in = copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        OutputStream stream = new PGCopyOutputStream(in, 1 << 16);
        return new GenCopy(table, new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16));
    }

    String table() {
        return table;
    }

    long rows() {
        return rows;
    }

    GenCopy add(String value) {
        try {
            separate();
            if (value == null) {
                out.write("\\N");
                return this;
            }
            int n = value.length();
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    default -> out.write(c);
                }
            }
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value whose text needs no escaping (numbers, UUIDs, dates, enum names, arrays of enum names). */
    GenCopy plain(Object value) {
        try {
            separate();
            out.write(value == null ? "\\N" : value.toString());
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GenCopy id(UUID value) {
        return plain(value);
    }

    GenCopy bool(boolean value) {
        return plain(value ? "t" : "f");
    }

    void end() {
        try {
            out.write('\n');
            first = true;
            rows++;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void separate() throws IOException {
        if (!first) {
            out.write('\t');
        }
        first = false;
    }

    @Override
    public void close() {
        try {
            out.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("COPY into " + table + " failed", e);
        }
    }
}
