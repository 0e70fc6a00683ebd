package cn.jl.govit.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.ChainVerification;
import cn.jl.govit.audit.internal.AuditChains;
import cn.jl.govit.audit.internal.ChainCosts;
import cn.jl.govit.audit.internal.ChainKeys;
import cn.jl.govit.audit.internal.ChainScan;
import cn.jl.govit.audit.internal.ChainVerifier;

/**
 * Audit chain verification at scale (issue 8, ≥ 1 million events per second per core), on a throw-away embedded
 * PostgreSQL of its own (never the test suite's): fills {@code audit_event} (the application's migrations) with
 * {@code -Dgovit.bench.events} valid events (default 1,000,000) of realistic length, loaded by binary COPY and chained
 * with {@link ChainKeys.Mac#chain} (a plain SM3 opening segment, the keyed checkpoint, a key rotation half-way), then
 * times: the read alone, HMAC-SM3 alone, the verification in one run and in parallel runs, and the old row-by-row
 * verification on a prefix. Not part of the suite (the name matches no Surefire include); run it with
 * <pre>
 * mvn -o -Dbuild.dir=target-bench test -Dtest=AuditVerificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgovit.bench.events=10000000
 * </pre>
 * The database stays in {@code <build dir>/tmp/audit-bench-<events>} and is reused when it already holds the events
 * ({@code -Dgovit.bench.reload=true} reloads); {@code -Dgovit.bench.repeats} (default 3, the best is shown),
 * {@code -Dgovit.bench.warmup=false}, {@code -Dgovit.bench.workers} and {@code -Dgovit.bench.legacy.events} (the
 * prefix the row-by-row verifier reads, default 200,000) shorten or shape a long run. Per-core figures divide by the CPU time of the verifying threads
 * (ThreadMXBean), so that PostgreSQL's own core for COPY and the other users of the machine do not count.
 */
class AuditVerificationBenchmark {

    private static final int PLAIN = 1_000;
    private static final String[] ACTIONS = {"PROJECT_PROPOSED_TO_DEPT", "APPROVAL_DECISION_ISSUED",
            "CONSTRUCTION_STARTED_ON", "PERFORMANCE_REPORT_FILED", "INITIAL_ACCEPTANCE_PASSED", "DOCUMENT_UPLOADED_ONCE",
            "CHANGE_REQUEST_ASSESSED", "OBLIGATION_MARKED_OVERDUE"};
    private static final String[] TYPES = {"Project", "ProjectChange", "DocumentItem", "Obligation", "ReviewPanel1",
            "PerformanceRp"};

    @Test
    void auditVerificationAtScale() throws Exception {
        int events = Integer.getInteger("govit.bench.events", 1_000_000);
        int workers = Integer.getInteger("govit.bench.workers", Runtime.getRuntime().availableProcessors());
        int repeats = Integer.getInteger("govit.bench.repeats", 3);
        int legacyEvents = Integer.getInteger("govit.bench.legacy.events", Math.min(events, 200_000));
        ChainKeys keys = AuditChains.ring();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "audit-bench-" + events);
        boolean reload = Boolean.getBoolean("govit.bench.reload") || !Files.exists(dir.resolve("loaded"));
        Files.createDirectories(dir);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(reload).setServerConfig("timezone", "Asia/Shanghai")
                .setServerConfig("shared_buffers", "512MB").setServerConfig("max_wal_size", "8GB")
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off").setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8").start();
                HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setMaximumPoolSize(workers + 2);
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            if (reload) {
                Files.deleteIfExists(dir.resolve("loaded"));
                Flyway.configure().dataSource(ds).locations("classpath:db/migration/audit").load().migrate();
                long started = System.nanoTime();
                load(ds, events, keys);
                System.out.printf(Locale.ROOT, "loaded %,d events in %.1f s%n", events, seconds(started));
                Files.writeString(dir.resolve("loaded"), Instant.now().toString());
            }
            long rows = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
            assertThat(rows).isEqualTo(events);
            String size = jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('audit_event'))", String.class);
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(dir.resolve("pg").resolve("postmaster.pid")).get(0).strip())).orElseThrow();

            List<String> table = new ArrayList<>();
            ChainScan scan = new ChainScan(ds, keys);
            if (!"false".equals(System.getProperty("govit.bench.warmup"))) {
                // warm-up: JIT and the table's pages in memory (a 10-million pass warms up within its first seconds)
                scan.run(workers, false);
                scan.run(workers, true);
            }

            for (int runs : new int[] {1, workers}) {
                Best best = new Best();
                for (int i = 0; i < repeats; i++) {
                    long pgCpu = cpu(postmaster);
                    ChainScan.Run run = scan.run(runs, false);
                    best.offer(run, cpu(postmaster) - pgCpu);
                }
                table.add(best.line("read only (binary COPY + parse), " + runs + " run(s)", events));
            }

            // HMAC-SM3 alone, over the exact MAC inputs of a sample of the chain's events
            List<AuditEvent> sample = new ArrayList<>();
            jdbc.query("SELECT * FROM audit_event WHERE key_id IS NOT NULL ORDER BY sequence LIMIT 200000",
                    (RowCallbackHandler) rs -> sample.add(map(rs)));
            byte[][] inputs = ChainCosts.macInputs(sample);
            long bytes = 0;
            long compressions = 0;
            for (byte[] input : inputs) {
                bytes += input.length;
                compressions += ChainCosts.compressions(input.length);
            }
            byte[] key = keyOf(keys);
            ChainCosts.hmacAll(key, inputs);
            double hmacBest = Double.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                long cpuStart = threadCpu();
                ChainCosts.hmacAll(key, inputs);
                hmacBest = Math.min(hmacBest, (threadCpu() - cpuStart) / 1e9);
            }
            double hmacPerCore = inputs.length / hmacBest;
            table.add(String.format(Locale.ROOT, "%-52s %9s %14s %9.2f %14.0f %9s", "HMAC-SM3 only (in memory, 1 thread)",
                    "-", "-", hmacBest * events / inputs.length, hmacPerCore, "-"));

            ChainVerification expected = null;
            for (int runs : new int[] {1, workers}) {
                Best best = new Best();
                for (int i = 0; i < repeats; i++) {
                    long pgCpu = cpu(postmaster);
                    ChainScan.Run run = scan.run(runs, true);
                    assertThat(run.verification().valid()).as(run.toString()).isTrue();
                    assertThat(run.verification().count()).isEqualTo(events);
                    assertThat(run.slowChecks()).isZero();
                    if (expected != null) {
                        assertThat(run.verification()).isEqualTo(expected);
                    }
                    expected = run.verification();
                    best.offer(run, cpu(postmaster) - pgCpu);
                }
                table.add(best.line("verify (COPY + bytes + HMAC), " + runs + " run(s)", events));
            }

            // the verification before: JDBC rows, Strings, canonical(), on a prefix of the chain
            long legacyStart = System.nanoTime();
            long legacyCpu = threadCpu();
            ChainVerifier verifier = new ChainVerifier(keys);
            JdbcTemplate fetching = new JdbcTemplate(ds);
            fetching.setFetchSize(5000);
            new TransactionTemplate(new DataSourceTransactionManager(ds)).executeWithoutResult(s -> fetching.query(
                    "SELECT * FROM audit_event WHERE sequence <= " + legacyEvents + " ORDER BY sequence",
                    (RowCallbackHandler) rs -> verifier.accept(map(rs))));
            double legacyWall = seconds(legacyStart);
            double legacyCpuSeconds = (threadCpu() - legacyCpu) / 1e9;
            assertThat(verifier.result().count()).isEqualTo(legacyEvents);
            table.add(String.format(Locale.ROOT, "%-52s %9.2f %14.0f %9.2f %14.0f %9s",
                    "row by row (JDBC + canonical() Strings), first " + legacyEvents, legacyWall,
                    legacyEvents / legacyWall, legacyCpuSeconds, legacyEvents / legacyCpuSeconds, "-"));

            double avgBytes = (double) bytes / inputs.length;
            double avgBlocks = (double) compressions / inputs.length;
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%nAUDIT VERIFICATION BENCHMARK: %,d events (%s), %d cores, %d worker(s), "
                    + "best of %d%n", events, size, Runtime.getRuntime().availableProcessors(), workers, repeats));
            out.append(String.format(Locale.ROOT, "MAC input: %.0f bytes/event on average = %.2f SM3 compressions/event "
                    + "(HMAC: inner blocks + 1 outer, pads precomputed); SM3 alone: %.0f compressions/s/core = "
                    + "%.0f MB/s%n", avgBytes, avgBlocks, hmacPerCore * avgBlocks, hmacPerCore * avgBlocks * 64 / 1e6));
            out.append(String.format(Locale.ROOT, "%-52s %9s %14s %9s %14s %9s%n", "pass", "wall s", "events/s wall",
                    "JVM CPU s", "events/CPU-s", "PG CPU s"));
            table.forEach(line -> out.append(line).append('\n'));
            System.out.println(out);
            Path report = Path.of(System.getProperty("govit.bench.report", dir.resolve("report.txt").toString()));
            Files.writeString(report, out.toString(), StandardCharsets.UTF_8);
        }
    }

    /** The chain, generated and hashed as the application writes it, streamed into COPY FROM STDIN (binary). */
    private static void load(HikariDataSource ds, int events, ChainKeys keys) throws Exception {
        try (Connection connection = ds.getConnection()) {
            var statement = connection.createStatement();
            statement.execute("ALTER TABLE audit_event DROP CONSTRAINT audit_event_hash_key");
            statement.execute("ALTER TABLE audit_event DROP CONSTRAINT audit_event_pkey");
            SplittableRandom random = new SplittableRandom(8);
            ChainKeys.Mac k1 = keys.mac("k1");
            ChainKeys.Mac k2 = keys.mac("k2");
            String previous = AuditChains.GENESIS;
            Instant at = Instant.parse("2021-01-04T01:00:00Z");
            UUID[] projects = new UUID[100_000];
            for (int i = 0; i < projects.length; i++) {
                projects[i] = new UUID(random.nextLong(), random.nextLong());
            }
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "COPY audit_event (" + AuditChains.COLUMNS + ") FROM STDIN (FORMAT binary)", 1 << 20);
            try (AuditChains.CopyWriter writer = new AuditChains.CopyWriter(new BufferedOutputStream(copy, 1 << 20))) {
                for (long sequence = 1; sequence <= events; sequence++) {
                    at = at.plusNanos(random.nextLong(1, 15_000_000) * 1_000); // up to 15 s apart, microseconds
                    String keyId = sequence <= PLAIN ? null : sequence <= events / 2 ? "k1" : "k2";
                    boolean checkpoint = sequence == PLAIN + 1 || sequence == events / 2 + 1;
                    StringBuilder summary = new StringBuilder();
                    int chars = random.nextInt(20, 121);
                    for (int c = 0; c < chars; c++) {
                        summary.append((char) (0x4E00 + random.nextInt(0x51A5)));
                    }
                    UUID project = random.nextInt(10) == 0 ? null : projects[random.nextInt(projects.length)];
                    AuditEvent e = new AuditEvent(sequence, at, "user" + random.nextInt(1000, 9999),
                            "1122" + random.nextInt(100_000, 999_999), checkpoint ? "AUDIT_CHAIN_KEYED"
                                    : ACTIONS[random.nextInt(ACTIONS.length)], checkpoint ? "AuditChain"
                                            : TYPES[random.nextInt(TYPES.length)],
                            new UUID(random.nextLong(), random.nextLong()).toString(), project, summary.toString(),
                            previous, null, keyId);
                    String hash = keyId == null ? cn.jl.govit.audit.Sm3.chain(previous, e.canonical())
                            : (keyId.equals("k1") ? k1 : k2).chain(previous, e.canonical());
                    writer.write(AuditChains.with(e, previous, hash, keyId));
                    previous = hash;
                    if (sequence % 1_000_000 == 0) {
                        System.out.printf(Locale.ROOT, "  %,d events generated%n", sequence);
                    }
                }
            }
            statement.execute("ALTER TABLE audit_event ADD PRIMARY KEY (sequence)");
            statement.execute("ALTER TABLE audit_event ADD CONSTRAINT audit_event_hash_key UNIQUE (hash)");
            statement.execute("VACUUM ANALYZE audit_event");
        }
    }

    private static byte[] keyOf(ChainKeys keys) {
        // the benchmark's ring is AuditChains.ring(): recompute k2's bytes the same way
        byte[] k2 = new byte[32];
        for (int i = 0; i < 32; i++) {
            k2[i] = (byte) (200 - i);
        }
        assertThat(keys.knows("k2")).isTrue();
        return k2;
    }

    private static AuditEvent map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp("occurred_at");
        return new AuditEvent(rs.getLong("sequence"), t.toInstant(), rs.getString("actor"),
                rs.getString("organization_code"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getObject("project_id", UUID.class), rs.getString("summary"),
                rs.getString("previous_hash"), rs.getString("hash"), rs.getString("key_id"));
    }

    /** CPU time of PostgreSQL: the postmaster and its backends (the pool's connections stay open across a pass). */
    private static long cpu(ProcessHandle postmaster) {
        long nanos = postmaster.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        return nanos + postmaster.descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The fastest of the repeats (the machine is shared: the slower ones measured the others' load). */
    private static final class Best {

        private ChainScan.Run run;
        private long pgCpu;

        void offer(ChainScan.Run candidate, long postgresCpu) {
            if (run == null || candidate.wallNanos() < run.wallNanos()) {
                run = candidate;
                pgCpu = postgresCpu;
            }
        }

        String line(String name, long events) {
            double wall = run.wallNanos() / 1e9;
            double cpu = run.cpuNanos() / 1e9;
            return String.format(Locale.ROOT, "%-52s %9.2f %14.0f %9.2f %14.0f %9.2f", name, wall, events / wall, cpu,
                    events / cpu, pgCpu / 1e9);
        }
    }
}
