package cn.jl.govit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.util.FileSystemUtils;

import cn.jl.govit.GovItApplication;
import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;

/**
 * Issue 7.12: the documented backup procedure ({@code scripts/backup.sh}) taken from a running application on the
 * embedded default, restored ({@code scripts/restore.sh}) into a fresh database on a fresh PostgreSQL server and
 * a fresh data directory; the application started on the restored data has every record, a valid audit chain
 * of the same length, every document intact by its SM3 digest, and the keys kept outside the database work
 * (sealed personal data opens, the SM2 signing key signs a new approval reply).
 * <p>
 * Needs Debian's PostgreSQL 15 client tools (the embedded server is 15.18; zonky's bundle has no
 * {@code pg_dump}); CI installs them. {@code -Dgovit.pg-bin=DIR} names another directory of them.
 */
class BackupRestoreTests {

    private static final Path PG_BIN = Path.of(System.getProperty("govit.pg-bin", "/usr/lib/postgresql/15/bin"));
    private static final Path SCRIPTS = Path.of("scripts").toAbsolutePath();

    @Test
    void aBackupRestoredIntoAFreshDatabaseAndDocumentStoreHasEveryRecordAndVerifies() throws Exception {
        assumeTrue(Stream.of("pg_dump", "pg_restore", "psql").allMatch(tool -> Files.isExecutable(PG_BIN.resolve(tool))),
                "backup and restore need PostgreSQL 15 client tools (pg_dump, pg_restore, psql) in " + PG_BIN
                        + " (apt-get install postgresql-client-15, or -Dgovit.pg-bin=DIR); not found, so not run");
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("govit-backup-test-");
        Path data = work.resolve("data");
        Path backup = work.resolve("backup");
        Path keys = work.resolve("keys");
        Path restored = work.resolve("restored");

        String projectName = Api.unique("备份恢复检验项目");
        String projectId;
        String approvedId;
        Map<String, byte[]> uploaded = new LinkedHashMap<>();
        long auditEvents;
        String headHash;
        List<String> writtenAfterRestore = new ArrayList<>();
        long fixityChecked;
        String expertIdNumber;
        String backupOutput;
        long backupStarted;
        long backupMillis;
        try (ConfigurableApplicationContext source = start(data)) {
            Api api = new Api(port(source));
            Response created = api.as("rst").post("projects", Api.proposal(projectName));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            projectId = created.text("$.id");
            for (int i = 0; i < 3; i++) {
                byte[] content = document(i);
                String id = upload(api, projectId, "备份文件-" + i + ".txt", content);
                uploaded.put(id, content);
            }
            // an approved project: its approval reply is signed with the authority's SM2 key
            approvedId = ApprovedProjects.approved(api, "rst", 800_000, 12);
            Response contact = api.as("admin").get("experts/expert2/contact");
            assertThat(contact.status()).as(contact.toString()).isEqualTo(200);
            expertIdNumber = contact.text("$.idNumber");
            assertThat(expertIdNumber).isNotBlank();
            Response fixity = api.as("sjt").post("documents/fixity-checks", Map.of());
            assertThat(fixity.status()).as(fixity.toString()).isEqualTo(200);
            assertThat(fixity.<List<?>>json("$.changed")).isEmpty();
            fixityChecked = ((Number) fixity.json("$.checked")).longValue();
            // the last request before the backup: nothing is audited between this count and the dump
            Response verification = api.as("sjt").get("audit-events/verification");
            assertThat((Boolean) verification.json("$.valid")).as(verification.toString()).isTrue();
            // the head of the chain as the backup will hold it (a read may itself be audited, e.g. a login)
            Response head = api.as("sjt").get("audit-events?size=1");
            auditEvents = ((Number) head.json("$.content[0].sequence")).longValue();
            assertThat(auditEvents).isGreaterThanOrEqualTo(((Number) verification.json("$.count")).longValue());
            headHash = head.text("$.content[0].hash");

            // online, while the application runs, against the embedded default found from the data directory
            backupStarted = System.nanoTime();
            backupOutput = run(Map.of(), SCRIPTS.resolve("backup.sh").toString(), "--data-dir", data.toString(),
                    "--keys-to", keys.toString(), backup.toString());
            backupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - backupStarted);
        }
        assertThat(Files.readString(backup.resolve("MANIFEST"))).contains("# algorithm: sm3");
        List<String> keyFiles;
        try (Stream<Path> saved = Files.list(keys)) {
            keyFiles = saved.map(p -> p.getFileName().toString()).filter(name -> !name.equals("KEYS-MANIFEST")).toList();
        }
        try (Stream<Path> original = Files.list(data.resolve("keys"))) {
            assertThat(keyFiles).as("every key file saved apart")
                    .containsExactlyInAnyOrderElementsOf(original.map(p -> p.getFileName().toString()).toList());
        }
        try (Stream<Path> inBackup = Files.walk(backup)) {
            assertThat(inBackup.map(p -> p.getFileName().toString())).as("no key file in the backup itself")
                    .doesNotContainAnyElementsOf(keyFiles);
        }
        long documentFiles = countFiles(backup.resolve("documents"));
        long dumpBytes = Files.size(backup.resolve("database.dump"));
        long documentBytes = sizeOf(backup.resolve("documents"));

        try (EmbeddedPostgres fresh = EmbeddedPostgres.builder().setDataDirectory(work.resolve("fresh").resolve("pg"))
                .setCleanDataDirectory(true).setServerConfig("timezone", "Asia/Shanghai")
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C.UTF-8").start()) {
            // a server that never saw the platform, addressed through the usual PG* variables
            long restoreStarted = System.nanoTime();
            String restoreOutput = run(Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(fresh.getPort()),
                    "PGUSER", "postgres"), SCRIPTS.resolve("restore.sh").toString(), "--data-dir", restored.toString(),
                    "--keys-from", keys.toString(), "--database", "govit_restored", "--create", backup.toString());
            long restoreMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restoreStarted);

            Instant restoredStarted = Instant.now();
            try (ConfigurableApplicationContext copy = start(restored,
                    "--spring.datasource.url=jdbc:postgresql://localhost:" + fresh.getPort() + "/govit_restored",
                    "--spring.datasource.username=postgres")) {
                Api api = new Api(port(copy));
                Response verification = api.as("sjt").get("audit-events/verification");
                assertThat((Boolean) verification.json("$.valid")).as(verification.toString()).isTrue();
                // the restored chain is the backed-up chain unchanged (same length, same head), followed only by
                // what the restored platform wrote itself since it started (e.g. the audited login of this request)
                long restoredCount = ((Number) verification.json("$.count")).longValue();
                assertThat(restoredCount).isGreaterThanOrEqualTo(auditEvents);
                Response newest = api.as("sjt").get("audit-events?size=" + (restoredCount - auditEvents + 10));
                List<Map<String, Object>> events = newest.json("$.content");
                assertThat(events).as("the backed-up head event, unchanged").anySatisfy(event -> {
                    assertThat(((Number) event.get("sequence")).longValue()).isEqualTo(auditEvents);
                    assertThat(event.get("hash")).isEqualTo(headHash);
                });
                for (Map<String, Object> event : events) {
                    if (((Number) event.get("sequence")).longValue() > auditEvents) {
                        assertThat(OffsetDateTime.parse((String) event.get("occurredAt")).toInstant())
                                .as("event %s was written by the restored platform", event).isAfterOrEqualTo(restoredStarted);
                        writtenAfterRestore.add(0, event.get("sequence") + " " + event.get("action"));
                    }
                }

                Response fixity = api.as("sjt").post("documents/fixity-checks", Map.of());
                assertThat(fixity.status()).as(fixity.toString()).isEqualTo(200);
                assertThat(fixity.<List<?>>json("$.changed")).as("documents changed or missing after the restore").isEmpty();
                assertThat(((Number) fixity.json("$.checked")).longValue()).isEqualTo(fixityChecked);

                Response project = api.as("rst").get("projects/" + projectId);
                assertThat(project.status()).as(project.toString()).isEqualTo(200);
                assertThat(project.text("$.name")).isEqualTo(projectName);
                assertThat(api.as("rst").get("projects/" + projectId + "/documents").<List<String>>json("$[*].id"))
                        .containsExactlyInAnyOrderElementsOf(uploaded.keySet());
                for (Map.Entry<String, byte[]> document : uploaded.entrySet()) {
                    Api.Download content = api.as("rst").download("documents/" + document.getKey() + "/content");
                    assertThat(content.status()).isEqualTo(200);
                    assertThat(content.body()).isEqualTo(document.getValue());
                }
                assertThat(api.as("rst").get("projects/" + approvedId).text("$.status")).isEqualTo("APPROVED");

                // the keys outside the database came back with the backup: sealed data opens, the signing key signs
                assertThat(api.as("admin").get("experts/expert2/contact").text("$.idNumber")).isEqualTo(expertIdNumber);
                String approvedAfterRestore = ApprovedProjects.approved(api, "rst", 600_000, 10);
                assertThat(api.as("rst").get("projects/" + approvedAfterRestore).text("$.status")).isEqualTo("APPROVED");
            }

            // the restored platform is backed up in turn, now from an external server through the PG* variables:
            // every document file of the first backup again, with the same digest and size
            Path again = work.resolve("backup-of-restored");
            run(Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(fresh.getPort()), "PGUSER", "postgres",
                    "PGDATABASE", "govit_restored"), SCRIPTS.resolve("backup.sh").toString(), "--data-dir",
                    restored.toString(), "--keys-to", work.resolve("keys-again").toString(), again.toString());
            assertThat(documentLines(again)).containsAll(documentLines(backup));
            assertThat(documentLines(backup)).hasSize((int) documentFiles);

            // a damaged backup is refused before anything is touched: no database, no file
            Map<String, String> server = Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(fresh.getPort()),
                    "PGUSER", "postgres");
            Path damaged = copyOf(backup, work.resolve("damaged"));
            Path victim;
            try (Stream<Path> files = Files.list(damaged.resolve("documents"))) {
                victim = files.sorted().findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(victim);
            bytes[bytes.length / 2] ^= 1;
            Files.write(victim, bytes);
            Path elsewhere = work.resolve("restored-again");
            Result refused = execute(server, SCRIPTS.resolve("restore.sh").toString(), "--data-dir", elsewhere.toString(),
                    "--keys-from", keys.toString(), "--database", "govit_damaged", "--create", damaged.toString());
            assertThat(refused.exit()).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains(victim.getFileName().toString()).contains("nothing restored");
            assertThat(Files.exists(elsewhere.resolve("documents"))).isFalse();
            try (Connection connection = fresh.getPostgresDatabase().getConnection();
                    ResultSet rs = connection.createStatement()
                            .executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'govit_damaged'")) {
                assertThat(rs.next() && rs.getInt(1) == 0).as("no database created from a damaged backup").isTrue();
            }
            // and a restore never writes over a database that is not fresh (the server found as an embedded one is,
            // from the pg/postmaster.pid under the directory given)
            Result notFresh = execute(Map.of(), SCRIPTS.resolve("restore.sh").toString(), "--data-dir",
                    elsewhere.toString(), "--keys-from", keys.toString(), "--embedded-server", work.resolve("fresh").toString(),
                    "--database", "govit_restored", backup.toString());
            assertThat(notFresh.exit()).as(notFresh.output()).isNotZero();
            assertThat(notFresh.output()).contains("not empty");

            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            System.out.println(backupOutput.strip());
            System.out.println(restoreOutput.strip());
            System.out.printf("backup-restore: %d audit events verified before the backup and the same %d with the "
                    + "same head after the restore (then %s written by the restored platform itself), ", auditEvents,
                    auditEvents, writtenAfterRestore);
            System.out.printf("%d documents checked by SM3 "
                    + "(%d files, %d bytes; dump %d bytes), %d created documents byte-identical; backup.sh %d ms, "
                    + "restore.sh %d ms; whole test %d s%n", fixityChecked, documentFiles, documentBytes,
                    dumpBytes, uploaded.size(), backupMillis, restoreMillis, seconds);
        }
        // kept after a failure for a look; removed after a pass (it holds two PostgreSQL clusters)
        FileSystemUtils.deleteRecursively(work);
    }

    /** Different sizes, so that a truncated or swapped copy shows. */
    private static byte[] document(int i) {
        StringBuilder text = new StringBuilder("备份恢复检验文件 " + i + " " + UUID.randomUUID() + "\n");
        for (int line = 0; line < 50 * (i * i + 1); line++) {
            text.append("第").append(line).append("行：项目建设方案、验收材料与运行维护记录。\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String upload(Api api, String project, String filename, byte[] content) {
        String boundary = "govit-backup-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        Response stored = api.as("rst").send(HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + boundary, body);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return stored.text("$.id");
    }

    private record Result(int exit, String output) {
    }

    /** Runs a script with PG_BIN set; answers its output, failing the test with it on a non-zero exit. */
    private static String run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Result result = execute(environment, command);
        assertThat(result.exit()).as(String.join(" ", command) + "\n" + result.output()).isZero();
        return result.output();
    }

    private static Result execute(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("bash"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("PG_BIN", PG_BIN.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static List<String> documentLines(Path backup) throws IOException {
        return Files.readAllLines(backup.resolve("MANIFEST")).stream().filter(line -> line.contains(" documents/"))
                .sorted().toList();
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return to;
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(file -> {
                try {
                    return Files.size(file);
                }
                catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static ConfigurableApplicationContext start(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--govit.data-dir=" + data,
                "--govit.security.password-iterations=1000"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(GovItApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
