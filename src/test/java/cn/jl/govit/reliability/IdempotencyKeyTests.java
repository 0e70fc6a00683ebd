package cn.jl.govit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * Issue 7.10: {@code Idempotency-Key} on creating requests. A repeat of the same request with the same key
 * answers the stored first response and creates nothing, also when 20 identical requests arrive at once; the
 * same key for another request is refused; keys belong to their user and expire.
 * <p>
 * Figures for {@code docs/reliability.md}:
 * {@code mvn -o -Dbuild.dir=target-h20 test -Dtest='IdempotencyKeyTests,OptimisticUpdateRaceTests'}.
 */
@GovItTest
class IdempotencyKeyTests {

    static final int PARALLEL = 20;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRepeatWithTheSameKeyAnswersTheFirstResponseAndCreatesNothing() {
        String name = Api.unique("幂等项目");
        String key = UUID.randomUUID().toString();
        Response first = api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(name));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isNull();
        int audited = auditEvents(first.text("$.id"));
        assertThat(audited).isPositive();

        Response repeat = api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(name));
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().getLocation()).isEqualTo(first.headers().getLocation()).isNotNull();
        assertThat(repeat.headers().getETag()).isEqualTo(first.headers().getETag()).isNotNull();
        assertThat(repeat.contentType()).isEqualTo(first.contentType());
        assertThat(projectsNamed(name)).isEqualTo(1);
        assertThat(auditEvents(first.text("$.id"))).as("the replay audits nothing").isEqualTo(audited);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedNamingTheHeader() {
        String key = UUID.randomUUID().toString();
        String name = Api.unique("幂等项目");
        assertThat(api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(name)).status()).isEqualTo(201);

        String other = Api.unique("另一项目");
        Response reused = api.as("rst").header("Idempotency-Key", key).english().post("projects", Api.proposal(other));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType().toString()).startsWith("application/problem+json");
        assertThat(reused.text("$.type")).isEqualTo("/problems/idempotency-key-reused");
        assertThat(reused.text("$.header")).isEqualTo("Idempotency-Key");
        assertThat(reused.text("$.detail")).contains("Idempotency-Key");
        assertThat(projectsNamed(other)).isZero();

        Response otherPath = api.as("rst").header("Idempotency-Key", key).post("projects?x=1", Api.proposal(name));
        assertThat(otherPath.status()).as("the path is part of the request").isEqualTo(422);
        assertThat(projectsNamed(name)).isEqualTo(1);
    }

    @Test
    void aKeyBelongsToItsUser() {
        String key = UUID.randomUUID().toString();
        String rst = Api.unique("人社项目");
        String wjw = Api.unique("卫健项目");
        Response first = api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(rst));
        Response second = api.as("wjw").header("Idempotency-Key", key).post("projects", Api.proposal(wjw));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(second.text("$.id")).isNotEqualTo(first.text("$.id"));
        assertThat(projectsNamed(rst)).isEqualTo(1);
        assertThat(projectsNamed(wjw)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestReleasesItsKeyForTheCorrectedOne() {
        String key = UUID.randomUUID().toString();
        String name = Api.unique("幂等项目");
        Map<String, Object> bad = Api.proposal(name);
        bad.put("estimatedInvestment", -1);
        Response refused = api.as("rst").header("Idempotency-Key", key).post("projects", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(projectsNamed(name)).isZero();

        Response corrected = api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(name));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        assertThat(corrected.headers().getFirst("Idempotent-Replayed")).isNull();
        Response repeat = api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(name));
        assertThat(repeat.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(projectsNamed(name)).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsABadRequestNamingTheHeader() {
        String name = Api.unique("幂等项目");
        for (String key : List.of("with space", "x".repeat(256))) {
            Response bad = api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(name));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.<List<String>>json("$.errors[*].field")).containsExactly("Idempotency-Key");
        }
        assertThat(projectsNamed(name)).isZero();
    }

    @Test
    void requestsWithoutAKeyAreUntouched() {
        String name = Api.unique("无键项目");
        assertThat(api.as("rst").post("projects", Api.proposal(name)).status()).isEqualTo(201);
        assertThat(api.as("rst").post("projects", Api.proposal(name)).status()).isEqualTo(201);
        assertThat(projectsNamed(name)).as("no key, no de-duplication").isEqualTo(2);
    }

    @Test
    void anExpiredKeyIsTakenOverByTheNextRequest() {
        String key = UUID.randomUUID().toString();
        String name = Api.unique("幂等项目");
        assertThat(api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(name)).status()).isEqualTo(201);

        clock.advance(Duration.ofHours(24).minusMinutes(1));
        Response stillKept = api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(name));
        assertThat(stillKept.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");

        clock.advance(Duration.ofMinutes(2));
        String later = Api.unique("过期后项目");
        Response fresh = api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(later));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);
        assertThat(fresh.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(projectsNamed(later)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE username = 'rst' AND idempotency_key = ?")
                .param(key).query(Integer.class).single()).as("the row was taken over, not added").isEqualTo(1);
    }

    @Test
    void aMultipartUploadIsIdempotentToo() {
        String project = api.as("rst").post("projects", Api.proposal(Api.unique("上传项目"))).text("$.id");
        String key = UUID.randomUUID().toString();
        String path = "projects/" + project + "/documents";
        String type = "multipart/form-data; boundary=" + BOUNDARY;
        byte[] body = multipart("会议纪要.txt", "第一次会议纪要");
        Response first = api.as("rst").header("Idempotency-Key", key).send(HttpMethod.POST, path, type, body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Response repeat = api.as("rst").header("Idempotency-Key", key).send(HttpMethod.POST, path, type, body);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.text("$.id")).isEqualTo(first.text("$.id"));
        assertThat(jdbc.sql("SELECT count(*) FROM document WHERE project_id = ?::uuid").param(project)
                .query(Integer.class).single()).isEqualTo(1);

        Response otherFile = api.as("rst").header("Idempotency-Key", key).send(HttpMethod.POST, path, type,
                multipart("会议纪要.txt", "第二次会议纪要"));
        assertThat(otherFile.status()).as("another file under the same key").isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM document WHERE project_id = ?::uuid").param(project)
                .query(Integer.class).single()).isEqualTo(1);
    }

    /**
     * The figure of issue 7.10: {@value #PARALLEL} identical requests with one key at the same moment create one
     * project; each answers 201 with the same body or 409 (the first still runs), and a 409 retried becomes the
     * replay of that body.
     */
    @Test
    void twentyIdenticalParallelRequestsCreateOneRecord() throws Exception {
        String name = Api.unique("并发幂等项目");
        String key = UUID.randomUUID().toString();
        int before = projectCount();
        List<Response> answers = parallel(PARALLEL, i -> api.as("rst").header("Idempotency-Key", key)
                .post("projects", Api.proposal(name)));

        assertThat(answers).extracting(Response::status).allMatch(s -> s == 201 || s == 409);
        List<Response> created = answers.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created.stream().filter(r -> r.headers().getFirst("Idempotent-Replayed") == null))
                .as("exactly one request ran the endpoint").hasSize(1);
        for (Response conflict : answers.stream().filter(r -> r.status() == 409).toList()) {
            assertThat(conflict.text("$.type")).isEqualTo("/problems/idempotency-key-in-flight");
            assertThat(conflict.headers().getFirst("Retry-After")).isEqualTo("1");
        }
        List<Response> finals = new ArrayList<>(created);
        for (int i = 0; i < answers.size() - created.size(); i++) {
            finals.add(api.as("rst").header("Idempotency-Key", key).post("projects", Api.proposal(name)));
        }
        assertThat(finals).hasSize(PARALLEL).extracting(Response::status).containsOnly(201);
        assertThat(finals.stream().map(Response::body).collect(Collectors.toSet())).hasSize(1);

        assertThat(projectsNamed(name)).isEqualTo(1);
        assertThat(projectCount() - before).isEqualTo(1);
        System.out.printf("idempotency: %d parallel identical requests -> %d created, %d replayed, %d in flight (409)%n",
                PARALLEL, projectCount() - before, created.size() - 1, answers.size() - created.size());
    }

    @Test
    void twentyParallelRequestsWithDifferentKeysCreateTwenty() throws Exception {
        String prefix = Api.unique("并发不同键");
        int before = projectCount();
        List<Response> answers = parallel(PARALLEL, i -> api.as("rst").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("projects", Api.proposal(prefix + "-" + i)));
        assertThat(answers).extracting(Response::status).containsOnly(201);
        Set<String> ids = answers.stream().map(r -> r.text("$.id")).collect(Collectors.toSet());
        assertThat(ids).hasSize(PARALLEL);
        assertThat(jdbc.sql("SELECT count(*) FROM project WHERE name LIKE ?").param(prefix + "-%")
                .query(Integer.class).single()).isEqualTo(PARALLEL);
        assertThat(projectCount() - before).isGreaterThanOrEqualTo(PARALLEL);
    }

    interface Request {
        Response send(int index) throws Exception;
    }

    /** All requests released at once from a start gate, each on its own thread. */
    static List<Response> parallel(int count, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Response> call = () -> {
                    ready.countDown();
                    start.await();
                    return request.send(index);
                };
                futures.add(pool.submit(call));
            }
            ready.await();
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private int projectsNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM project WHERE name = ?").param(name).query(Integer.class).single();
    }

    private int projectCount() {
        return jdbc.sql("SELECT count(*) FROM project").query(Integer.class).single();
    }

    private int auditEvents(String project) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE project_id = ?::uuid").param(project)
                .query(Integer.class).single();
    }

    static final String BOUNDARY = "govit-h20-boundary";

    private static byte[] multipart(String filename, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
