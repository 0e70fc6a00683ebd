package cn.jl.govit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import cn.jl.govit.approval.OutlineItem;
import cn.jl.govit.approval.Outlines;
import cn.jl.govit.approval.SubmissionFacts;
import cn.jl.govit.approval.SubmissionOutline;
import cn.jl.govit.project.Stage;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;

/**
 * Issue 7.8: the application is killed with SIGKILL while {@value #CLIENTS} clients create projects, prepare and
 * submit their submissions and upload documents, and started again on the same data. Every write that was
 * acknowledged (a 2xx received) must be there with the same content, nothing may be half-written (a project
 * without its audit event, a document row without its file or with another digest), the audit chain verifies
 * and, once the sweeper ran, the document store holds no file that no record points at.
 * <p>
 * Two runs: the embedded default (first the JVM alone is killed and its PostgreSQL lives on as an orphan, then
 * the JVM and the postmaster are killed: the application must come back by itself both times) and Debian's
 * PostgreSQL server in a private cluster, killed with the application. The application runs as a separate
 * process ({@link AppProcess}); its logs are kept in {@code target/crash/}. Five starts of the application in all:
 * 5 to 7.5 minutes on the shared two-core development machine, almost all of it application start-up.
 */
class CrashTests {

    static final int CLIENTS = 16;
    /** Acknowledged writes before the kill: enough for every kind, while all clients are still busy. */
    static final int ACKS_BEFORE_KILL = 80;
    static final Duration UP_TIMEOUT = Duration.ofSeconds(240);
    static final Path DEBIAN_BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path logs = Path.of(System.getProperty("crash.logs",
            Path.of(System.getProperty("java.io.tmpdir")).resolveSibling("crash").toString())).toAbsolutePath();

    @Test
    void theEmbeddedDefaultComesBackAfterSigkillOfTheJvmAndOfItsPostgres() throws Exception {
        Path dataDir = Files.createTempDirectory("govit-crash-embedded-");
        Path pgData = dataDir.resolve("pg");
        int dbPort = AppProcess.freePort();
        String prefix = "崩溃内嵌-" + UUID.randomUUID().toString().substring(0, 6);
        List<AppProcess> started = new ArrayList<>();
        System.out.println("crash: class path for the child: " + AppProcess.classPathSource());
        try {
            AppProcess first = start(started, "embedded-1", embeddedArguments(dataDir, dbPort, false));
            System.out.println("crash: embedded-1 up in " + first.awaitUp(UP_TIMEOUT).toMillis() + " ms");
            Load round1 = Load.until(first.port(), prefix + "-1", ACKS_BEFORE_KILL);
            int exit = first.kill();
            round1.finish();
            assertThat(exit).as("destroyForcibly is SIGKILL: exit 128 + 9").isEqualTo(137);
            ProcessHandle orphan = AppProcess.postmaster(pgData).filter(ProcessHandle::isAlive)
                    .orElseThrow(() -> new AssertionError("the embedded PostgreSQL should outlive its killed JVM"));
            System.out.println("crash: embedded-1 killed (SIGKILL, exit " + exit + ") " + round1.summary()
                    + "; its PostgreSQL (pid " + orphan.pid() + ") lives on as an orphan");

            AppProcess second = start(started, "embedded-2", embeddedArguments(dataDir, dbPort, false));
            Duration recovered = second.awaitUp(UP_TIMEOUT);
            assertThat(orphan.isAlive()).as("the orphan server was stopped by the new start").isFalse();
            assertThat(second.logged("still holds")).as("the start found and stopped the orphan:\n" + second.tail())
                    .isTrue();
            Report report1 = verify(second.port(), jdbcUrl(dbPort), prefix, round1.writes(), round1.attempted());
            System.out.println("crash: embedded-2 (orphan PostgreSQL stopped, restarted) up in " + recovered.toMillis()
                    + " ms; " + report1);

            Load round2 = Load.until(second.port(), prefix + "-2", ACKS_BEFORE_KILL);
            ProcessHandle postmaster = AppProcess.postmaster(pgData).filter(ProcessHandle::isAlive).orElseThrow();
            exit = second.kill();
            AppProcess.sigkill(postmaster);
            round2.finish();
            assertThat(exit).isEqualTo(137);
            assertThat(postmaster.isAlive()).isFalse();
            assertThat(pgData.resolve("postmaster.pid")).as("the killed server's lock is left behind").exists();
            System.out.println("crash: embedded-2 and its PostgreSQL postmaster (pid " + postmaster.pid()
                    + ") killed (SIGKILL) " + round2.summary());

            List<String> planted = plantStrays(dataDir);
            AppProcess third = start(started, "embedded-3", embeddedArguments(dataDir, dbPort, true));
            recovered = third.awaitUp(UP_TIMEOUT);
            assertThat(third.logged("stale postmaster.pid")).as("the start removed the stale lock:\n" + third.tail())
                    .isTrue();
            List<Write> all = new ArrayList<>(round1.writes());
            all.addAll(round2.writes());
            List<String> attempted = new ArrayList<>(round1.attempted());
            attempted.addAll(round2.attempted());
            Report report2 = verify(third.port(), jdbcUrl(dbPort), prefix, all, attempted);
            Sweep sweep = awaitSweepAndCheckStore(third, dataDir, jdbcUrl(dbPort), planted);
            System.out.println("crash: embedded-3 (stale lock removed, WAL recovery) up in " + recovered.toMillis()
                    + " ms; " + report2 + "; " + sweep);
        }
        finally {
            for (AppProcess app : started) {
                app.close();
            }
            stopLeftoverPostgres(pgData);
            deleteTree(dataDir);
        }
    }

    @Test
    void debiansPostgresqlServerAndTheApplicationBothKilled() throws Exception {
        assumeTrue(Files.isExecutable(DEBIAN_BIN.resolve("pg_ctl")) && Files.isExecutable(DEBIAN_BIN.resolve("initdb")),
                "Debian's PostgreSQL 15 server (" + DEBIAN_BIN + ", package postgresql-15) is not installed: "
                        + "the run against it is skipped here; CI installs it");
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(!root || Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
                "running as root without runuser: initdb refuses root and the server cannot run as another user");
        // a directory the postgres user can reach (the build directory may lie under a home it cannot enter)
        Path cluster = Files.createTempDirectory(Path.of("/tmp"), "govit-crash-pg-");
        Path pgData = cluster.resolve("data");
        Path dataDir = Files.createTempDirectory("govit-crash-debian-");
        int dbPort = AppProcess.freePort();
        String prefix = "崩溃服务器-" + UUID.randomUUID().toString().substring(0, 6);
        DebianCluster server = new DebianCluster(cluster, pgData, dbPort, root);
        List<AppProcess> started = new ArrayList<>();
        try {
            server.init();
            server.start();
            List<String> arguments = debianArguments(dataDir, dbPort, false);
            AppProcess first = start(started, "debian-1", arguments);
            System.out.println("crash: debian-1 up in " + first.awaitUp(UP_TIMEOUT).toMillis() + " ms");
            Load load = Load.until(first.port(), prefix, ACKS_BEFORE_KILL);
            ProcessHandle postmaster = AppProcess.postmaster(pgData).filter(ProcessHandle::isAlive).orElseThrow();
            int exit = first.kill();
            AppProcess.sigkill(postmaster);
            load.finish();
            assertThat(exit).isEqualTo(137);
            assertThat(postmaster.isAlive()).isFalse();
            System.out.println("crash: debian-1 and Debian's postmaster (pid " + postmaster.pid()
                    + ") killed (SIGKILL) " + load.summary());

            long restart = System.nanoTime();
            server.start();
            List<String> planted = plantStrays(dataDir);
            AppProcess second = start(started, "debian-2", debianArguments(dataDir, dbPort, true));
            second.awaitUp(UP_TIMEOUT);
            Duration recovered = Duration.ofNanos(System.nanoTime() - restart);
            Report report = verify(second.port(), jdbcUrl(dbPort), prefix, load.writes(), load.attempted());
            Sweep sweep = awaitSweepAndCheckStore(second, dataDir, jdbcUrl(dbPort), planted);
            System.out.println("crash: Debian server restarted (crash recovery) and debian-2 up in "
                    + recovered.toMillis() + " ms; " + report + "; " + sweep);
        }
        finally {
            for (AppProcess app : started) {
                app.close();
            }
            server.stop();
            if (Files.isRegularFile(cluster.resolve("server.log"))) {
                Files.createDirectories(logs);
                Files.copy(cluster.resolve("server.log"), logs.resolve("debian-postgresql.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            deleteTree(dataDir);
            deleteTree(cluster);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private AppProcess start(List<AppProcess> started, String name, List<String> arguments) throws IOException {
        AppProcess app = AppProcess.start(name, logs, arguments);
        started.add(app);
        return app;
    }

    private static List<String> embeddedArguments(Path dataDir, int dbPort, boolean sweep) {
        List<String> arguments = commonArguments(dataDir, sweep);
        arguments.add("--govit.embedded-db.port=" + dbPort);
        return arguments;
    }

    private static List<String> debianArguments(Path dataDir, int dbPort, boolean sweep) {
        List<String> arguments = commonArguments(dataDir, sweep);
        arguments.add("--spring.datasource.url=" + jdbcUrl(dbPort));
        arguments.add("--spring.datasource.username=postgres");
        arguments.add("--spring.datasource.password=");
        return arguments;
    }

    /**
     * The sweeper runs only on the last start of a run, every 2 s for files older than 1 s: while clients still
     * upload, so short an age could take a file whose transaction has not committed yet.
     */
    private static List<String> commonArguments(Path dataDir, boolean sweep) {
        List<String> arguments = new ArrayList<>(List.of("--govit.data-dir=" + dataDir,
                // the test suite's configuration switches durability off for its throw-away databases; not here
                "--govit.embedded-db.durable=true",
                "--govit.security.password-iterations=1000",
                "--govit.obligation.scan-cron=-",
                "--govit.notification.digest.cron=-",
                "--govit.document.fixity-cron=-",
                "--logging.level.root=WARN",
                "--logging.level.cn.jl.govit=INFO"));
        if (sweep) {
            arguments.add("--govit.document.sweep-cron=*/2 * * * * *");
            arguments.add("--govit.document.orphan-age=1s");
        }
        else {
            arguments.add("--govit.document.sweep-cron=-");
        }
        return arguments;
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** One acknowledged write: what kind, the id the server returned, and what must be found again. */
    record Write(String kind, String id, String projectId, String expected, byte[] bytes) {
    }

    /** What the verification found. */
    record Report(int acknowledged, int found, int unacknowledgedProjectsFound, int attempted, long auditEvents,
            long documentsChecked) {

        @Override
        public String toString() {
            return "acknowledged writes " + acknowledged + ", found after restart " + found + " (projects whose "
                    + "answer was lost but which were written: " + unacknowledgedProjectsFound + " of " + attempted
                    + " attempted), audit chain valid over " + auditEvents + " events, fixity intact over "
                    + documentsChecked + " stored documents";
        }
    }

    record Sweep(int leftByCrash, int planted, int filesAfter) {

        @Override
        public String toString() {
            return "document store: " + leftByCrash + " temporary/orphan files left by the crash and " + planted
                    + " planted, all swept; " + filesAfter + " files left, each with its document row";
        }
    }

    /**
     * A temporary file of an interrupted write and a stored file no record points at, an hour old: what a crash
     * between writing a file and committing its record leaves. The sweeper of the next start must remove both,
     * which also proves that it ran.
     */
    private static List<String> plantStrays(Path dataDir) throws IOException {
        Path store = Files.createDirectories(dataDir.resolve("documents"));
        String orphan = UUID.randomUUID() + ".bin";
        String temporary = ".tmp-" + UUID.randomUUID() + ".bin";
        for (String name : List.of(orphan, temporary)) {
            Path file = Files.writeString(store.resolve(name), "crash leftover");
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                    java.time.Instant.now().minus(Duration.ofHours(1))));
        }
        return List.of(orphan, temporary);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Every acknowledged write is there with its content; nothing is half-written; the audit chain verifies;
     * every document row's file is there with its digest (the fixity check of the whole store).
     */
    static Report verify(int port, String jdbcUrl, String prefix, List<Write> writes, List<String> attempted)
            throws SQLException {
        Api api = new Api(port);
        int found = 0;
        for (Write write : writes) {
            switch (write.kind()) {
                case "project" -> {
                    Response project = api.as("rst").get("projects/" + write.id());
                    assertThat(project.status()).as("acknowledged project " + write.id()).isEqualTo(200);
                    assertThat(project.text("$.name")).isEqualTo(write.expected());
                }
                case "construction-mode" -> {
                    Response project = api.as("rst").get("projects/" + write.id());
                    assertThat(project.status()).isEqualTo(200);
                    assertThat(project.text("$.constructionMode")).as(project.toString()).isEqualTo(write.expected());
                }
                case "submission", "submitted" -> {
                    Response submission = api.as("rst").get("submissions/" + write.id());
                    assertThat(submission.status()).as("acknowledged submission " + write.id()).isEqualTo(200);
                    assertThat(submission.text("$.projectId")).isEqualTo(write.projectId());
                    if (write.kind().equals("submitted")) {
                        assertThat(submission.text("$.status")).as(submission.toString()).isEqualTo(write.expected());
                    }
                }
                case "document" -> {
                    Response document = api.as("rst").get("documents/" + write.id());
                    assertThat(document.status()).as("acknowledged document " + write.id()).isEqualTo(200);
                    assertThat(document.text("$.sm3")).isEqualTo(write.expected());
                    Api.Download content = api.as("rst").download("documents/" + write.id() + "/content");
                    assertThat(content.status()).isEqualTo(200);
                    assertThat(content.body()).isEqualTo(write.bytes());
                    assertThat(content.headers().getFirst("X-Content-SM3")).isEqualTo(write.expected());
                }
                default -> throw new IllegalStateException(write.kind());
            }
            found++;
        }

        Response chain = api.as("sjt").get("audit-events/verification");
        assertThat(chain.status()).as(chain.toString()).isEqualTo(200);
        assertThat(chain.<Boolean>json("$.valid")).as("audit chain after the crash: " + chain).isTrue();
        Response fixity = api.as("auditadmin").post("documents/fixity-checks", Map.of());
        assertThat(fixity.status()).as(fixity.toString()).isEqualTo(200);
        assertThat(fixity.<List<Object>>json("$.changed")).as("document rows without their file or digest: " + fixity)
                .isEmpty();

        int unacknowledged;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            String ours = "SELECT id FROM project WHERE name LIKE ?";
            assertThat(ids(db, "SELECT p.id FROM project p WHERE p.name LIKE ? AND NOT EXISTS "
                    + "(SELECT 1 FROM audit_event a WHERE a.project_id = p.id AND a.entity_id = p.id::text)", prefix))
                    .as("projects without their audit event").isEmpty();
            assertThat(ids(db, "SELECT s.id FROM submission s WHERE s.project_id IN (" + ours + ") AND NOT EXISTS "
                    + "(SELECT 1 FROM audit_event a WHERE a.entity_id = s.id::text)", prefix))
                    .as("submissions without their audit event").isEmpty();
            assertThat(ids(db, "SELECT s.id FROM submission s WHERE s.project_id IN (" + ours + ") "
                    + "AND s.submitted_at IS NOT NULL AND (NOT EXISTS (SELECT 1 FROM submission_version v "
                    + "WHERE v.submission_id = s.id) OR NOT EXISTS (SELECT 1 FROM audit_event a "
                    + "WHERE a.entity_id = s.id::text AND a.action = 'SUBMISSION_SUBMITTED'))", prefix))
                    .as("submitted submissions without their version or their audit event").isEmpty();
            assertThat(ids(db, "SELECT d.id FROM document d WHERE d.project_id IN (" + ours + ") AND NOT EXISTS "
                    + "(SELECT 1 FROM audit_event a WHERE a.entity_id = d.id::text)", prefix))
                    .as("documents without their audit event").isEmpty();
            Set<String> acknowledgedProjects = new HashSet<>();
            writes.stream().filter(w -> w.kind().equals("project")).forEach(w -> acknowledgedProjects.add(w.expected()));
            List<String> lost = attempted.stream().filter(name -> !acknowledgedProjects.contains(name)).toList();
            unacknowledged = lost.isEmpty() ? 0
                    : ids(db, "SELECT id FROM project WHERE name = ANY (?)", lost.toArray(String[]::new)).size();
        }
        assertThat(found).isEqualTo(writes.size());
        return new Report(writes.size(), found, unacknowledged, attempted.size(),
                ((Number) chain.json("$.count")).longValue(), ((Number) fixity.json("$.checked")).longValue());
    }

    private static List<String> ids(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (parameter instanceof String[] names) {
                statement.setArray(1, db.createArrayOf("text", names));
            }
            else {
                statement.setString(1, parameter + "%");
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /**
     * After the sweeper ran (every 2 s on this start), the document folder holds no temporary file and no file
     * without a document row.
     */
    static Sweep awaitSweepAndCheckStore(AppProcess app, Path dataDir, String jdbcUrl, List<String> planted)
            throws Exception {
        Path store = dataDir.resolve("documents");
        Set<String> recorded = new HashSet<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                ResultSet rows = db.createStatement().executeQuery(
                        "SELECT storage_name FROM document WHERE storage_name IS NOT NULL")) {
            while (rows.next()) {
                recorded.add(rows.getString(1));
            }
        }
        int leftByCrash = (int) files(store).stream().filter(name -> !recorded.contains(name))
                .filter(name -> !planted.contains(name)).count();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> stray = strays(store, recorded);
        while (!stray.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            stray = strays(store, recorded);
        }
        // one more sweep period, so that the check follows a run of the sweeper even when the crash left nothing
        Thread.sleep(2500);
        stray = strays(store, recorded);
        assertThat(stray).as("files in the document store that no document row points at, after the sweep:\n"
                + app.tail()).isEmpty();
        for (String name : recorded) {
            assertThat(store.resolve(name)).as("the file of a document row").isRegularFile();
        }
        assertThat(app.logged("document sweep removed")).as("the sweeper ran and said what it removed").isTrue();
        return new Sweep(leftByCrash, planted.size(), files(store).size());
    }

    private static List<String> strays(Path store, Set<String> recorded) throws IOException {
        return files(store).stream().filter(name -> !recorded.contains(name)).toList();
    }

    private static List<String> files(Path store) throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void stopLeftoverPostgres(Path pgData) throws Exception {
        Optional<ProcessHandle> left = AppProcess.postmaster(pgData).filter(ProcessHandle::isAlive);
        if (left.isPresent() && left.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
            AppProcess.sigkill(left.get());
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * {@value #CLIENTS} clients, each in a loop: a department creates a project, the Digital Bureau sets its
     * construction mode, the department prepares the feasibility study, submits it and uploads a document. Each
     * 2xx is recorded as an acknowledged write; the first failed request (the server is gone) ends a client.
     */
    static final class Load {

        private final Api api;
        private final String prefix;
        private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> attempted = new ConcurrentLinkedQueue<>();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final CountDownLatch done = new CountDownLatch(CLIENTS);
        private final List<Thread> clients = new ArrayList<>();
        private int inFlightAtKill = -1;
        private final AtomicInteger inFlight = new AtomicInteger();

        private Load(int port, String prefix) {
            this.api = new Api(port);
            this.prefix = prefix;
        }

        /** Starts the clients and returns once {@code acks} writes were acknowledged (the caller then kills). */
        static Load until(int port, String prefix, int acks) throws InterruptedException {
            Load load = new Load(port, prefix);
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                Thread thread = new Thread(() -> load.client(client), "crash-client-" + i);
                thread.setDaemon(true);
                load.clients.add(thread);
                thread.start();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (load.writes.size() < acks || !load.everyKind()) {
                if (System.nanoTime() > deadline || load.done.getCount() == 0) {
                    load.stop.set(true);
                    throw new AssertionError("the load did not reach " + acks + " acknowledged writes: "
                            + load.summary());
                }
                Thread.sleep(20);
            }
            load.inFlightAtKill = load.inFlight.get();
            return load;
        }

        /** After the kill: waits for every client to notice. */
        void finish() throws InterruptedException {
            stop.set(true);
            assertThat(done.await(60, TimeUnit.SECONDS)).as("clients ended after the kill").isTrue();
        }

        List<Write> writes() {
            return List.copyOf(writes);
        }

        List<String> attempted() {
            return List.copyOf(attempted);
        }

        String summary() {
            Map<String, Long> kinds = new LinkedHashMap<>();
            for (Write write : writes) {
                kinds.merge(write.kind(), 1L, Long::sum);
            }
            return "with " + CLIENTS + " clients: " + writes.size() + " acknowledged writes " + kinds + ", "
                    + inFlightAtKill + " requests in flight at the kill, " + failed.get()
                    + " failed by the kill, " + refused.get() + " refused (4xx)";
        }

        private boolean everyKind() {
            Set<String> kinds = new HashSet<>();
            writes.forEach(w -> kinds.add(w.kind()));
            return kinds.containsAll(List.of("project", "construction-mode", "submission", "submitted", "document"));
        }

        private void client(int client) {
            try {
                for (int round = 0; !stop.get(); round++) {
                    String name = prefix + "-" + client + "-" + round;
                    attempted.add(name);
                    Response created = call(() -> api.as("rst").post("projects", proposal(name)));
                    if (created == null) {
                        return;
                    }
                    String project = created.text("$.id");
                    writes.add(new Write("project", project, project, name, null));
                    Response mode = call(() -> api.as("szsj").post("projects/" + project + "/construction-mode",
                            Map.of("mode", "UNIFIED")));
                    if (mode == null) {
                        return;
                    }
                    writes.add(new Write("construction-mode", project, project, "UNIFIED", null));
                    Response prepared = call(() -> api.as("rst").post("projects/" + project + "/submissions",
                            submission()));
                    if (prepared == null) {
                        return;
                    }
                    String submission = prepared.text("$.id");
                    writes.add(new Write("submission", submission, project, null, null));
                    Response submitted = call(() -> api.as("rst").post("submissions/" + submission + "/submit",
                            Map.of()));
                    if (submitted == null) {
                        return;
                    }
                    writes.add(new Write("submitted", submission, project, submitted.text("$.status"), null));
                    String filename = "纪要-" + round + ".txt";
                    byte[] bytes = ("会议纪要 " + name + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
                    Response uploaded = call(() -> api.as("rst").send(HttpMethod.POST,
                            "projects/" + project + "/documents", "multipart/form-data; boundary=" + BOUNDARY,
                            multipart(filename, bytes)));
                    if (uploaded == null) {
                        return;
                    }
                    writes.add(new Write("document", uploaded.text("$.id"), project, uploaded.text("$.sm3"), bytes));
                }
            }
            finally {
                done.countDown();
            }
        }

        /** The answer if it was a 2xx; {@code null} (and the client ends) if the request failed or was refused. */
        private Response call(java.util.function.Supplier<Response> request) {
            inFlight.incrementAndGet();
            try {
                Response response = request.get();
                if (response.status() / 100 == 2) {
                    return response;
                }
                if (response.status() / 100 == 4) {
                    refused.incrementAndGet();
                    System.out.println("crash: refused " + response);
                }
                else {
                    failed.incrementAndGet();
                }
                return null;
            }
            catch (RuntimeException e) {
                // connection refused or reset: the server was killed
                failed.incrementAndGet();
                return null;
            }
            finally {
                inFlight.decrementAndGet();
            }
        }
    }

    static final String BOUNDARY = "govit-crash-boundary";
    static final Outlines OUTLINES = new Outlines();

    private static Map<String, Object> proposal(String name) {
        Map<String, Object> proposal = Api.proposal(name);
        proposal.put("inProvincialPlan", false);
        proposal.put("simpleOrEquipmentOnly", true);
        proposal.put("estimatedInvestment", 3000000);
        proposal.put("constructionPeriodMonths", 12);
        proposal.put("fundingSources", List.of(Map.of("source", "DIGITAL_JILIN_FUND", "amount", 3000000)));
        return proposal;
    }

    /** A complete feasibility study: every outline item written, every attachment named, every statement. */
    private static Map<String, Object> submission() {
        SubmissionOutline outline = new SubmissionFacts(Stage.FEASIBILITY_STUDY, false, false, false, false, false)
                .outline(OUTLINES);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", Stage.FEASIBILITY_STUDY.name());
        List<Map<String, Object>> chapters = new ArrayList<>();
        for (OutlineItem leaf : outline.leaves()) {
            chapters.add(Map.of("code", leaf.code(), "content", "## " + leaf.title() + "\n内容"));
        }
        body.put("chapters", chapters);
        body.put("attachments", outline.attachments().stream()
                .map(a -> Map.of("code", a.code(), "documentId", UUID.randomUUID().toString())).toList());
        body.put("informationResources", List.of(Map.of("name", "参保人员信息", "shareType", "CONDITIONAL",
                "shareCondition", "仅限人社、医保部门按需共享")));
        body.put("securityReliabilityStatement", "选用国产安全可靠的服务器和数据库");
        body.put("cryptoPlan", "采用 SM2/SM3/SM4 国密算法");
        body.put("cloudResources", "吉林祥云：8 核 32G 云主机 4 台，10 TB 存储");
        return body;
    }

    private static byte[] multipart(String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * A private cluster of Debian's PostgreSQL 15 in a temporary directory on a free port. As root (CI) the
     * binaries run as the {@code postgres} OS user through {@code runuser}: initdb and the server refuse root.
     */
    static final class DebianCluster {

        private final Path cluster;
        private final Path pgData;
        private final int port;
        private final boolean root;

        DebianCluster(Path cluster, Path pgData, int port, boolean root) {
            this.cluster = cluster;
            this.pgData = pgData;
            this.port = port;
            this.root = root;
        }

        void init() throws Exception {
            if (root) {
                run(List.of("chown", "postgres:postgres", cluster.toString()));
            }
            run(asPostgres(DEBIAN_BIN.resolve("initdb").toString(), "-D", pgData.toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
        }

        /**
         * Starts the server and waits until it accepts connections. After a SIGKILL the backends of the killed
         * postmaster take a moment to leave its shared memory; until then a start is refused, so it is retried.
         */
        void start() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                int exit = run(asPostgres(DEBIAN_BIN.resolve("pg_ctl").toString(), "start", "-D", pgData.toString(),
                        "-l", cluster.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                        "-p " + port + " -k " + cluster + " -c listen_addresses=localhost -c timezone=Asia/Shanghai"
                                + " -c max_connections=50"), false);
                if (exit == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Debian's PostgreSQL did not start:\n"
                            + Files.readString(cluster.resolve("server.log")));
                }
                Thread.sleep(500);
            }
        }

        /** Stops the server (immediate) and kills what is left: never leave a postgres running. */
        void stop() throws Exception {
            if (Files.isRegularFile(pgData.resolve("postmaster.pid"))) {
                run(asPostgres(DEBIAN_BIN.resolve("pg_ctl").toString(), "stop", "-D", pgData.toString(), "-m",
                        "immediate", "-w", "-t", "30"), false);
            }
            stopLeftoverPostgres(pgData);
        }

        private List<String> asPostgres(String... command) {
            List<String> full = new ArrayList<>();
            if (root) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            full.addAll(List.of(command));
            return full;
        }

        private int run(List<String> command) throws Exception {
            return run(command, true);
        }

        private int run(List<String> command, boolean mustSucceed) throws Exception {
            Path output = cluster.resolve("commands.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("hangs: " + command);
            }
            if (mustSucceed && process.exitValue() != 0) {
                throw new AssertionError(command + " failed:\n" + Files.readString(output));
            }
            return process.exitValue();
        }
    }
}
