package cn.jl.govit.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jl.govit.audit.Sm3;
import cn.jl.govit.audit.internal.SecurityEventAudit;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * API bearer tokens against the running server: issued with HTTP Basic, accepted in its place with the same roles
 * and scope, refused (401 problem+json, Bearer challenge) once expired, idle, revoked — by the owner, a password
 * change or a disabled account — or while the account is locked; never accepted on pages, never issuing tokens
 * itself, never written to the log, the audit log or the database (only its SM3 digest).
 */
@GovItTest
class ApiTokenTests {

    static final String PASSWORD = "Token@2026";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecurityEventAudit doorAudit;

    Api api;
    String username;

    @BeforeEach
    void freshAccount() {
        api = new Api(port);
        username = Api.unique("tok").toLowerCase().replaceAll("[^a-z0-9]", "");
        accounts.create(username, "令牌测试", "RST", EnumSet.of(Role.DEPARTMENT_STAFF), PASSWORD);
        // failed logins of the tests before must not have used up this minute's audit budget
        doorAudit.resetLimits();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenIssuedWithThePasswordActsAsItsOwnerWithTheOwnersScopeAndRoles() {
        String own = api.as("rst").post("projects", Api.proposal(Api.unique("令牌本厅项目"))).text("$.id");
        String other = api.as("wjw").post("projects", Api.proposal(Api.unique("令牌他厅项目"))).text("$.id");
        long before = lastAuditSequence();
        String token;
        List<String> lines;
        ListAppender<ILoggingEvent> captured = capture();
        try {
            Response issued = api.as("rst").post("tokens", Map.of("name", "CI 客户端"));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            token = issued.text("$.token");
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(issued.text("$.tokenType")).isEqualTo("Bearer");
            assertThat(issued.text("$.name")).isEqualTo("CI 客户端");
            OffsetDateTime expires = OffsetDateTime.parse(issued.text("$.expiresAt"));
            assertThat(Duration.between(Instant.now(), expires.toInstant()))
                    .isBetween(Duration.ofHours(8).minusMinutes(1), Duration.ofHours(8));
            String id = issued.text("$.id");

            Api.Call bearer = api.withToken(token);
            assertThat(bearer.get("me").text("$.username")).isEqualTo("rst");
            // the same scope as rst's password: its own project, not the WJW's (404 as for a missing record)
            List<String> listed = bearer.everyItem("projects", "$.id");
            assertThat(listed).contains(own).doesNotContain(other);
            assertThat(bearer.get("projects/" + own).status()).isEqualTo(200);
            Response outside = bearer.get("projects/" + other);
            assertThat(outside.status()).isEqualTo(404);
            // a role refusal stays a 403
            Response refused = bearer.get("audit-events");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType().toString()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // a write as rst, audited as rst
            Response created = bearer.post("projects", Api.proposal(Api.unique("令牌新建项目")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            // a token cannot issue tokens: only the password can
            assertThat(bearer.post("tokens", Map.of()).status()).isEqualTo(403);

            Response mine = bearer.get("tokens?size=200");
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.<List<String>>json("$.content[*].id")).contains(id);
            assertThat(mine.body()).doesNotContain(token).doesNotContain(Sm3.hex(token));
            assertThat(mine.<List<Boolean>>json("$.content[?(@.id == '" + id + "')].active")).containsExactly(true);
            assertThat(mine.<List<String>>json("$.content[?(@.id == '" + id + "')].lastUsedAt")).doesNotContainNull();

            // signing out revokes the token used, at once
            assertThat(bearer.send(HttpMethod.DELETE, "tokens/current", null, null).status()).isEqualTo(204);
            Response after = bearer.get("me");
            assertThat(after.status()).isEqualTo(401);
            assertThat(after.contentType().toString()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(after.headers().getFirst("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
            assertThat(api.as("rst").get("tokens?size=200").<List<String>>json(
                    "$.content[?(@.id == '" + id + "')].revokedAt")).doesNotContainNull();
            // with the password there is no current token
            assertThat(api.as("rst").send(HttpMethod.DELETE, "tokens/current", null, null).status()).isEqualTo(404);

            LoggerFactory.getLogger(ApiTokenTests.class).info("capture check");
            lines = captured.list.stream().map(ApiTokenTests::everything).toList();
        }
        finally {
            release(captured);
        }
        assertThat(lines).anyMatch(line -> line.startsWith("capture check"));
        assertThat(lines).as("no log line holds the token").noneMatch(line -> line.contains(token));

        // only the digest is stored; neither the token nor its digest is in the audit log
        String digest = Sm3.hex(token);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_sm3 = :d AND username = 'rst'")
                .param("d", digest).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_sm3 = :t OR name = :t OR id::text = :t")
                .param("t", token).query(Long.class).single()).isZero();
        List<Map<String, Object>> events = jdbc.sql(
                "SELECT action, actor, entity_id, summary FROM audit_event WHERE sequence > :s ORDER BY sequence")
                .param("s", before).query().listOfRows();
        assertThat(events).allSatisfy(e -> assertThat(e.get("summary").toString()).doesNotContain(token)
                .doesNotContain(digest));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("TOKEN_ISSUED");
            assertThat(e.get("actor")).isEqualTo("rst");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("PROJECT_PROPOSED");
            assertThat(e.get("actor")).isEqualTo("rst");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("ACCESS_DENIED");
            assertThat(e.get("actor")).isEqualTo("rst");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.get("action")).isEqualTo("TOKEN_REVOKED"));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("LOGIN_FAILED");
            assertThat(e.get("entity_id")).isEqualTo("rst");
            assertThat(e.get("summary").toString()).startsWith("API token login of 'rst' failed: RevokedApiTokenException");
        });
    }

    @Test
    void aTokenExpiresAfterItsLifetimeEvenWhenInUse() {
        String token = issue();
        long before = lastAuditSequence();
        try {
            // used every 20 minutes (below the idle time) until just before the end of its 8 hours
            for (int minutes = 20; minutes < 8 * 60; minutes += 20) {
                clock.advance(Duration.ofMinutes(20));
                assertThat(api.withToken(token).get("me").status()).as("after %d minutes", minutes).isEqualTo(200);
            }
            clock.advance(Duration.ofMinutes(20));
            assertThat(api.withToken(token).get("me").status()).isEqualTo(401);
        }
        finally {
            clock.reset();
        }
        assertThat(refusalsSince(before)).anyMatch(s -> s.contains("CredentialsExpiredException"));
    }

    @Test
    void anUnusedTokenEndsAfterTheIdleTime() {
        String token = issue();
        try {
            clock.advance(Duration.ofMinutes(29));
            assertThat(api.withToken(token).get("me").status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(29));
            assertThat(api.withToken(token).get("me").status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(31));
            assertThat(api.withToken(token).get("me").status()).isEqualTo(401);
        }
        finally {
            clock.reset();
        }
    }

    @Test
    void theOwnerRevokesOneTokenAndNobodyElseCan() {
        String first = issue();
        String second = issue();
        String firstId = jdbc.sql("SELECT id::text FROM api_token WHERE token_sm3 = :d").param("d", Sm3.hex(first))
                .query(String.class).single();
        // another user's token reads as not found, and so does no token at all
        assertThat(api.as("wjw").post("tokens/" + firstId + "/revocation", null).status()).isEqualTo(404);
        assertThat(api.as("rst").post("tokens/" + java.util.UUID.randomUUID() + "/revocation", null).status())
                .isEqualTo(404);
        assertThat(api.withToken(first).get("me").status()).isEqualTo(200);

        assertThat(api.withToken(second).post("tokens/" + firstId + "/revocation", null).status()).isEqualTo(204);
        assertThat(api.withToken(first).get("me").status()).isEqualTo(401);
        assertThat(api.withToken(second).get("me").status()).isEqualTo(200);
        // again: nothing changes
        assertThat(api.as(username, PASSWORD).post("tokens/" + firstId + "/revocation", null).status()).isEqualTo(204);
        // nothing is deleted: the row stays, revoked
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE id = :id::uuid AND revoked_at IS NOT NULL")
                .param("id", firstId).query(Long.class).single()).isOne();
    }

    @Test
    void aPasswordChangeRevokesEveryTokenOfTheUser() {
        String first = issue();
        String second = issue();
        Response changed = api.as(username, PASSWORD).post("account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "Changed@2027"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(api.withToken(first).get("me").status()).isEqualTo(401);
        assertThat(api.withToken(second).get("me").status()).isEqualTo(401);
        assertThat(api.as(username, "Changed@2027").get("tokens").<List<Object>>json("$.content[?(@.active == true)]"))
                .isEmpty();
    }

    /**
     * The maximum password age applies to a token's requests as to a password's: read in the token's own statement,
     * so that a change by the security administrator holds at the next request (boundary: a day before, the day of).
     */
    @Test
    void aTokenOfAnAccountWhosePasswordPassedTheMaximumAgeReachesOnlyThePasswordChange() {
        String token = issue();
        Response policy = api.as("secadmin").get("security/password-policy");
        int maxAgeBefore = policy.<Integer>json("$.maxAgeDays");
        try {
            assertThat(api.as("secadmin").send(HttpMethod.PUT, "security/password-policy", "application/json",
                    Map.of("maxAgeDays", 30)).status()).isEqualTo(200);
            jdbc.sql("UPDATE app_user SET password_changed_at = :at WHERE username = :u")
                    .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(29)))).param("u", username)
                    .update();
            assertThat(api.withToken(token).get("projects").status()).isEqualTo(200);

            jdbc.sql("UPDATE app_user SET password_changed_at = :at WHERE username = :u")
                    .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(30)))).param("u", username)
                    .update();
            Response blocked = api.withToken(token).get("projects");
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.text("$.type")).isEqualTo("/problems/password-expired");
            assertThat(api.withToken(token).get("me").status()).isEqualTo(200);

            // 0: passwords never expire — the same token reaches everything again at once
            assertThat(api.as("secadmin").send(HttpMethod.PUT, "security/password-policy", "application/json",
                    Map.of("maxAgeDays", 0)).status()).isEqualTo(200);
            assertThat(api.withToken(token).get("projects").status()).isEqualTo(200);
        }
        finally {
            api.as("secadmin").send(HttpMethod.PUT, "security/password-policy", "application/json",
                    Map.of("maxAgeDays", maxAgeBefore));
        }
    }

    @Test
    void aDisabledAccountsTokensAreRefusedAndRevoked() {
        String token = issue();
        Response disabled = api.as("admin").send(HttpMethod.PUT, "users/" + username, "application/json",
                Map.of("displayName", "令牌测试", "organizationCode", "RST", "roles", List.of("DEPARTMENT_STAFF"),
                        "enabled", false));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(api.withToken(token).get("me").status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE username = :u AND revoked_at IS NULL")
                .param("u", username).query(Long.class).single()).isZero();
    }

    @Test
    void aLockedAccountsTokenIsRefusedUntilTheLockEndsAndARefusedTokenIsNoPasswordGuess() {
        String token = issue();
        String revoked = issue();
        String revokedId = jdbc.sql("SELECT id::text FROM api_token WHERE token_sm3 = :d").param("d", Sm3.hex(revoked))
                .query(String.class).single();
        assertThat(api.withToken(token).post("tokens/" + revokedId + "/revocation", null).status()).isEqualTo(204);
        // presenting a dead token many times does not lock the account
        for (int i = 0; i < 8; i++) {
            assertThat(api.withToken(revoked).get("me").status()).isEqualTo(401);
        }
        assertThat(jdbc.sql("SELECT failed_attempts FROM app_user WHERE username = :u").param("u", username)
                .query(Integer.class).single()).isZero();
        assertThat(api.withToken(token).get("me").status()).isEqualTo(200);

        for (int i = 0; i < 5; i++) {
            assertThat(api.as(username, "Wrong#2026x").get("me").status()).isEqualTo(401);
        }
        assertThat(api.withToken(token).get("me").status()).isEqualTo(401);
        accounts.unlock(username);
        assertThat(api.withToken(token).get("me").status()).isEqualTo(200);
    }

    @Test
    void anUnknownGarbageOrMalformedAuthorizationIs401ProblemJson() {
        String token = issue();
        String unknown = token.substring(1) + (token.charAt(0) == 'A' ? 'B' : 'A');
        List<String> headers = List.of("Bearer", "Bearer ", "Bearer  ", "Bearer abc", "Bearer " + unknown,
                "Bearer " + token + "x", "Bearer " + token + " " + token, "Bearer " + "A".repeat(8000),
                "Bearer ../../etc/passwd", "Bearer %00", "Token " + token, "Basic", "Basic !!!not-base64", "Basic " + token,
                "Bearer" + token);
        for (String header : headers) {
            Response response = api.anonymous().header("Authorization", header).get("me");
            assertThat(response.status()).as(header.length() > 80 ? header.substring(0, 80) : header).isEqualTo(401);
            assertThat(response.contentType().toString()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.body()).doesNotContain(token);
        }
        // the scheme is case-insensitive (RFC 9110)
        assertThat(api.anonymous().header("Authorization", "bearer " + token).get("me").status()).isEqualTo(200);
        assertThat(api.anonymous().header("Authorization", "BEARER " + token).get("me").text("$.username"))
                .isEqualTo(username);
    }

    @Test
    void pagesDoNotAcceptABearerToken() throws Exception {
        String token = issue();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String page : List.of("/", "/projects", "/account/password")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
        }
    }

    @Test
    void theTokenEndpointsAndTheBearerSchemeAreInTheOpenApiDocument() {
        Response docs = api.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text("$.components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(docs.<Object>json("$.paths['/api/v1/tokens'].post")).isNotNull();
        assertThat(docs.<Object>json("$.paths['/api/v1/tokens'].get")).isNotNull();
        assertThat(docs.<Object>json("$.paths['/api/v1/tokens/current'].delete")).isNotNull();
        assertThat(docs.<Object>json("$.paths['/api/v1/tokens/{id}/revocation'].post")).isNotNull();
        assertThat(docs.<List<Object>>json("$.security[*].bearer")).isNotEmpty();
    }

    /**
     * Basic and Bearer answer the same, one after the other; the mean time of each is printed for the report (no
     * assertion on time: the machine is shared, figures are noisy).
     */
    @Test
    void basicAndBearerAnswerTheSameAndTheTokenSkipsThePasswordHash() {
        String token = issue();
        int rounds = 30;
        long basic = 0;
        long bearer = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            Response viaBasic = api.as(username, PASSWORD).get("me");
            long t1 = System.nanoTime();
            Response viaToken = api.withToken(token).get("me");
            long t2 = System.nanoTime();
            assertThat(viaToken.status()).isEqualTo(viaBasic.status()).isEqualTo(200);
            assertThat(viaToken.body()).isEqualTo(viaBasic.body());
            basic += t1 - t0;
            bearer += t2 - t1;
        }
        System.out.printf("api token: GET /api/v1/me mean over %d: HTTP Basic %.1f ms, Bearer %.1f ms%n", rounds,
                basic / 1e6 / rounds, bearer / 1e6 / rounds);
    }

    @Test
    void aLabelLongerThan200CharactersIs400() {
        Response response = api.as(username, PASSWORD).post("tokens", Map.of("name", "x".repeat(201)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("name");
        Response unnamed = api.as(username, PASSWORD).send(HttpMethod.POST, "tokens", null, null);
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(201);
        assertThat(unnamed.text("$.name")).isNull();
    }

    private String issue() {
        Response issued = api.as(username, PASSWORD).post("tokens", Map.of());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.text("$.token");
    }

    private long lastAuditSequence() {
        return jdbc.sql("SELECT max(sequence) FROM audit_event").query(Long.class).single();
    }

    private List<String> refusalsSince(long sequence) {
        return jdbc.sql("SELECT summary FROM audit_event WHERE sequence > :s AND action = 'LOGIN_FAILED'")
                .param("s", sequence).query(String.class).list();
    }

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

    /** Captures everything, with Spring Security and the organisation module at DEBUG for the while. */
    private static ListAppender<ILoggingEvent> capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        context.getLogger("org.springframework.security").setLevel(Level.DEBUG);
        context.getLogger("cn.jl.govit.organization").setLevel(Level.DEBUG);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger("org.springframework.security").setLevel(null);
        context.getLogger("cn.jl.govit.organization").setLevel(null);
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }
}
