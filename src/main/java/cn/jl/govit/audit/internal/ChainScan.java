package cn.jl.govit.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.jl.govit.audit.ChainVerification;

/**
 * Reads the audit table for verification without buffering it: {@code COPY (SELECT … ORDER BY sequence) TO STDOUT}
 * in PostgreSQL's binary format, parsed in place ({@link CopyRows}), each row checked on its bytes
 * ({@link ChainSegment}). Outside a transaction the sequence range is split into runs read over separate
 * connections and checked on separate threads, then merged; inside one (whose own uncommitted events the other
 * connections could not see) the chain is read over the transaction's connection in one run.
 * <p>
 * Consistency across connections: events are only ever appended, and an event is committed before the next
 * sequence is taken (the writers' advisory lock), so every sequence up to the maximum read first is committed and
 * stays as it is for the runs that read it.
 */
public final class ChainScan {

    private final JdbcTemplate jdbc;
    private final ChainKeys keys;
    private final String relation;

    /** Over {@code audit_event}. */
    public ChainScan(DataSource dataSource, ChainKeys keys) {
        this(dataSource, keys, "audit_event");
    }

    /** Over another table of the same columns (tests and benchmarks use scratch copies). */
    public ChainScan(DataSource dataSource, ChainKeys keys, String relation) {
        if (!relation.matches("[a-z_][a-z0-9_.]*")) {
            throw new IllegalArgumentException("not a plain table name: " + relation);
        }
        this.jdbc = new JdbcTemplate(dataSource);
        this.keys = keys;
        this.relation = relation;
    }

    /** What one pass measured: the outcome, rows read, wall time and the CPU time of the reading threads. */
    public record Run(ChainVerification verification, long rows, long wallNanos, long cpuNanos, int runs,
            long slowChecks) {
    }

    /** Verifies the chain, with up to {@code workers} runs in parallel (one inside a transaction). */
    public ChainVerification verify(int workers) {
        return run(workers, true).verification();
    }

    /**
     * One pass: with {@code verify} the chain is verified, without it the rows are only read and parsed (the raw
     * cost of reading, for the benchmark).
     */
    public Run run(int workers, boolean verify) {
        long started = System.nanoTime();
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        if (inTransaction || workers <= 1) {
            ChainSegment segment = new ChainSegment(keys);
            long[] cpu = new long[1];
            long rows = jdbc.execute((ConnectionCallback<Long>) connection -> {
                long cpuStart = threadCpu();
                // a COPY cancelled inside a transaction would abort it: there the rest is read and ignored
                long read = copy(connection.unwrap(PGConnection.class), null, verify ? segment : null, !inTransaction,
                        () -> false);
                cpu[0] = threadCpu() - cpuStart;
                return read;
            });
            return new Run(ChainSegment.merge(List.of(segment)), rows, System.nanoTime() - started, cpu[0], 1,
                    segment.slowChecks());
        }
        long[] bounds = jdbc.queryForObject("SELECT min(sequence), max(sequence) FROM " + relation,
                (rs, n) -> new long[] {rs.getLong(1), rs.wasNull() ? 0 : 1, rs.getLong(2)});
        if (bounds[1] == 0) {
            return new Run(new ChainVerification(true, 0, JdbcAuditLog.GENESIS, null), 0, System.nanoTime() - started,
                    0, 0, 0);
        }
        long min = bounds[0];
        long max = bounds[2];
        int runs = (int) Math.max(1, Math.min(workers, max - min + 1));
        List<ChainSegment> segments = new ArrayList<>();
        AtomicInteger firstBrokenRun = new AtomicInteger(Integer.MAX_VALUE);
        AtomicLong cpu = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(runs, r -> {
            Thread t = new Thread(r, "audit-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            long span = max - min + 1;
            for (int i = 0; i < runs; i++) {
                long from = min + span * i / runs;
                long to = i == runs - 1 ? max : min + span * (i + 1) / runs - 1;
                ChainSegment segment = new ChainSegment(keys);
                segments.add(segment);
                int index = i;
                futures.add(pool.submit(() -> {
                    long cpuStart = threadCpu();
                    try {
                        rows.addAndGet(jdbc.execute((ConnectionCallback<Long>) connection -> copy(
                                connection.unwrap(PGConnection.class), new long[] {from, to}, verify ? segment : null, true,
                                // a run after one that is already broken no longer matters
                                () -> firstBrokenRun.get() < index)));
                        if (segment.broken()) {
                            firstBrokenRun.accumulateAndGet(index, Math::min);
                        }
                    }
                    finally {
                        cpu.addAndGet(threadCpu() - cpuStart);
                    }
                }));
            }
            for (Future<?> future : futures) {
                await(future);
            }
        }
        finally {
            pool.shutdownNow();
        }
        long slow = segments.stream().mapToLong(ChainSegment::slowChecks).sum();
        return new Run(ChainSegment.merge(segments), rows.get(), System.nanoTime() - started, cpu.get(), runs, slow);
    }

    private long copy(PGConnection connection, long[] range, ChainSegment segment, boolean mayCancel,
            BooleanSupplier abandoned) throws SQLException {
        String sql = "COPY (SELECT " + CopyRows.COLUMNS + " FROM " + relation
                + (range == null ? "" : " WHERE sequence BETWEEN " + range[0] + " AND " + range[1])
                + " ORDER BY sequence) TO STDOUT (FORMAT binary)";
        PGCopyInputStream in = new PGCopyInputStream(connection, sql);
        boolean complete = false;
        try {
            long[] count = new long[1];
            long read = new CopyRows(in).readAll(row -> {
                if (segment != null) {
                    segment.accept(row);
                    if (segment.broken() && mayCancel) {
                        return false;
                    }
                }
                count[0]++;
                return !mayCancel || (count[0] & 0xFFF) != 0 || !abandoned.getAsBoolean();
            });
            complete = true;
            return read;
        }
        catch (IOException e) {
            throw e.getCause() instanceof SQLException sql2 ? sql2 : new SQLException("reading the audit chain", e);
        }
        finally {
            closeQuietly(in, complete);
        }
    }

    /** Ends the COPY: read to its end when complete, else cancelled (the rest of a broken chain is not needed). */
    private static void closeQuietly(InputStream in, boolean complete) throws SQLException {
        try {
            in.close();
        }
        catch (IOException e) {
            if (complete) {
                throw e.getCause() instanceof SQLException sql ? sql : new SQLException("ending the COPY", e);
            }
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the audit chain", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static long threadCpu() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : 0;
    }
}
