package cn.jl.govit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The default database: real PostgreSQL binaries started by the application itself, with their data under
 * {@code govit.data-dir}, so that {@code mvn spring-boot:run} needs no set-up and a restart keeps every record.
 * Used only when no {@code spring.datasource.url} is configured, and never in the {@code prod} profile.
 * <p>
 * It comes back by itself after a crash: a JVM killed with SIGKILL leaves its PostgreSQL running as an orphan
 * that still holds the data directory (and a second start would refuse it); a PostgreSQL killed as well leaves
 * a stale {@code postmaster.pid}. {@link #recoverFromCrash} settles both before the server is started.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** How long an orphan server may take to stop, and the orphan backends of a killed one to go. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${govit.data-dir:./data}") String dataDir,
            @Value("${govit.embedded-db.port:0}") int port,
            @Value("${govit.embedded-db.durable:true}") boolean durable) throws IOException {
        Path pgData = Path.of(dataDir).toAbsolutePath().normalize().resolve("pg");
        Files.createDirectories(pgData);
        recoverFromCrash(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // the context stops the server (destroyMethod) after the beans that still write on shutdown;
                // the library's own JVM hook would stop it at the same time as them
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "50")
                // the library turns synchronous_commit off (fine for throw-away test databases): a commit would then
                // be answered before its WAL is written, and a killed server loses writes already acknowledged.
                // Only the test suite's throw-away contexts switch durability off (govit.embedded-db.durable=false).
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("timezone", "Asia/Shanghai")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    /**
     * The pool binds {@code spring.datasource.hikari.*} like Boot's own pool does (timeouts for database outages,
     * pool size), so the embedded default behaves as a configured server would. Created without a configuration
     * object so that the pool starts only after binding (a pool built from a config is sealed at once).
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(10);
        pool.setPoolName("govit-embedded");
        return pool;
    }

    /**
     * Settles what a crash left in the data directory, before the server starts on it. A {@code postmaster.pid}
     * whose process is alive and runs in this directory is the server of a killed JVM: it is stopped
     * ({@code pg_ctl stop -m fast} with its own binaries, else SIGTERM, a checkpoint either way) and started again
     * below. A lock whose process is dead, or is now another program (a reused pid), is stale: once no process of
     * the old server is left in the directory it is removed, and PostgreSQL replays its WAL on start (crash
     * recovery). Nothing else in the directory is touched.
     */
    static void recoverFromCrash(Path pgData) throws IOException {
        Path lock = pgData.resolve("postmaster.pid");
        Optional<Long> recorded = lockPid(lock);
        if (recorded.isEmpty()) {
            return;
        }
        long pid = recorded.get();
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                : Optional.empty();
        if (process.isPresent() && runsIn(process.get(), pgData)) {
            log.warn("PostgreSQL (pid {}) of an earlier run still holds {}: stopping it before starting again", pid,
                    pgData);
            stop(process.get(), pgData);
        }
        else {
            log.warn("stale postmaster.pid in {} (pid {} {}): removing the lock; PostgreSQL recovers from its WAL",
                    pgData, pid, process.isPresent() ? "is another program now" : "is gone");
            awaitNoProcessIn(pgData);
            Files.deleteIfExists(lock);
        }
    }

    /** The process id on the first line of a {@code postmaster.pid}, if there is one. */
    static Optional<Long> lockPid(Path lock) throws IOException {
        if (!Files.isRegularFile(lock)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(lock, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            // an empty or torn lock file (the crash came while it was written) belongs to no running server
            return Optional.of(-1L);
        }
        return Optional.of(Long.parseLong(lines.get(0).strip()));
    }

    /**
     * Whether a process is a PostgreSQL process of this data directory: every server process works in its data
     * directory (Linux shows it as {@code /proc/<pid>/cwd}); elsewhere the postmaster's command line names it.
     */
    static boolean runsIn(ProcessHandle process, Path pgData) {
        Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
        try {
            if (Files.exists(Path.of("/proc/self/cwd"))) {
                return Files.isSameFile(cwd.toRealPath(), pgData.toRealPath());
            }
        }
        catch (IOException | SecurityException e) {
            // gone meanwhile, or not ours to inspect: fall back to the command line
        }
        return process.info().commandLine().map(line -> line.contains(pgData.toString())).orElse(false)
                && process.info().command().map(command -> command.contains("postgres")).orElse(false);
    }

    private static void stop(ProcessHandle postmaster, Path pgData) throws IOException {
        Optional<Path> pgCtl = postmaster.info().command().map(Path::of).map(p -> p.resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isPresent()) {
            try {
                Process ctl = new ProcessBuilder(pgCtl.get().toString(), "stop", "-D", pgData.toString(), "-m", "fast",
                        "-w", "-t", Long.toString(STOP_TIMEOUT.toSeconds())).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                ctl.waitFor(STOP_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the earlier PostgreSQL", e);
            }
        }
        if (postmaster.isAlive()) {
            // no pg_ctl next to the binary: SIGTERM is PostgreSQL's smart shutdown, and the killed JVM has no
            // connections left to wait for
            postmaster.destroy();
        }
        if (!await(postmaster)) {
            throw new IOException("the PostgreSQL of an earlier run (pid " + postmaster.pid() + ") holding " + pgData
                    + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
        }
        awaitNoProcessIn(pgData);
        log.info("PostgreSQL of the earlier run stopped; its data directory is free");
    }

    private static boolean await(ProcessHandle process) {
        try {
            process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        }
    }

    /**
     * Waits until no process works in the data directory any more: the backends of a killed postmaster leave on
     * their own within moments, and PostgreSQL must not start while they still hold the old shared memory.
     */
    private static void awaitNoProcessIn(Path pgData) throws IOException {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (true) {
            List<ProcessHandle> left = ProcessHandle.allProcesses()
                    .filter(p -> p.pid() != ProcessHandle.current().pid() && runsInDirectory(p, pgData)).toList();
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("processes " + left.stream().map(ProcessHandle::pid).toList()
                        + " of an earlier PostgreSQL still work in " + pgData);
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the earlier PostgreSQL", e);
            }
        }
    }

    /** Only the working-directory test: a command line names the directory in the postmaster alone. */
    private static boolean runsInDirectory(ProcessHandle process, Path pgData) {
        try {
            Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd");
            return Files.exists(cwd) && Files.isSameFile(cwd.toRealPath(), pgData.toRealPath());
        }
        catch (IOException | SecurityException e) {
            return false;
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
