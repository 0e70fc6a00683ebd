package cn.jl.govit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default database ({@code cn.jl.govit.EmbeddedDatabaseConfiguration}) alone, in this JVM: its pool
 * binds {@code spring.datasource.hikari.*}, and it starts again on a data directory whose server was killed
 * with SIGKILL (stale {@code postmaster.pid}: removed, crash recovery replays the WAL) or whose lock names a
 * process that is not PostgreSQL (a reused pid: left alive, lock removed). The orphan server of a killed JVM is
 * {@link CrashTests}' part: it needs a second process.
 */
class CrashEmbeddedDatabaseTests {

    private final List<Path> dataDirs = new java.util.ArrayList<>();

    /** The data directories of the test (the servers are stopped by then: each context closed). */
    @org.junit.jupiter.api.AfterEach
    void removeDataDirectories() throws java.io.IOException {
        for (Path dir : dataDirs) {
            try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private Path dataDir(String prefix) throws java.io.IOException {
        Path dir = Files.createTempDirectory(prefix);
        dataDirs.add(dir);
        return dir;
    }

    private static ApplicationContextRunner runner(Path dataDir) throws ClassNotFoundException {
        return new ApplicationContextRunner()
                .withUserConfiguration(Class.forName("cn.jl.govit.EmbeddedDatabaseConfiguration"), Binding.class)
                .withPropertyValues("govit.data-dir=" + dataDir);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties
    static class Binding {
    }

    @Test
    void theEmbeddedPoolTakesTheHikariSettings() throws Exception {
        Path dataDir = dataDir("govit-embedded-pool-");
        runner(dataDir).withPropertyValues("spring.datasource.hikari.connection-timeout=2345",
                "spring.datasource.hikari.validation-timeout=1234", "spring.datasource.hikari.maximum-pool-size=3")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getConnectionTimeout()).isEqualTo(2345);
                    assertThat(pool.getValidationTimeout()).isEqualTo(1234);
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
                    assertThat(pool.getPoolName()).as("the defaults of the embedded pool stay").isEqualTo("govit-embedded");
                    assertThat(JdbcClient.create(pool).sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
                });
    }

    @Test
    void aServerKilledWithSigkillLeavesAStaleLockThatTheNextStartRemoves() throws Exception {
        Path dataDir = dataDir("govit-embedded-stale-");
        Path pgData = dataDir.resolve("pg");
        long[] killed = new long[1];
        runner(dataDir).run(context -> {
            assertThat(context).hasNotFailed();
            JdbcClient db = JdbcClient.create(context.getBean(HikariDataSource.class));
            db.sql("CREATE TABLE crash_probe (id INTEGER PRIMARY KEY, note TEXT)").update();
            db.sql("INSERT INTO crash_probe VALUES (1, '提交后被杀')").update();
            ProcessHandle postmaster = AppProcess.postmaster(pgData).orElseThrow();
            killed[0] = postmaster.pid();
            AppProcess.sigkill(postmaster);
            assertThat(postmaster.isAlive()).isFalse();
            // the pool's connections die with the server; closing the context then finds it gone
        });
        assertThat(pgData.resolve("postmaster.pid")).as("SIGKILL leaves the lock behind").exists();
        assertThat(ProcessHandle.of(killed[0]).filter(ProcessHandle::isAlive)).isEmpty();

        runner(dataDir).run(context -> {
            assertThat(context).hasNotFailed();
            JdbcClient db = JdbcClient.create(context.getBean(HikariDataSource.class));
            assertThat(db.sql("SELECT note FROM crash_probe WHERE id = 1").query(String.class).single())
                    .as("the committed row survives the kill (WAL replay)").isEqualTo("提交后被杀");
            assertThat(AppProcess.postmaster(pgData).orElseThrow().pid()).isNotEqualTo(killed[0]);
        });
    }

    @Test
    void aLockNamingAnotherLiveProgramIsStaleAndThatProgramIsLeftAlone() throws Exception {
        Path dataDir = dataDir("govit-embedded-reused-");
        Path pgData = dataDir.resolve("pg");
        runner(dataDir).run(context -> assertThat(context).hasNotFailed());
        assertThat(pgData.resolve("postmaster.pid")).as("a clean stop removes the lock").doesNotExist();
        Process stranger = new ProcessBuilder("sleep", "120").start();
        try {
            // what a restarted container shows: the old lock, its pid now taken by an unrelated process
            Files.write(pgData.resolve("postmaster.pid"), List.of(Long.toString(stranger.pid()), pgData.toString(),
                    "1700000000", "5432", "", "localhost", "     0         0", "ready"), StandardCharsets.UTF_8);
            runner(dataDir).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(JdbcClient.create(context.getBean(HikariDataSource.class)).sql("SELECT 1")
                        .query(Integer.class).single()).isEqualTo(1);
                assertThat(AppProcess.postmaster(pgData).orElseThrow().pid()).isNotEqualTo(stranger.pid());
            });
            assertThat(stranger.isAlive()).as("never kill a process that is not this directory's server").isTrue();
        }
        finally {
            stranger.destroyForcibly();
            stranger.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
