package cn.jl.govit.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.ChainVerification;
import cn.jl.govit.audit.Sm3;
import cn.jl.govit.audit.internal.ChainKeys;
import cn.jl.govit.audit.internal.ChainVerifier;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.KeyFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The data generator at the {@code jilin} size, run twice with the same seed into two throw-away databases of their
 * own embedded PostgreSQL (never the shared test database: other tests count projects), each migrated by Flyway and
 * holding, like a started installation, a plain-SM3 head event and a demo department with its user. About 25 s on the
 * 2-core machine while others build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataGeneratorTests {

    private static final long SEED = 42;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static final String KEY_RING = "k0 " + "11".repeat(32) + "\nk1 " + "5a".repeat(32) + "\n";

    @TempDir
    static Path work;

    private EmbeddedPostgres postgres;
    private DataSource a;
    private DataSource b;
    private DataGenerator.Report reportA;
    private DataGenerator.Report reportB;

    @BeforeAll
    void generateTwice() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg")).setCleanDataDirectory(true)
                .setServerConfig("timezone", "Asia/Shanghai").setServerConfig("fsync", "off")
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C.UTF-8").start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE gen_a");
            a = postgres.getDatabase("postgres", "gen_a");
            prepare(a);
            // the second database is a copy of the first as it was before generation: migrating twice costs seconds
            s.execute("CREATE DATABASE gen_b TEMPLATE gen_a");
        }
        b = postgres.getDatabase("postgres", "gen_b");
        reportA = generate(a, work.resolve("data-a"));
        reportB = generate(b, work.resolve("data-b"));
    }

    @AfterAll
    void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A migrated database holding what a started installation holds: a department, its user, a plain-SM3 head. */
    private static void prepare(DataSource db) throws Exception {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO organization (code, name_zh, name_en, kind) VALUES "
                    + "('RST', '省人力资源和社会保障厅', 'Department of Human Resources and Social Security', 'DEPARTMENT')");
            s.execute("INSERT INTO app_user (username, display_name, password_hash, organization_code, roles) VALUES "
                    + "('rst', '人社厅项目专员', '{pbkdf2}demo', 'RST', '{DEPARTMENT_STAFF}')");
            // a chain written before the chain was keyed: the generator must checkpoint it as the application does
            AuditEvent first = new AuditEvent(1, Instant.parse("2026-11-01T00:00:00Z"), "system", null, "DEMO_LOADED",
                    "Demo", null, null, "demo data loaded", "0".repeat(64), null, null);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO audit_event (sequence, occurred_at, actor, action, entity_type, summary, previous_hash, hash)
                    VALUES (1, ?, 'system', 'DEMO_LOADED', 'Demo', 'demo data loaded', ?, ?)""")) {
                insert.setTimestamp(1, Timestamp.from(first.occurredAt()));
                insert.setString(2, first.previousHash());
                insert.setString(3, Sm3.chain(first.previousHash(), first.canonical()));
                insert.executeUpdate();
            }
        }
    }

    private static DataGenerator.Report generate(DataSource db, Path dataDir) throws Exception {
        Files.createDirectories(dataDir.resolve("keys"));
        Files.writeString(dataDir.resolve("keys").resolve("audit-chain-keys"), KEY_RING);
        return DataGenerator.generate(db, dataDir, DataGenerator.Size.JILIN, SEED, AS_OF);
    }

    @Test
    void writesTheJilinSizeAndEveryCountItReports() throws SQLException {
        assertThat(reportA.rows().get("project")).isEqualTo(300);
        long documents = reportA.rows().get("document");
        assertThat(documents).isBetween(300L * 20, 300L * 40);
        try (Connection c = a.getConnection()) {
            for (Map.Entry<String, Long> e : reportA.rows().entrySet()) {
                if (e.getKey().startsWith("(")) {
                    continue;
                }
                long existing = switch (e.getKey()) {
                    case "audit_event" -> 1; // the head that was there
                    case "organization" -> 13; // the provincial bodies of the migration and RST
                    case "app_user" -> 1;
                    default -> 0;
                };
                assertThat(count(c, "SELECT count(*) FROM " + e.getKey())).as(e.getKey())
                        .isEqualTo(existing + e.getValue());
            }
            // the audit events: about 100 per project, the checkpoint and the closing marker
            long events = count(c, "SELECT count(*) FROM audit_event");
            assertThat(events).isBetween(300L * 80, 300L * 120);
            assertThat(reportA.lastAuditSequence()).isEqualTo(events);
            assertThat(count(c, "SELECT count(*) FROM obligation WHERE status = 'OVERDUE'")).isPositive();
            assertThat(count(c, "SELECT count(*) FROM obligation WHERE status = 'MET'")).isPositive();
            assertThat(count(c, "SELECT count(*) FROM obligation WHERE status = 'OPEN'")).isPositive();
            assertThat(count(c, "SELECT count(*) FROM project WHERE approval_authority = 'DEVELOPMENT_REFORM'")).isPositive();
            assertThat(count(c, "SELECT count(*) FROM project WHERE lead_organization_code = 'RST'"))
                    .as("the demo department leads a tenth of the generated projects").isBetween(15L, 50L);
            assertThat(count(c, "SELECT count(DISTINCT extract(year FROM created_at)) FROM project")).isEqualTo(5);
            assertThat(count(c, """
                    SELECT count(*) FROM project p WHERE estimated_investment <> (SELECT sum(amount)
                    FROM project_funding_source f WHERE f.project_id = p.id)""")).as("funding lines sum to the estimate")
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM project WHERE approved_estimate > estimated_investment")).isZero();
            assertThat(count(c, "SELECT count(*) FROM change_request")).isPositive();
            assertThat(count(c, """
                    SELECT count(*) FROM change_request r JOIN change_baseline b ON b.change_request_id = r.id
                    WHERE b.kind = 'FILING' AND b.adjustments_in_force = r.previous_adjustments + r.adjustment_amount
                      AND r.previous_adjustments + r.adjustment_amount <= r.approved_estimate * r.threshold_share"""))
                    .as("every change filed within the threshold leaves its baseline")
                    .isEqualTo(count(c, "SELECT count(*) FROM change_request"));
        }
    }

    @Test
    void representsEveryLifecycleStage() throws SQLException {
        List<String> statuses = new ArrayList<>();
        try (Connection c = a.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT status FROM project")) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(
                java.util.Arrays.stream(ProjectStatus.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void continuesTheChainValidUnderTheApplicationsVerifier() throws SQLException {
        ChainKeys keys = new ChainKeys(KeyFiles.parseRing(KEY_RING, "audit chain key", HexFormat.of()::parseHex));
        ChainVerifier verifier = new ChainVerifier(keys);
        List<String> firstActions = new ArrayList<>();
        String last = null;
        try (Connection c = a.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(5000);
                try (ResultSet rs = s.executeQuery("""
                        SELECT sequence, occurred_at, actor, organization_code, action, entity_type, entity_id, project_id,
                               summary, previous_hash, hash, key_id FROM audit_event ORDER BY sequence""")) {
                    while (rs.next()) {
                        AuditEvent e = new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getObject(8, UUID.class), rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12));
                        verifier.accept(e);
                        if (firstActions.size() < 3) {
                            firstActions.add(e.action());
                        }
                        last = e.action();
                    }
                }
            }
            ChainVerification result = verifier.result();
            assertThat(result.valid()).as("chain broken at %s", result.firstBrokenSequence()).isTrue();
            assertThat(result.count()).isEqualTo(reportA.lastAuditSequence());
            assertThat(firstActions).startsWith("DEMO_LOADED", "AUDIT_CHAIN_KEYED");
            assertThat(last).isEqualTo(DataGenerator.MARKER_ACTION);
            assertThat(count(c, "SELECT count(*) FROM audit_event WHERE sequence > 1 AND key_id <> 'k1'")).isZero();
            assertThat(count(c, "SELECT count(*) FROM audit_event a JOIN audit_event b ON b.sequence = a.sequence + 1 "
                    + "WHERE a.sequence > 2 AND b.action <> '" + DataGenerator.MARKER_ACTION
                    + "' AND b.occurred_at < a.occurred_at")).as("time rises through the segment").isZero();
            assertThat(count(c, "SELECT count(DISTINCT project_id) FROM audit_event")).isEqualTo(300);
        }
    }

    @Test
    void codesAreUniqueAndTheApplicationsNextCodeIsFree() throws SQLException {
        try (Connection c = a.getConnection()) {
            assertThat(count(c, "SELECT count(DISTINCT code) FROM project")).isEqualTo(300);
            assertThat(count(c, "SELECT count(*) FROM project WHERE code !~ '^JLZW-202[2-6]-[0-9]{4,}$'")).isZero();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (int year = 2022; year <= 2026; year++) {
                    // what JdbcProjectRepository does for the next code of a year
                    long next;
                    try (ResultSet rs = s.executeQuery("INSERT INTO project_code_sequence (year, last_value) VALUES ("
                            + year + ", 1) ON CONFLICT (year) DO UPDATE SET last_value = project_code_sequence.last_value"
                            + " + 1 RETURNING last_value")) {
                        rs.next();
                        next = rs.getLong(1);
                    }
                    String code = String.format("JLZW-%d-%04d", year, next);
                    assertThat(count(c, "SELECT count(*) FROM project WHERE code = '" + code + "'")).as(code).isZero();
                }
            }
            finally {
                c.rollback();
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameRows() throws SQLException {
        assertThat(reportB.rows()).isEqualTo(reportA.rows());
        for (String table : List.of("organization", "app_user", "project", "project_funding_source", "project_code_sequence",
                "change_request", "change_baseline", "document", "obligation", "fund_plan", "disbursement", "spending",
                "construction_contract", "supervision_finding", "supervision_rectification", "supervision_review",
                "audit_event")) {
            // the fixture's own user was inserted at a different moment in each database
            String rows = table.equals("app_user") ? "(SELECT * FROM app_user WHERE username <> 'rst')" : table;
            assertThat(digest(b, rows)).as(table).isEqualTo(digest(a, rows));
        }
    }

    @Test
    void everyStoredDocumentsFileMatchesItsSm3() throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection c = a.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT storage_name, sm3, size FROM document WHERE storage_name IS NOT NULL")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2) + " " + rs.getLong(3));
            }
        }
        assertThat(rows).hasSizeGreaterThan(5000);
        Path store = work.resolve("data-a").resolve("documents");
        for (Map.Entry<String, String> row : rows.entrySet()) {
            byte[] bytes = Files.readAllBytes(store.resolve(row.getKey()));
            assertThat(Sm3.hex(bytes) + " " + bytes.length).as(row.getKey()).isEqualTo(row.getValue());
        }
        try (Connection c = a.getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM document d JOIN project p ON p.id = d.project_id "
                    + "WHERE p.classified AND d.offline_reference IS NULL")).as("classified: offline only").isZero();
        }
    }

    @Test
    void refusesASecondRunOnTheSameDatabase() {
        assertThatThrownBy(() -> DataGenerator.generate(a, work.resolve("data-a"), DataGenerator.Size.JILIN, SEED + 1,
                AS_OF)).isInstanceOf(DataGenerator.AlreadyGeneratedException.class)
                .hasMessageContaining("already holds a generated data set");
    }

    private static String digest(DataSource db, String table) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) || ' ' || md5(string_agg(t::text, E'\\n' ORDER BY t::text)) FROM "
                        + table + " t")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
