package cn.jl.govit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.jl.govit.audit.internal.SecurityEventAudit;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Nothing secret or personal reaches the application log, and the door is audited: while the log is captured, users
 * log in with wrong and right passwords (form and HTTP Basic), a document is uploaded and downloaded, an expert is
 * given an ID number and a phone; then no password, ID number, phone, session id or key appears in any log line
 * (message, arguments or stack trace), and the chain holds the logins, the failures and the download.
 */
@GovItTest
class AuditLoggingTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");
    private static final String BOUNDARY = "govit-audit-log-boundary";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SecurityEventAudit doorAudit;

    @Value("${govit.data-dir}")
    String dataDir;

    @Test
    void noSecretOrPersonalDataIsLoggedAndTheDoorIsAudited() throws Exception {
        Api api = new Api(port);
        String wrongPassword = "Wr0ng#" + Api.unique("pw").replaceAll("[^A-Za-z0-9]", "");
        String username = Api.unique("logexp").toLowerCase().replaceAll("[^a-z0-9]", "");
        String userPassword = "Log#Pass" + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "x";
        String idNumber = idNumber();
        String phone = "139" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        long before = jdbc.queryForObject("SELECT max(sequence) FROM audit_event", Long.class);

        doorAudit.resetLimits();
        List<String> sessionIds = new ArrayList<>();
        List<String> lines;
        ListAppender<ILoggingEvent> captured = capture();
        try {
            // HTTP Basic: wrong, then right
            assertThat(api.as("rst", wrongPassword).get("projects").status()).isEqualTo(401);
            assertThat(api.as("rst").get("projects").status()).isEqualTo(200);
            // a new expert with an ID number and a phone
            Response created = api.as("admin").post("users", Map.of("username", username, "displayName", "日志专家",
                    "organizationCode", "SZSJ", "roles", List.of("EXPERT"), "password", userPassword));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            // enrolled inactive: never drawn into another test's panel (its password is not the demo password)
            assertThat(api.as("admin").post("experts", Map.of("username", username, "fields", List.of("SECURITY"),
                    "active", false))
                    .status()).isEqualTo(201);
            Response contact = api.as("admin").send(HttpMethod.PUT, "experts/" + username + "/contact",
                    "application/json", Map.of("idNumber", idNumber, "phone", phone));
            assertThat(contact.status()).as(contact.toString()).isEqualTo(200);
            // a wrong ID number and phone are refused without echoing them to the log
            assertThat(api.as("admin").send(HttpMethod.PUT, "experts/" + username + "/contact", "application/json",
                    Map.of("idNumber", idNumber.substring(0, 17) + (idNumber.endsWith("0") ? "1" : "0"), "phone", phone + "99"))
                    .status())
                    .isIn(400, 409);
            // form login: wrong, then right, then a page
            Browser wrong = new Browser();
            assertThat(wrong.login("rst", wrongPassword).headers().firstValue("Location").orElseThrow()).endsWith("?error");
            Browser browser = new Browser();
            assertThat(browser.login(username, userPassword).headers().firstValue("Location").orElseThrow())
                    .doesNotContain("error");
            browser.get("/");
            sessionIds.addAll(browser.seen());
            sessionIds.addAll(wrong.seen());
            // an upload and its download
            String project = api.as("rst").post("projects", Api.proposal(Api.unique("日志"))).text("$.id");
            byte[] content = ("身份证号 " + idNumber + " 电话 " + phone).getBytes(StandardCharsets.UTF_8);
            Response stored = api.as("rst").send(HttpMethod.POST, "projects/" + project + "/documents",
                    "multipart/form-data; boundary=" + BOUNDARY, multipart("联系人.txt", content));
            assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
            String documentId = stored.text("$.id");
            assertThat(api.as("rst").download("documents/" + documentId + "/content").status()).isEqualTo(200);
            // a refusal of a signed-in user, and a record outside their scope (read as not found)
            assertThat(api.as("wjw").get("audit-events").status()).isEqualTo(403);
            assertThat(api.as("wjw").get("projects/" + project).status()).isEqualTo(404);
            String missing = java.util.UUID.randomUUID().toString();
            assertThat(api.as("wjw").get("projects/" + missing).status()).isEqualTo(404);

            // proves the capture works, whatever the application happened to log
            LoggerFactory.getLogger(AuditLoggingTests.class).info("capture check");
            lines = captured.list.stream().map(AuditLoggingTests::everything).toList();

            assertThat(sessionIds).isNotEmpty();
            List<String> secrets = new ArrayList<>(List.of(wrongPassword, Api.DEMO_PASSWORD, userPassword, idNumber,
                    phone));
            secrets.addAll(sessionIds);
            secrets.addAll(keyMaterial());
            assertThat(lines).as("log lines captured").anyMatch(line -> line.startsWith("capture check"));
            for (String secret : secrets) {
                assertThat(lines).as("no log line contains a secret or personal value")
                        .noneMatch(line -> line.contains(secret));
            }

            Map<String, Long> audited = new java.util.HashMap<>();
            jdbc.queryForList("SELECT action, entity_id, actor, summary FROM audit_event WHERE sequence > ?", before)
                    .forEach(row -> {
                        String summary = (String) row.get("summary");
                        for (String secret : secrets) {
                            assertThat(summary).as("no audit summary holds a secret").doesNotContain(secret);
                        }
                        audited.merge(row.get("action") + " " + row.get("entity_id"), 1L, Long::sum);
                    });
            assertThat(audited).containsKey("LOGIN_FAILED rst").containsKey("LOGIN_SUCCEEDED " + username)
                    .containsKey("DOCUMENT_DOWNLOADED " + documentId).containsKey("ACCESS_DENIED GET /api/v1/audit-events")
                    .containsKey("OUT_OF_SCOPE GET /api/v1/projects/" + project)
                    // a record that does not exist is no refusal: nothing to tell apart from a mistyped id
                    .doesNotContainKey("OUT_OF_SCOPE GET /api/v1/projects/" + missing);
            assertThat(jdbc.queryForObject("""
                    SELECT actor FROM audit_event WHERE sequence > ? AND action = 'OUT_OF_SCOPE' AND entity_id = ?""",
                    String.class, before, "GET /api/v1/projects/" + project)).isEqualTo("wjw");
            assertThat(jdbc.queryForObject("""
                    SELECT actor FROM audit_event WHERE sequence > ? AND action = 'DOCUMENT_DOWNLOADED' AND entity_id = ?""",
                    String.class, before, documentId)).isEqualTo("rst");
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM audit_event WHERE sequence > ? AND action = 'LOGIN_FAILED' AND entity_id = 'rst'
                      AND summary LIKE 'form login%'""", Long.class, before)).isOne();
        }
        finally {
            release(captured);
        }
    }

    /** Every text a log event carries: the formatted message, its arguments, MDC and the stack trace. */
    private static String everything(ILoggingEvent event) {
        StringBuilder s = new StringBuilder(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object a : event.getArgumentArray()) {
                s.append(' ').append(a);
            }
        }
        s.append(' ').append(event.getMDCPropertyMap());
        for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            s.append(' ').append(t.getClassName()).append(' ').append(t.getMessage());
        }
        return s.toString();
    }

    /** Every key the platform keeps in files under the data directory (hex lines and PEM bodies). */
    private List<String> keyMaterial() throws IOException {
        Path keys = Path.of(dataDir, "keys");
        List<String> material = new ArrayList<>();
        if (!Files.isDirectory(keys)) {
            return material;
        }
        try (Stream<Path> files = Files.list(keys)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                    for (String token : line.strip().split("\\s+")) {
                        if (token.length() >= 32 && !token.startsWith("-----")) {
                            material.add(token);
                        }
                    }
                }
            }
        }
        return material;
    }

    private static ListAppender<ILoggingEvent> capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

    /** A random resident ID number with a correct GB 11643 check character. */
    private static String idNumber() {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String first17 = "220102" + (1960 + ThreadLocalRandom.current().nextInt(40)) + "0101"
                + ThreadLocalRandom.current().nextInt(100, 999);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static byte[] multipart(String filename, byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A browser of its own: cookies, no redirects followed, the CSRF token read from the sign-in page. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> login(String username, String password) throws Exception {
            HttpResponse<String> page = get("/login");
            sessionIds.addAll(sessionIds());
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).isTrue();
            String form = "_csrf=" + enc(token.group(1)) + "&username=" + enc(username) + "&password=" + enc(password);
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Every session id this browser held: before the login and after (a new id at login). */
        List<String> seen() {
            List<String> all = new ArrayList<>(sessionIds);
            all.addAll(sessionIds());
            return all;
        }

        List<String> sessionIds() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).toList();
        }

        private final List<String> sessionIds = new ArrayList<>();

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
