package cn.jl.govit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import cn.jl.govit.GovItApplication;
import cn.jl.govit.support.Api;

/**
 * Issue 7.9: PostgreSQL stopped for 30 s under load. The application runs against a PostgreSQL that this test
 * starts, stops ({@code pg_ctl stop -m fast}) and starts again on the same port and data, while client threads
 * create projects and read lists over HTTP. During the outage every answer is {@code 503} problem+json with
 * {@code Retry-After} (a login as well, on the API and the login form; a page is the 503 error page; health is
 * {@code DOWN}), none is another {@code 5xx} or a {@code 401}, none hangs; after the database returns the
 * application serves again by itself; every create that was acknowledged ({@code 201}) is there afterwards.
 * The figures (requests, 503s, longest answer, recovery time) are printed as {@code database-outage: …} for
 * docs/reliability.md.
 */
class DatabaseOutageIntegrationTests {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int CLIENTS = 4;
    /** "No hang": spring.datasource.hikari.connection-timeout is 3 s; a generous bound for a loaded 2-core machine. */
    private static final Duration NO_HANG = Duration.ofSeconds(15);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Created> acknowledged = new ConcurrentLinkedQueue<>();

    @Test
    void theApplicationAnswers503DuringAnOutageAndRecoversWithoutLosingAcknowledgedWrites() throws Exception {
        Path dir = Files.createTempDirectory("govit-outage-");
        int port = freePort();
        EmbeddedPostgres postgres = postgres(dir.resolve("pg"), port);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean running = new AtomicBoolean(true);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GovItApplication.class).run(
                "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.profiles.active=demo", "--server.port=0", "--govit.data-dir=" + dir.resolve("data"),
                "--govit.security.password-iterations=1000")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(get(base + "/actuator/health", null).status).isEqualTo(200);

            // a browser signed in before the outage, and one that opened the login form but has not signed in yet
            Browser signedIn = new Browser(base);
            assertThat(signedIn.login("rst", Api.DEMO_PASSWORD)).isEqualTo(302);
            assertThat(signedIn.get("/projects").status).isEqualTo(200);
            Browser atTheLoginForm = new Browser(base);
            String token = atTheLoginForm.csrfFromLoginForm();

            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                load.add(clients.submit(() -> load(base, client, running)));
            }
            Thread.sleep(5_000);

            long stopping = System.nanoTime();
            postgres.close();
            long down = System.nanoTime();
            // what a caller sees while the database is down, besides the load
            Answer health = get(base + "/actuator/health", null);
            Answer wrongPassword = get(base + "/api/v1/projects?size=1", basic("rst", "wrong-password"));
            Answer page = signedIn.get("/projects");
            Answer formLogin = atTheLoginForm.post("/login", "username=rst&password=" + Api.DEMO_PASSWORD + "&_csrf="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8));
            long sleepUntil = down + OUTAGE.toNanos();
            while (System.nanoTime() < sleepUntil) {
                Thread.sleep(100);
            }

            long starting = System.nanoTime();
            postgres = postgres(dir.resolve("pg"), port);
            long up = System.nanoTime();
            long recovered = -1;
            while (System.nanoTime() - up < RECOVERY_LIMIT.toNanos()) {
                if (get(base + "/api/v1/projects?size=1", basic("rst", Api.DEMO_PASSWORD)).status == 200) {
                    recovered = System.nanoTime();
                    break;
                }
                Thread.sleep(100);
            }
            Thread.sleep(5_000);
            running.set(false);
            for (Future<?> f : load) {
                f.get(60, TimeUnit.SECONDS);
            }

            List<Answer> all = List.copyOf(answers);
            List<Answer> duringOutage = all.stream().filter(a -> a.start >= down && a.end <= starting).toList();
            List<Answer> unavailable = all.stream().filter(a -> a.status == 503).toList();
            List<Answer> others = all.stream().filter(a -> a.status != 503 && (a.status < 200 || a.status > 299)).toList();
            long maxMillis = all.stream().mapToLong(a -> (a.end - a.start) / 1_000_000).max().orElse(0);
            long outageMaxMillis = duringOutage.stream().mapToLong(a -> (a.end - a.start) / 1_000_000).max().orElse(0);
            List<Created> creates = List.copyOf(acknowledged);
            long createsDuring = creates.stream().filter(c -> c.acknowledged > stopping && c.acknowledged < up).count();
            System.out.printf("database-outage: %d clients, outage %d s (stop took %d ms, start took %d ms); %d requests, "
                    + "%d wholly within the outage, %d answered 503 in all, %d other non-2xx; longest answer %d ms "
                    + "(within the outage %d ms); recovered %d ms after the database was up; %d creates acknowledged "
                    + "(%d of them between stop and start); during the outage: health %d, wrong password %d, page %d, "
                    + "form login %d%n", CLIENTS, OUTAGE.toSeconds(), (down - stopping) / 1_000_000,
                    (up - starting) / 1_000_000, all.size(), duringOutage.size(), unavailable.size(), others.size(),
                    maxMillis, outageMaxMillis, recovered < 0 ? -1 : (recovered - up) / 1_000_000, creates.size(),
                    createsDuring, health.status, wrongPassword.status, page.status, formLogin.status);

            assertThat(recovered).as("requests succeed again within %s after the database returns", RECOVERY_LIMIT)
                    .isPositive();
            assertThat(health.status).as("health during the outage").isEqualTo(503);
            assertThat(health.body).contains("DOWN");
            assertThat(get(base + "/actuator/health", null).status).as("health after the outage").isEqualTo(200);
            assertOutageProblem(wrongPassword, "a login with a wrong password during the outage (not 401)");
            assertThat(page.status).as("a page of a signed-in user during the outage: %s", page).isEqualTo(503);
            assertThat(page.contentType).startsWith("text/html");
            assertThat(page.retryAfter).isEqualTo("5");
            assertThat(page.body).contains("data-testid=\"error-status\">503<").contains("服务暂时不可用");
            assertThat(formLogin.status).as("the login form during the outage: %s", formLogin).isEqualTo(503);
            assertThat(formLogin.body).contains("服务暂时不可用");
            assertThat(signedIn.get("/projects").status).as("the session after the outage").isEqualTo(200);

            assertThat(others).as("no answer but 2xx and 503 (no 500, no 401, no time-out)").isEmpty();
            assertThat(duringOutage).as("load during the outage").hasSizeGreaterThan(CLIENTS);
            duringOutage.forEach(a -> assertOutageProblem(a, "during the outage"));
            unavailable.forEach(a -> assertOutageProblem(a, "every 503"));
            long recoveredAt = recovered;
            assertThat(all.stream().filter(a -> a.end < stopping || a.start > recoveredAt)
                    .filter(a -> a.status != 200 && a.status != 201).toList())
                    .as("before the outage and after the recovery everything succeeds").isEmpty();
            assertThat(Duration.ofMillis(maxMillis)).as("no request hangs").isLessThan(NO_HANG);

            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            for (Created created : creates) {
                var project = api.as("rst").get("projects/" + created.id);
                assertThat(project.status()).as("acknowledged create %s", created.name).isEqualTo(200);
                assertThat(project.text("$.name")).isEqualTo(created.name);
            }
            System.out.printf("database-outage: all %d acknowledged creates readable afterwards%n", creates.size());
        }
        finally {
            running.set(false);
            clients.shutdownNow();
            postgres.close();
        }
    }

    private static void assertOutageProblem(Answer answer, String what) {
        assertThat(answer.status).as("%s: %s", what, answer).isEqualTo(503);
        assertThat(answer.contentType).as("%s: %s", what, answer).startsWith("application/problem+json");
        assertThat(answer.retryAfter).as("%s: Retry-After", what).isEqualTo("5");
        assertThat(JsonPath.<String>read(answer.body, "$.type")).isEqualTo("/problems/database-unavailable");
        assertThat(JsonPath.<String>read(answer.body, "$.title")).isEqualTo("服务暂时不可用");
    }

    /** One client: create a project, read a list, again, until told to stop; every answer is kept. */
    private void load(String base, int client, AtomicBoolean running) {
        String auth = basic("rst", Api.DEMO_PASSWORD);
        for (int i = 0; running.get(); i++) {
            String name = "停库期间创建-" + client + "-" + i + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            Answer created = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/projects"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(Api.proposal(name)))));
            if (created.status == 201) {
                acknowledged.add(new Created(JsonPath.read(created.body, "$.id").toString(), name, created.end));
            }
            send(HttpRequest.newBuilder(URI.create(base + "/api/v1/projects?size=20")).header("Authorization", auth).GET());
        }
    }

    private Answer send(HttpRequest.Builder request) {
        Answer answer = exchange(http, request.timeout(NO_HANG.multipliedBy(2)));
        answers.add(answer);
        return answer;
    }

    private Answer get(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(NO_HANG.multipliedBy(2)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return exchange(http, request);
    }

    private static Answer exchange(HttpClient client, HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Location").orElse(null), response.body(), start, System.nanoTime());
        }
        catch (IOException e) {
            // a time-out or a dropped connection: status 0 fails the "2xx or 503" assertion
            return new Answer(0, "", null, null, e.toString(), start, System.nanoTime());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "", null, null, e.toString(), start, System.nanoTime());
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Started on a fixed port with its own data, kept when it stops, so that it can start again with every record. */
    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        Files.createDirectories(data);
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("max_connections", "50").setServerConfig("timezone", "Asia/Shanghai")
                .setLocaleConfig("encoding", "UTF8").setLocaleConfig("locale", "C.UTF-8").start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** A browser: its own cookies, no redirects followed. */
    private final class Browser {

        private final String base;
        private final HttpClient client;

        Browser(String base) {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        String csrfFromLoginForm() {
            Answer form = get("/login");
            Matcher token = CSRF.matcher(form.body);
            assertThat(token.find()).as("CSRF token in the login form: %s", form).isTrue();
            return token.group(1);
        }

        int login(String username, String password) {
            String token = csrfFromLoginForm();
            Answer answer = post("/login", "username=" + username + "&password=" + password + "&_csrf="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8));
            assertThat(answer.location).as("login: %s", answer).doesNotContain("error");
            return answer.status;
        }

        Answer get(String path) {
            return exchange(client, HttpRequest.newBuilder(URI.create(base + path)).timeout(NO_HANG.multipliedBy(2)).GET());
        }

        Answer post(String path, String form) {
            return exchange(client, HttpRequest.newBuilder(URI.create(base + path)).timeout(NO_HANG.multipliedBy(2))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }
    }

    private record Answer(int status, String contentType, String retryAfter, String location, String body, long start,
            long end) {

        @Override
        public String toString() {
            return status + " " + contentType + " Retry-After=" + retryAfter + " " + (end - start) / 1_000_000 + " ms "
                    + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    private record Created(String id, String name, long acknowledged) {
    }
}
