package cn.jl.govit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.GovItApplication;
import cn.jl.govit.obligation.ObligationScans;
import cn.jl.govit.support.Api;

/**
 * Issue 7.11: two application nodes in one JVM on one PostgreSQL. Node A starts the embedded database with its
 * data folder; node B is given A's database and the same {@code govit.data-dir} (documents and keys shared), as a
 * second server behind a load balancer would be.
 * <ul>
 * <li>a session begun on A (form login, CSRF) carries on on B — a page and a form post as the same user — and a
 * logout on B ends it on A;</li>
 * <li>a scheduled job fired on both nodes at the same moment runs once;</li>
 * <li>an event whose listener was still running on B when B died is completed by A's resubmission job.</li>
 * </ul>
 * The figures printed ({@code TWO-NODE …}) go to docs/reliability.md, "Two nodes".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private Path data;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private JdbcClient jdbc;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    void startTwoNodes() throws IOException {
        data = Files.createTempDirectory("govit-two-nodes-");
        nodeA = start("A");
        EmbeddedPostgres database = nodeA.getBean(EmbeddedPostgres.class);
        // a second node does not republish outstanding events at start: they may be in flight on the first
        // (docs/reliability.md, "Two nodes"); the resubmission job takes the abandoned ones
        nodeB = start("B", "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.modulith.republish-outstanding-events-on-restart=false");
        jdbc = nodeA.getBean(JdbcClient.class);
    }

    @AfterAll
    void stopBothNodes() {
        if (nodeB != null && nodeB.isActive()) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    // ---- sessions -----------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void aSessionBegunOnOneNodeCarriesOnOnTheOtherAndEndsOnBoth() throws Exception {
        // sign in on A through the form, as a browser does
        HttpResponse<String> form = get(nodeA, "/login", null);
        String anonymous = sessionCookie(form);
        HttpResponse<String> login = post(nodeA, "/login", anonymous, csrf(form),
                Map.of("username", "rst", "password", Api.DEMO_PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = sessionCookie(login);
        assertThat(session).as("a new session id at login").isNotEmpty().isNotEqualTo(anonymous);
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        System.out.println("TWO-NODE session cookie: " + setCookie.replaceFirst("SESSION=[^;]+", "SESSION=…"));

        // the session is a row in the database, with the 30-minute idle timeout and its user
        Map<String, Object> row = jdbc.sql("""
                SELECT principal_name, max_inactive_interval FROM spring_session WHERE session_id = :id""")
                .param("id", decode(session)).query().singleRow();
        assertThat(row).containsEntry("principal_name", "rst").containsEntry("max_inactive_interval", 1800);

        // the same cookie on B: a page as the same user, with the CSRF token the session got on A
        HttpResponse<String> pageOnB = get(nodeB, "/notifications", session);
        assertThat(pageOnB.statusCode()).isEqualTo(200);
        assertThat(pageOnB.body()).contains("action=\"/notifications/preference\"");
        // the token as A renders it (masked afresh on every page) is valid on B: it lives in the shared session
        String tokenFromA = csrf(get(nodeA, "/notifications", session));

        // a form post on B without the token is refused, with it it is done as rst
        assertThat(post(nodeB, "/notifications/preference", session, null, Map.of("mail", "EACH")).statusCode())
                .isEqualTo(403);
        HttpResponse<String> chosen = post(nodeB, "/notifications/preference", session, tokenFromA,
                Map.of("mail", "EACH"));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT mail FROM notification_preference WHERE username = 'rst'").query(String.class)
                .single()).isEqualTo("EACH");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'NOTIFICATION_PREFERENCE_CHANGED' AND actor = 'rst'""")
                .query(Long.class).single()).isEqualTo(1);
        // the confirmation, a flash attribute set on B, is shown by A: it travelled in the shared session
        assertThat(get(nodeA, "/notifications", session).body()).contains("data-testid=\"preference-saved\"");

        // logout on B ends the session on A too
        HttpResponse<String> logout = post(nodeB, "/logout", session, tokenFromA, Map.of());
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        HttpResponse<String> afterLogout = get(nodeA, "/notifications", session);
        assertThat(afterLogout.statusCode()).isEqualTo(302);
        assertThat(afterLogout.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", decode(session))
                .query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void disablingAnAccountOnOneNodeEndsItsSessionOnTheOther() throws Exception {
        HttpResponse<String> form = get(nodeA, "/login", null);
        HttpResponse<String> login = post(nodeA, "/login", sessionCookie(form), csrf(form),
                Map.of("username", "wjw", "password", Api.DEMO_PASSWORD));
        String session = sessionCookie(login);
        assertThat(get(nodeA, "/", session).statusCode()).isEqualTo(200);
        try {
            jdbc.sql("UPDATE app_user SET enabled = false WHERE username = 'wjw'").update();
            HttpResponse<String> next = get(nodeB, "/", session);
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
            assertThat(get(nodeA, "/", session).headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
        finally {
            jdbc.sql("UPDATE app_user SET enabled = true WHERE username = 'wjw'").update();
        }
    }

    // ---- scheduled jobs -----------------------------------------------------------------------------------

    @Test
    @Order(3)
    void aJobFiredOnBothNodesAtTheSameMomentRunsOnce() throws Exception {
        long before = fixityRuns();
        List<Boolean> ran = fireOnBothNodes("DocumentScheduling.fixity");
        long runs = fixityRuns() - before;
        System.out.println("TWO-NODE fixity check fired on 2 nodes at once: ran " + runs + " time(s)");
        assertThat(runs).isEqualTo(1);
        assertThat(ran).containsExactly(true, true);

        // every scheduled job of the platform takes a lease in the same table
        for (String job : List.of("ObligationScheduling.nightly", "DocumentScheduling.sweep", "DailyDigestJob.daily")) {
            fireOnBothNodes(job);
        }
        List<String> leases = jdbc.sql("SELECT name FROM shedlock WHERE lock_until > locked_at ORDER BY name")
                .query(String.class).list();
        System.out.println("TWO-NODE leases: " + leases);
        assertThat(leases).contains("document-fixity", "document-sweep", "notification-digest", "obligation-scan");
        // the scan also claimed its day once (its own second guard)
        assertThat(jdbc.sql("SELECT count(*) FROM obligation_scan WHERE day = :day")
                .param("day", nodeA.getBean(ObligationScans.class).today()).query(Long.class).single()).isEqualTo(1);
    }

    private long fixityRuns() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DOCUMENT_FIXITY_CHECKED'")
                .query(Long.class).single();
    }

    /** Runs a scheduled job's task on both nodes at the same moment, as their schedulers would at its cron time. */
    private List<Boolean> fireOnBothNodes(String job) throws Exception {
        Runnable onA = task(nodeA, job);
        Runnable onB = task(nodeB, job);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> fired = new ArrayList<>();
            for (Runnable task : List.of(onA, onB)) {
                fired.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    task.run();
                    return true;
                }));
            }
            List<Boolean> done = new ArrayList<>();
            for (Future<Boolean> f : fired) {
                done.add(f.get(5, TimeUnit.MINUTES));
            }
            return done;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static Runnable task(ConfigurableApplicationContext node, String job) {
        List<ScheduledTask> tasks = node.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream()).toList();
        return tasks.stream().map(t -> t.getTask().getRunnable()).filter(r -> r.toString().contains(job)).findFirst()
                .orElseThrow(() -> new AssertionError("no scheduled task " + job + " among " + tasks));
    }

    // ---- events of a node that died -------------------------------------------------------------------------

    @Test
    @Order(4)
    void theEventsOfANodeThatDiedAreCompletedByTheOther() throws Exception {
        UUID id = UUID.randomUUID();
        new TransactionTemplate(nodeB.getBean(PlatformTransactionManager.class))
                .executeWithoutResult(s -> nodeB.publishEvent(new Probe(id)));
        assertThat(ProbeListener.started.await(60, TimeUnit.SECONDS)).as("B's listener started").isTrue();

        // B dies while its listener is still working: the publication stays incomplete
        nodeB.close();
        ProbeListener.release.countDown();
        assertThat(ProbeListener.gaveUp.await(60, TimeUnit.SECONDS)).as("B's listener ended").isTrue();
        Map<String, Object> left = publication(id);
        System.out.println("TWO-NODE publication left by the dead node: status " + left.get("status"));
        assertThat(left.get("completion_date")).isNull();
        assertThat(ProbeListener.handled.getOrDefault("B", Set.of())).doesNotContain(id);

        // A's cluster-locked job resubmits it (the test sets the age to one second); A's listener completes it
        Thread.sleep(1_100);
        long started = System.nanoTime();
        task(nodeA, "EventResumption.resubmitAbandoned").run();
        Map<String, Object> done = publication(id);
        for (int i = 0; i < 600 && done.get("completion_date") == null; i++) {
            Thread.sleep(100);
            done = publication(id);
        }
        System.out.printf("TWO-NODE publication completed by the surviving node in %d ms: status %s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), done.get("status"));
        assertThat(done.get("completion_date")).isNotNull();
        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat(ProbeListener.handled.get("A")).containsExactly(id);
    }

    private Map<String, Object> publication(UUID id) {
        return jdbc.sql("""
                SELECT status, completion_date, completion_attempts FROM event_publication
                WHERE listener_id LIKE '%ProbeListener%' AND serialized_event LIKE :id""")
                .param("id", "%" + id + "%").query().singleRow();
    }

    /** An event of this test only, so that its listener can be held on one node. */
    public record Probe(UUID id) {
    }

    /**
     * A listener registered on both nodes (not a component: the other tests' contexts never see it). On the node
     * started with {@code two-node.probe.hold=true} it holds the event until that node goes down, as a listener
     * does that is still mailing when its node dies; on the other it records the event, its effect.
     */
    public static class ProbeListener {

        static final CountDownLatch started = new CountDownLatch(1);
        static final CountDownLatch release = new CountDownLatch(1);
        static final CountDownLatch gaveUp = new CountDownLatch(1);
        static final Map<String, Set<UUID>> handled = new ConcurrentHashMap<>();

        private final Environment environment;

        public ProbeListener(Environment environment) {
            this.environment = environment;
        }

        @ApplicationModuleListener
        public void on(Probe probe) throws InterruptedException {
            String node = environment.getProperty("two-node.name", "?");
            if (environment.getProperty("two-node.probe.hold", Boolean.class, false)) {
                started.countDown();
                try {
                    // until the node is gone (or its shutdown interrupts this thread)
                    release.await(2, TimeUnit.MINUTES);
                }
                finally {
                    gaveUp.countDown();
                }
                throw new IllegalStateException("node " + node + " went down before the listener finished");
            }
            handled.computeIfAbsent(node, n -> ConcurrentHashMap.newKeySet()).add(probe.id());
        }
    }

    // ---- the nodes and a browser -------------------------------------------------------------------------

    private ConfigurableApplicationContext start(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--govit.data-dir=" + data,
                "--govit.security.password-iterations=1000", "--two-node.name=" + name,
                "--two-node.probe.hold=" + name.equals("B"),
                // the jobs are fired by the test; the weekly check's own cron must not fire meanwhile
                "--govit.document.fixity-cron=0 0 0 1 1 *", "--govit.obligation.scan-cron=0 30 1 * * *",
                "--govit.cluster.event-resubmission-age=PT1S", "--govit.cluster.event-resubmission-interval=PT1H"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(GovItApplication.class, ProbeListener.class)
                .run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path, String session)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path)).GET();
        if (session != null && !session.isEmpty()) {
            request.header("Cookie", "SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(ConfigurableApplicationContext node, String path, String session, String csrf,
            Map<String, String> fields) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder(csrf == null ? "" : "_csrf=" + enc(csrf));
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (session != null && !session.isEmpty()) {
            request.header("Cookie", "SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring("SESSION=".length(), c.indexOf(';'))).findFirst().orElse("");
    }

    /** Spring Session writes the session id Base64-encoded into the cookie. */
    private static String decode(String cookie) {
        return new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
