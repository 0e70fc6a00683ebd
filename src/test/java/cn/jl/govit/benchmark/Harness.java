package cn.jl.govit.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The load harness of issue 8: one command ({@code scripts/benchmark.sh jilin|national}) that starts the platform on
 * its embedded PostgreSQL, fills it once with the {@link DataGenerator} data set, and measures each operation at 1
 * and at 50 concurrent users against the REST API — and, in the same run, the raw SQL that the operation needs on
 * the same server, so that the report shows how far the endpoint is from the physical limit (endpoint ÷ raw SQL).
 * <p>
 * Not part of the unit suite (the name matches none of Surefire's patterns). Results are printed and written to
 * {@code target/benchmark/results-<size>-<time>.md}.
 */
public final class Harness {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "Demo@2026";

    private final Options options;
    private final HttpClient http;
    private final Map<String, String> authorization = new LinkedHashMap<>();
    private BenchmarkApp app;
    private HikariDataSource raw;
    private String authMode = "";

    private Harness(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8, r -> {
                    Thread t = new Thread(r, "http");
                    t.setDaemon(true);
                    return t;
                }))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] args) throws Exception {
        // one kept-alive connection per simultaneous user (the JDK keeps 5 per host by default)
        System.setProperty("http.maxConnections", "256");
        Options options = Options.parse(args);
        new Harness(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dataDir = options.dataDir();
        Files.createDirectories(dataDir);
        Path marker = dataDir.resolve("generated-" + options.size());
        Path logs = options.out().resolve("logs");
        Files.createDirectories(logs);
        System.out.println("GovIT benchmark: size " + options.size() + ", data " + dataDir.toAbsolutePath());
        app = startApp(logs.resolve("app-1.log"));
        if (!Files.exists(marker)) {
            long t0 = System.nanoTime();
            System.out.println("Generating the " + options.size() + " data set (once per data folder) ...");
            openRawPool();
            DataGenerator.main(new String[] {"--size=" + options.size(), "--jdbc-url=" + app.jdbcUrl(),
                "--user=postgres", "--password=", "--data-dir=" + dataDir.toAbsolutePath(), "--seed=" + options.seed()});
            double seconds = (System.nanoTime() - t0) / 1e9;
            Files.writeString(marker, String.format(Locale.ROOT, "generated in %.0f s%n", seconds));
            raw.close();
            // a restart, so that nothing the application read at start-up predates the data set
            app.close();
            app = startApp(logs.resolve("app-2.log"));
        }
        openRawPool();
        try {
            Report report = new Report(options, machine(), dataSet(), Files.readString(marker).strip());
            signIn();
            report.auth(authMode);
            Inputs inputs = Inputs.sample(raw, options.seed());
            for (Scenario scenario : scenarios(inputs)) {
                if (!options.only().isEmpty() && options.only().stream().noneMatch(scenario.name()::contains)) {
                    continue;
                }
                report.add(measure(scenario));
            }
            if (options.only().isEmpty() || options.only().stream().anyMatch("audit"::contains)) {
                report.hmacCeiling(hmacCeiling());
            }
            report.appMemory(app.residentMegabytes());
            Path out = options.out().resolve("results-" + options.size() + "-"
                    + ZonedDateTime.now(ZONE).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")) + ".md");
            Files.writeString(out, report.markdown(), StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(report.markdown());
            System.out.println("Written to " + out.toAbsolutePath());
        }
        finally {
            raw.close();
            app.close();
        }
    }

    private BenchmarkApp startApp(Path log) throws Exception {
        return BenchmarkApp.start(options.classPath(), options.dataDir(), BenchmarkApp.freePort(), options.appJvm(), log);
    }

    private void openRawPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(app.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword("");
        // the application's own pool size (Hikari's default): raw SQL at 50 users queues as the endpoint's does
        config.setMaximumPoolSize(10);
        config.setReadOnly(true);
        config.setPoolName("raw-sql");
        raw = new HikariDataSource(config);
    }

    // ---------------------------------------------------------------- scenarios

    /** One measured operation: the endpoint and the raw SQL it needs, and the budget of issue 8 that applies. */
    record Scenario(String name, Budget budget, boolean heavy, LoadRunner.Operation endpoint, LoadRunner.Operation raw) {
    }

    /** A budget: p95 in ms at 50 users, or for heavy operations at 1 user; and whether endpoint ≤ 1.5 × raw + 1 ms applies. */
    record Budget(double p95Millis, boolean ratio, String text) {
    }

    private List<Scenario> scenarios(Inputs in) {
        Budget interactive = new Budget(50, true, "p95 < 50 ms at 50 users; ≤ 1.5 × raw + 1 ms");
        List<Scenario> list = new ArrayList<>();
        list.add(new Scenario("project list (province-wide, szsj)", interactive, false,
                (u, r) -> get("szsj", "/api/v1/projects?page=" + r.nextInt(5) + "&size=20"),
                (u, r) -> RawSql.projectPage(raw, null, "", r.nextInt(5), 20)));
        list.add(new Scenario("project list (department " + in.department() + ")", interactive, false,
                (u, r) -> get(in.departmentUser(), "/api/v1/projects?page=0&size=20"),
                (u, r) -> RawSql.projectPage(raw, in.department(), "", 0, 20)));
        list.add(new Scenario("search by name (Chinese, 2–4 characters)", interactive, false,
                (u, r) -> get("szsj", "/api/v1/projects?size=20&q=" + enc(in.nameTerm(r))),
                (u, r) -> RawSql.projectPage(raw, null, in.nameTerm(r), 0, 20)));
        list.add(new Scenario("search by code", interactive, false,
                (u, r) -> get("szsj", "/api/v1/projects?size=20&q=" + enc(in.codeTerm(r))),
                (u, r) -> RawSql.projectPage(raw, null, in.codeTerm(r), 0, 20)));
        list.add(new Scenario("project detail", interactive, false,
                (u, r) -> get("szsj", "/api/v1/projects/" + in.project(r)),
                (u, r) -> RawSql.projectDetail(raw, in.project(r))));
        list.add(new Scenario("obligations overdue (province-wide)", interactive, false,
                (u, r) -> get("szsj", "/api/v1/obligations?status=OVERDUE&page=" + r.nextInt(3) + "&size=20"),
                (u, r) -> RawSql.overdueObligations(raw, r.nextInt(3), 20)));
        list.add(new Scenario("dashboard aggregates (province-wide overview)", new Budget(200, true, "p95 < 200 ms"), false,
                (u, r) -> get("szsj", "/api/v1/overview"),
                (u, r) -> RawSql.overview(raw)));
        list.add(new Scenario("change assessment", interactive, false,
                (u, r) -> post("szsj", "/api/v1/projects/" + in.underConstruction(r) + "/change-requests/assessment",
                        "{\"adjustmentAmount\": 1500000, \"newTotalInvestment\": 9000000, \"goalsUnchanged\": true, "
                                + "\"reason\": \"TECHNICAL_OPTIMIZATION\", \"description\": \"benchmark\"}"),
                (u, r) -> RawSql.changeAssessment(raw, in.underConstruction(r))));
        list.add(new Scenario("signed approval reply PDF", new Budget(300, true, "p95 < 300 ms"), false,
                (u, r) -> get("szsj", "/api/v1/decisions/" + in.decision(r) + "/document"),
                (u, r) -> RawSql.decisionPdf(raw, in.decision(r))));
        // what issuing a decision adds to its transaction: the reply rendered (OpenPDF, CJK fonts) and SM2-signed;
        // in this JVM with the application's own classes, as the decision endpoint needs a submission ready for
        // decision per call. Its "raw" counterpart is the signature alone.
        java.security.KeyPair signingKey = cn.jl.govit.document.signing.Sm2.generateKeyPair();
        cn.jl.govit.document.pdf.PdfRenderer renderer = new cn.jl.govit.document.pdf.PdfRenderer();
        list.add(new Scenario("approval reply rendered and SM2-signed (in process)", new Budget(300, false, "p95 < 300 ms"), false,
                (u, r) -> {
                    byte[] pdf = renderer.approvalReply(Inputs.reply(r));
                    cn.jl.govit.document.signing.Sm2.sign(signingKey.getPrivate(), pdf);
                },
                (u, r) -> cn.jl.govit.document.signing.Sm2.sign(signingKey.getPrivate(), new byte[40_000])));
        list.add(new Scenario("Excel export of " + in.exportRows() + " rows (" + in.exportFilter() + ")",
                new Budget(3000, false, "< 3 s"), true,
                (u, r) -> get("szsj", "/api/v1/projects/export.xlsx?" + in.exportFilter()),
                (u, r) -> RawSql.exportRows(raw, in.exportFilter())));
        list.add(new Scenario("audit chain verification (" + in.auditEvents() + " events)",
                new Budget(Double.NaN, false, "≥ 1,000,000 events/s per core"), true,
                (u, r) -> {
                    String body = get("auditadmin", "/api/v1/audit-events/verification");
                    if (!body.contains("\"valid\":true")) {
                        throw new AssertionError("chain not valid: " + body);
                    }
                },
                (u, r) -> RawSql.auditRead(raw, options.dataDir())));
        return list;
    }

    private Measured measure(Scenario s) throws Exception {
        System.out.println("== " + s.name());
        long seed = options.seed();
        LoadRunner.Plan warm = s.heavy() ? new LoadRunner.Plan(1, 600, 1, 0) : new LoadRunner.Plan(1, options.warmupSeconds(), 500, 0);
        LoadRunner.run(warm, seed, s.endpoint());
        LoadRunner.run(warm, seed, s.raw());
        LoadRunner.Plan one = s.heavy() ? new LoadRunner.Plan(1, 600, options.heavyCalls(), 0)
                : new LoadRunner.Plan(1, options.seconds(), Integer.MAX_VALUE, 0);
        LoadRunner.Plan many = s.heavy() ? new LoadRunner.Plan(options.users(), 1800, 1, options.thinkMillis())
                : new LoadRunner.Plan(options.users(), options.seconds() * 2, Integer.MAX_VALUE, options.thinkMillis());
        LoadRunner.Plan saturate = new LoadRunner.Plan(options.users(), options.seconds(), Integer.MAX_VALUE, 0);
        long[] cpu0 = cpu();
        LoadRunner.Result endpoint1 = print("endpoint, 1 user", LoadRunner.run(one, seed + 1, s.endpoint()));
        long[] cpu1 = cpu();
        LoadRunner.Result raw1 = print("raw SQL, 1 user", LoadRunner.run(one, seed + 1, s.raw()));
        LoadRunner.Result endpointN = print("endpoint, " + options.users() + " users",
                LoadRunner.run(many, seed + 2, s.endpoint()));
        LoadRunner.Result saturated = s.heavy() ? null
                : print("endpoint, " + options.users() + " users, no think time", LoadRunner.run(saturate, seed + 3, s.endpoint()));
        // the raw SQL at 50 users last: where it saturates the database (the overview uncached), what it leaves
        // running must not fall on the endpoint's runs
        // a raw read of the whole audit chain per user would take the database half an hour and measure nothing the
        // endpoint does: its concurrent callers share one run (SharedRun), so its raw counterpart is the single read
        LoadRunner.Result rawN = Double.isNaN(s.budget().p95Millis()) ? raw1
                : print("raw SQL, " + options.users() + " users", LoadRunner.run(many, seed + 2, s.raw()));
        awaitIdleDatabase();
        return new Measured(s, endpoint1, raw1, endpointN, rawN, saturated,
                (cpu1[0] - cpu0[0]) / 100.0, (cpu1[1] - cpu0[1]) / 100.0);
    }

    /**
     * The physical limit of verification: HMAC-SM3 alone over the exact MAC inputs of the newest 200,000 keyed events
     * (no database, no parsing), one thread, best of three; events per CPU-second.
     */
    private double hmacCeiling() throws Exception {
        List<cn.jl.govit.audit.AuditEvent> events = new ArrayList<>();
        try (Connection c = raw.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM audit_event WHERE key_id IS NOT NULL ORDER BY sequence DESC LIMIT 200000");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                events.add(new cn.jl.govit.audit.AuditEvent(rs.getLong("sequence"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("organization_code"), rs.getString("action"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getObject("project_id", java.util.UUID.class),
                        rs.getString("summary"), rs.getString("previous_hash"), rs.getString("hash"), rs.getString("key_id")));
            }
        }
        byte[][] inputs = cn.jl.govit.audit.internal.ChainCosts.macInputs(events);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = 0;
        for (int round = 0; round < 3; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            cn.jl.govit.audit.internal.ChainCosts.hmacAll(new byte[32], inputs);
            best = Math.max(best, inputs.length / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9));
        }
        long bytes = 0;
        for (byte[] input : inputs) {
            bytes += input.length;
        }
        System.out.printf(Locale.ROOT, "   HMAC-SM3 alone: %,.0f events per CPU-second (%d bytes per event on average)%n",
                best, bytes / Math.max(1, inputs.length));
        return best;
    }

    /** Waits (at most a minute) until no other statement runs on the server, so that one scenario's leftovers do not load the next. */
    private void awaitIdleDatabase() throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        try (Connection c = raw.getConnection()) {
            while (System.currentTimeMillis() < deadline && Long.parseLong(scalar(c, "SELECT count(*) FROM pg_stat_activity "
                    + "WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) > 0) {
                Thread.sleep(200);
            }
        }
    }

    /** CPU seconds × 100 (clock ticks) of the application's JVM and of all PostgreSQL processes. */
    private long[] cpu() {
        return new long[] {Machine.cpuTicks(app.pid()), Machine.postgresCpuTicks()};
    }

    private static LoadRunner.Result print(String what, LoadRunner.Result r) {
        System.out.printf(Locale.ROOT, "   %-40s n=%6d err=%d p50=%8.2f p95=%8.2f p99=%8.2f max=%8.2f ms  %7.1f/s%s%n", what,
                r.calls(), r.errors(), r.ms(50), r.ms(95), r.ms(99), r.maxMs(), r.throughput(),
                r.firstError() == null ? "" : "  first error: " + r.firstError());
        return r;
    }

    /** The outcome of one scenario and the CPU that its 1-user endpoint run cost (seconds). */
    record Measured(Scenario scenario, LoadRunner.Result endpoint1, LoadRunner.Result raw1, LoadRunner.Result endpointN,
            LoadRunner.Result rawN, LoadRunner.Result saturated, double appCpuSeconds, double postgresCpuSeconds) {
    }

    // ---------------------------------------------------------------- HTTP

    private void signIn() throws Exception {
        List<String> users = List.of("szsj", "auditadmin", Inputs.DEPARTMENT_USER);
        for (String user : users) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/tokens"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"benchmark\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(issued.body());
            if (issued.statusCode() == 201 && token.find()) {
                authorization.put(user, "Bearer " + token.group(1));
                authMode = "bearer tokens (POST /api/v1/tokens once per user)";
            }
            else {
                // a build without tokens: every call pays the password hash of HTTP Basic
                authorization.put(user, basic);
                authMode = "HTTP Basic on every call (no token endpoint: " + issued.statusCode() + ")";
            }
        }
    }

    // The calls go through HttpURLConnection: blocking, on the calling thread, over a kept-alive connection per user
    // — as curl does. java.net.http.HttpClient hands every exchange between its selector and executor threads, which
    // on these two cores added a millisecond or more to calls that the server answers in one (measured with curl).
    private String get(String user, String path) throws IOException {
        return call(user, path, "GET", null, Duration.ofMinutes(10));
    }

    private String post(String user, String path, String json) throws IOException {
        return call(user, path, "POST", json, Duration.ofMinutes(1));
    }

    private String call(String user, String path, String method, String json, Duration timeout) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(app.baseUrl() + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setRequestProperty("Authorization", authorization.get(user));
        c.setRequestProperty("Accept-Language", "zh-CN");
        c.setConnectTimeout(10_000);
        c.setReadTimeout((int) timeout.toMillis());
        if (json != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        // read to the end and close the stream (not disconnect) so that the connection goes back to the keep-alive cache
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            byte[] body = in == null ? new byte[0] : in.readAllBytes();
            if (status != 200 || body.length == 0) {
                throw new IllegalStateException(path + " answered " + status + ": "
                        + new String(body, 0, Math.min(300, body.length), StandardCharsets.UTF_8));
            }
            String type = c.getContentType() == null ? "" : c.getContentType();
            return type.contains("json") ? new String(body, StandardCharsets.UTF_8) : "";
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- facts for the report

    private Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", LocalDate.now(ZONE).toString());
        m.put("cpu", Machine.cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        m.put("memory", Machine.memTotal());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("application JVM options", options.appJvm().isEmpty() ? "(none: the JVM's defaults)" : String.join(" ", options.appJvm()));
        m.put("load average at start", Machine.loadAverage());
        return m;
    }

    private Map<String, String> dataSet() throws SQLException {
        Map<String, String> d = new LinkedHashMap<>();
        try (Connection c = raw.getConnection()) {
            d.put("PostgreSQL", scalar(c, "SELECT version()").replaceAll(" on .*", "") + " (embedded)");
            for (String table : List.of("organization", "project", "document", "audit_event", "obligation",
                    "approval_decision", "change_request", "construction_contract", "fund_plan", "disbursement")) {
                d.put(table + " rows", String.format(Locale.ROOT, "%,d", Long.parseLong(scalar(c, "SELECT count(*) FROM " + table))));
            }
            d.put("overdue obligations", String.format(Locale.ROOT, "%,d", Long.parseLong(scalar(c,
                    "SELECT count(*) FROM obligation WHERE status = 'OVERDUE' OR (status = 'OPEN' AND due_date < current_date)"))));
            d.put("database size", scalar(c, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
        }
        return d;
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Command-line options: {@code --size=jilin|national --cp=<file> [--users=50 --seconds=15 …]}. */
    record Options(String size, Path dataDir, Path out, String classPath, List<String> appJvm, int users,
            long seconds, long warmupSeconds, long thinkMillis, int heavyCalls, long seed, List<String> only) {

        static Options parse(String[] args) throws IOException {
            Map<String, String> a = new LinkedHashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("arguments are --name=value: " + arg);
                }
                a.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            String size = a.getOrDefault("size", "jilin");
            Path out = Path.of(a.getOrDefault("out", "target/benchmark"));
            String classPath = Files.readString(Path.of(a.getOrDefault("cp", "target/benchmark/app.classpath"))).strip();
            List<String> jvm = a.getOrDefault("app-jvm", "").isBlank() ? List.of()
                    : List.of(a.get("app-jvm").trim().split("\\s+"));
            List<String> only = a.getOrDefault("only", "").isBlank() ? List.of() : List.of(a.get("only").split(","));
            return new Options(size, Path.of(a.getOrDefault("data-dir", "target/benchmark/data-" + size)), out,
                    classPath, jvm, Integer.parseInt(a.getOrDefault("users", "50")),
                    Long.parseLong(a.getOrDefault("seconds", "15")), Long.parseLong(a.getOrDefault("warmup", "8")),
                    Long.parseLong(a.getOrDefault("think-ms", "1000")), Integer.parseInt(a.getOrDefault("heavy-calls", "3")),
                    Long.parseLong(a.getOrDefault("seed", "20201")), only);
        }
    }
}
