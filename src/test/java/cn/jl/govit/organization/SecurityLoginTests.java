package cn.jl.govit.organization;

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
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * Issue 7 point 2 against the running server: the three administrators (三员), the server-side end of a session
 * (new id at login, logout, disabled account), the idle timeout, the password rules and their periodic change, and
 * the same answer for an unknown user as for a wrong password. Lockout itself: {@link LoginLockoutIntegrationTests};
 * one hashing per attempt and the upgrade of old hashes: {@code OnePathAuthenticationTests}.
 */
@GovItTest
class SecurityLoginTests {

    static final String PASSWORD = "Login@2026";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebServerApplicationContext context;

    Api api;
    String username;

    @BeforeEach
    void freshAccount() {
        api = new Api(port);
        username = Api.unique("login").toLowerCase().replaceAll("[^a-z0-9]", "");
        username = username.substring(0, Math.min(username.length(), 30));
        accounts.create(username, "登录测试", "RST", EnumSet.of(Role.DEPARTMENT_STAFF), PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- 三员 -------------------------------------------------------------------------------------------

    @Test
    void theSystemAdministratorNeitherReadsNorVerifiesTheAuditLog() {
        assertThat(api.as("admin").get("audit-events").status()).isEqualTo(403);
        assertThat(api.as("admin").get("audit-events/verification").status()).isEqualTo(403);
        assertThat(api.as("secadmin").get("audit-events").status()).isEqualTo(403);
        assertThat(api.as("secadmin").get("audit-events/verification").status()).isEqualTo(403);

        Response events = api.as("auditadmin").get("audit-events?size=5");
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.<List<String>>json("$.content[*].action")).isNotEmpty();
        Response verification = api.as("auditadmin").get("audit-events/verification");
        assertThat(verification.status()).isEqualTo(200);
        assertThat((Boolean) verification.json("$.valid")).isTrue();
    }

    @Test
    void theAuditAdministratorReadsTheLogOnly() {
        assertThat(api.as("auditadmin").get("users").status()).isEqualTo(403);
        assertThat(api.as("auditadmin").post("users/" + username + "/unlock", null).status()).isEqualTo(403);
        assertThat(api.as("auditadmin").get("security/password-policy").status()).isEqualTo(403);
        assertThat(api.as("auditadmin").get("projects").<Integer>json("$.totalElements")).isZero();
        assertThat(api.as("auditadmin").post("projects", Api.proposal(Api.unique("三员"))).status()).isEqualTo(403);
    }

    @Test
    void theSecurityAdministratorKeepsThePasswordPolicyAndTheSystemAdministratorDoesNot() {
        assertThat(api.as("admin").get("security/password-policy").status()).isEqualTo(403);
        assertThat(api.as("admin").send(HttpMethod.PUT, "security/password-policy", MediaType.APPLICATION_JSON_VALUE,
                Map.of("maxAgeDays", 90)).status()).isEqualTo(403);
        assertThat(api.as("secadmin").get("security/password-policy").status()).isEqualTo(200);
        assertThat(api.as("secadmin").send(HttpMethod.PUT, "security/password-policy", MediaType.APPLICATION_JSON_VALUE,
                Map.of("maxAgeDays", -1)).status()).isEqualTo(400);
        assertThat(api.as("secadmin").get("projects").<Integer>json("$.totalElements")).isZero();
    }

    @Test
    void theSystemAdministratorDoesNotReachTheAuditPagesAndTheAuditAdministratorNotTheUserPages() throws Exception {
        String project = api.as("rst").post("projects", Api.proposal(Api.unique("三员"))).text("$.id");
        Browser admin = Browser.signedIn(port, "admin", Api.DEMO_PASSWORD);
        // the platform shows audit history only on a project's page (and the audit API above): out of his scope
        assertThat(admin.get("/projects/" + project).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);

        Browser auditor = Browser.signedIn(port, "auditadmin", Api.DEMO_PASSWORD);
        assertThat(auditor.get("/admin/users").statusCode()).isEqualTo(403);

        Browser security = Browser.signedIn(port, "secadmin", Api.DEMO_PASSWORD);
        assertThat(security.get("/admin/users/" + username).statusCode()).isEqualTo(200);
        assertThat(security.get("/admin/organizations").statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/users/" + username + "/unlock", Map.of()).statusCode()).isEqualTo(403);
        assertThat(security.post("/admin/users/" + username + "/unlock", Map.of()).statusCode()).isEqualTo(302);
    }

    // ---- one answer for every failure ---------------------------------------------------------------

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswerOnBothPaths() throws Exception {
        Response unknown = api.as("nobody" + username, PASSWORD).get("projects");
        Response wrong = api.as(username, "Wrong@2026x").get("projects");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(unknown.headers().getFirst("WWW-Authenticate")).isEqualTo(wrong.headers().getFirst("WWW-Authenticate"));

        HttpResponse<String> unknownForm = Browser.anonymous(port).login("nobody" + username, PASSWORD);
        HttpResponse<String> wrongForm = Browser.anonymous(port).login(username, "Wrong@2026x");
        assertThat(unknownForm.statusCode()).isEqualTo(302);
        assertThat(unknownForm.headers().firstValue("Location")).isEqualTo(wrongForm.headers().firstValue("Location"));
        assertThat(wrongForm.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    // ---- sessions ---------------------------------------------------------------------------------------

    @Test
    void aLoginGivesANewSessionIdAndLogoutEndsTheSessionOnTheServer() throws Exception {
        Browser browser = Browser.anonymous(port);
        browser.get("/login");
        String before = browser.sessionId();
        assertThat(before).isNotNull();

        HttpResponse<String> login = browser.login(username, PASSWORD);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = browser.sessionId();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.post("/logout", Map.of());
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");

        // the old cookie, replayed, finds no session on the server
        Browser replay = Browser.withSession(port, after);
        HttpResponse<String> page = replay.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void disablingAnAccountEndsItsLiveSession() throws Exception {
        Browser browser = Browser.signedIn(port, username, PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        String session = browser.sessionId();

        UserAccount user = accounts.get(username);
        Response disabled = api.as("admin").header("If-Match", "\"" + user.version() + "\"").send(HttpMethod.PUT,
                "users/" + username, MediaType.APPLICATION_JSON_VALUE, Map.of("displayName", user.displayName(),
                        "organizationCode", "RST", "roles", List.of("DEPARTMENT_STAFF"), "enabled", false));
        assertThat(disabled.status()).isEqualTo(200);

        HttpResponse<String> next = browser.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        // the session is gone on the server, not merely refused once
        HttpResponse<String> replay = Browser.withSession(port, session).get("/");
        assertThat(replay.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void anIdleSessionEndsAfterThirtyMinutes() {
        Context tomcat = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];

        assertThat(tomcat.getSessionTimeout()).isEqualTo(30);
    }

    // ---- password rules and their periodic change -------------------------------------------------------

    @Test
    void weakPasswordsAreRefusedNamingTheRuleOnCreateResetAndChange() {
        Response tooShort = api.as("admin").english().post("users", newUser(Api.unique("pw").toLowerCase()
                .replaceAll("[^a-z0-9]", ""), "Ab1@xyz"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.<List<String>>json("$.errors[*].message").toString()).contains("at least 8");

        Response twoClasses = api.as("admin").english().post("users/" + username + "/password",
                Map.of("password", "alllowercase123"));
        assertThat(twoClasses.status()).isEqualTo(400);
        assertThat(twoClasses.<List<String>>json("$.errors[*].message").toString()).contains("three");

        Response withName = api.as(username, PASSWORD).english().post("account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "X@1" + username));
        assertThat(withName.status()).isEqualTo(400);
        assertThat(withName.<List<String>>json("$.errors[*].field")).containsExactly("newPassword");
        assertThat(withName.<List<String>>json("$.errors[*].message").toString()).contains("user name");

        Response wrongCurrent = api.as(username, PASSWORD).post("account/password",
                Map.of("currentPassword", "Wrong@2026", "newPassword", "Changed@2026"));
        assertThat(wrongCurrent.<List<String>>json("$.errors[*].field")).containsExactly("currentPassword");
        assertThat(api.as(username, PASSWORD).post("account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD)).status()).isEqualTo(400);
        assertThat(api.as("admin").get("users/" + username).status()).isEqualTo(200);
        assertThat(api.as(username, PASSWORD).get("me").status()).isEqualTo(200);
    }

    @Test
    void thePasswordMustBeChangedAtLoginOnceItPassedItsMaximumAge() throws Exception {
        PasswordPolicy.Settings before = settings();
        try {
            Response set = api.as("secadmin").send(HttpMethod.PUT, "security/password-policy",
                    MediaType.APPLICATION_JSON_VALUE, Map.of("maxAgeDays", 90, "version", before.version()));
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat((Integer) set.json("$.maxAgeDays")).isEqualTo(90);

            clock.advance(Duration.ofDays(89));
            assertThat(api.as(username, PASSWORD).get("projects").status()).isEqualTo(200);

            clock.advance(Duration.ofDays(1));
            Response blocked = api.as(username, PASSWORD).get("projects");
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.text("$.type")).isEqualTo("/problems/password-expired");
            assertThat(api.as(username, PASSWORD).get("me").status()).isEqualTo(200);

            Browser browser = Browser.signedIn(port, username, PASSWORD);
            HttpResponse<String> home = browser.get("/");
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
            HttpResponse<String> form = browser.get("/account/password");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("data-testid=\"password-expired\"");

            HttpResponse<String> weak = browser.post("/account/password",
                    Map.of("currentPassword", PASSWORD, "newPassword", "weakpassword"));
            assertThat(weak.statusCode()).isEqualTo(400);
            HttpResponse<String> changed = browser.post("/account/password",
                    Map.of("currentPassword", PASSWORD, "newPassword", "Renewed@2026"));
            assertThat(changed.statusCode()).isEqualTo(302);
            HttpResponse<String> homeAfter = browser.get("/");
            assertThat(homeAfter.statusCode()).isEqualTo(200);
            assertThat(homeAfter.body()).as("every page links to the password change")
                    .contains("data-testid=\"nav-password\"").contains("href=\"/account/password\"");
            assertThat(api.as(username, "Renewed@2026").get("projects").status()).isEqualTo(200);
            assertThat(api.as(username, PASSWORD).get("projects").status()).isEqualTo(401);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'USER_PASSWORD_CHANGED' AND entity_id = :u")
                    .param("u", username).query(Long.class).single()).isEqualTo(1);
        }
        finally {
            clock.reset();
            api.as("secadmin").send(HttpMethod.PUT, "security/password-policy", MediaType.APPLICATION_JSON_VALUE,
                    Map.of("maxAgeDays", before.maxAgeDays()));
        }
        assertThat(settings().maxAgeDays()).isEqualTo(before.maxAgeDays());
    }

    private PasswordPolicy.Settings settings() {
        Response current = api.as("secadmin").get("security/password-policy");
        return new PasswordPolicy.Settings(current.<Integer>json("$.maxAgeDays"),
                current.<Number>json("$.version").longValue());
    }

    private static Map<String, Object> newUser(String name, String password) {
        return Map.of("username", name, "displayName", "测试", "organizationCode", "RST", "roles",
                List.of("DEPARTMENT_STAFF"), "password", password);
    }

    /** A browser of its own: cookies, no redirects followed, CSRF tokens read from the pages. */
    static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

        private final String base;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;

        private Browser(int port) {
            this.base = "http://localhost:" + port;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        static Browser anonymous(int port) {
            return new Browser(port);
        }

        static Browser signedIn(int port, String username, String password) throws Exception {
            Browser browser = new Browser(port);
            HttpResponse<String> login = browser.login(username, password);
            assertThat(login.headers().firstValue("Location").orElseThrow()).as(username).doesNotContain("error");
            return browser;
        }

        static Browser withSession(int port, String sessionId) {
            Browser browser = new Browser(port);
            HttpCookie cookie = new HttpCookie("SESSION", sessionId);
            cookie.setPath("/");
            cookie.setVersion(0);
            browser.cookies.getCookieStore().add(URI.create(browser.base), cookie);
            return browser;
        }

        HttpResponse<String> login(String username, String password) throws Exception {
            return post("/login", Map.of("username", username, "password", password));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form with the CSRF token of a page this browser just read (the sign-in page when signed out). */
        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            HttpResponse<String> page = get(path.equals("/login") ? "/login" : "/account/password");
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("CSRF token on the page before " + path).isTrue();
            StringBuilder form = new StringBuilder("_csrf=" + enc(token.group(1)));
            fields.forEach((k, v) -> form.append('&').append(enc(k)).append('=').append(enc(v)));
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
