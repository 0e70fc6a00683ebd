package cn.jl.govit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * Issue 7.10: updates are optimistic. {@value #THREADS} users send the same update of one record at the same
 * moment, all with the version they read: exactly one succeeds, every other answers {@code 409} (or, where
 * the endpoint takes no version from the client, is refused because the record has moved on), the record's
 * version rises by one and its change is audited once — nothing is written twice or half.
 */
@GovItTest
class OptimisticUpdateRaceTests {

    static final int THREADS = 10;

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

    @Test
    void aProjectDecidedInParallelWithOneVersionChangesOnce() throws Exception {
        Response created = api.as("rst").post("projects", Api.proposal(Api.unique("并发项目")));
        String project = created.text("$.id");
        String etag = created.headers().getETag();
        assertThat(etag).isNotNull();

        List<Response> answers = IdempotencyKeyTests.parallel(THREADS, i -> api.as("szsj").header("If-Match", etag)
                .post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED")));

        assertOneWonTheRestConflicted(answers);
        Response winner = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        Response now = api.as("szsj").get("projects/" + project);
        assertThat(now.headers().getETag()).isEqualTo(winner.headers().getETag()).isNotEqualTo(etag);
        assertThat(now.text("$.constructionMode")).isEqualTo(winner.text("$.constructionMode"));
        assertThat(audited(project, "CONSTRUCTION_MODE_DECIDED")).isEqualTo(1);
        print("project construction mode", answers);
    }

    @Test
    void aSubmissionChapterRevisedInParallelWithOneVersionChangesOnce() throws Exception {
        Response created = api.as("rst").post("projects", Api.proposal(Api.unique("并发申报")));
        String project = created.text("$.id");
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED")).status())
                .isEqualTo(200);
        Response draft = api.as("rst").post("projects/" + project + "/submissions", Map.of("stage", "FEASIBILITY_STUDY"));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String submission = draft.text("$.id");
        // a leaf of the outline: a chapter item without sections
        String code = api.as("rst").get("outlines/FEASIBILITY_STUDY")
                .<List<String>>json("$.chapters..[?(@.sections && @.sections.length() == 0)].code").get(0);
        long version = ((Number) draft.json("$.version")).longValue();

        List<Response> answers = IdempotencyKeyTests.parallel(THREADS, i -> api.as("rst").send(HttpMethod.PUT,
                "submissions/" + submission + "/chapters/" + code, "application/json",
                Map.of("content", "## 第 " + i + " 稿\n内容", "version", version)));

        assertOneWonTheRestConflicted(answers);
        Response winner = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        Response now = api.as("rst").get("submissions/" + submission);
        assertThat(((Number) now.json("$.version")).longValue()).isEqualTo(version + 1);
        assertThat(now.body()).isEqualTo(winner.body());
        print("submission chapter", answers);
    }

    @Test
    void aFindingRectifiedInParallelIsRectifiedOnce() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> raise = new LinkedHashMap<>();
        raise.put("area", "FUNDS");
        raise.put("facts", "资金拨付滞后");
        raise.put("rectificationDue", today.plusMonths(1).toString());
        Response raised = api.as("czt").post("projects/" + project + "/findings", raise);
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String finding = raised.text("$.id");

        List<Response> answers = IdempotencyKeyTests.parallel(THREADS, i -> api.as("rst").post(
                "findings/" + finding + "/rectification", Map.of("rectifiedOn", today.toString(), "summary", "整改第 " + i + " 稿")));

        // The rectification takes no version from the client: the service re-reads the finding and updates it
        // on the version it read, so a loser gets 409 (lost the update) or 422 (the finding is no longer open).
        assertThat(answers).as(answers.toString()).extracting(Response::status).isSubsetOf(200, 409, 422)
                .filteredOn(s -> s == 200).hasSize(1);
        Response winner = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        Response now = api.as("czt").get("findings/" + finding);
        assertThat(now.text("$.status")).isEqualTo("RECTIFIED");
        assertThat(now.headers().getETag()).isEqualTo(winner.headers().getETag());
        assertThat(now.<List<String>>json("$.rectifications[*].summary"))
                .containsExactly(winner.<String>json("$.rectifications[0].summary"));
        assertThat(audited(project, "SUPERVISION_FINDING_RECTIFIED")).isEqualTo(1);
        print("finding rectification", answers);
    }

    @Test
    void levelSharesOfTheFundPlanReplacedInParallelWithOneVersionChangeOnce() throws Exception {
        String project = ApprovedProjects.approved(api, "rst", 10_000_000, 12);
        String path = "projects/" + project + "/level-shares";

        List<Response> answers = IdempotencyKeyTests.parallel(THREADS, i -> api.as("rst").send(HttpMethod.PUT, path,
                "application/json", Map.of("version", 0, "shares", List.of(
                        share("PROVINCIAL", "省人社厅", 10_000_000 - 1_000_000L * (i % 3)),
                        share("CITY", "长春市", 1_000_000L * (i % 3))).subList(0, i % 3 == 0 ? 1 : 2))));

        assertOneWonTheRestConflicted(answers);
        Response funds = api.as("sjt").get("projects/" + project + "/funds");
        assertThat((Integer) funds.json("$.levelSharesVersion")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM level_share_set WHERE project_id = ?::uuid").param(project)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(audited(project, "LEVEL_SHARES_RECORDED")).isEqualTo(1);
        print("fund level shares", answers);
    }

    static Map<String, Object> share(String level, String organization, long amount) {
        return Map.of("level", level, "organization", organization, "contentResponsibility", "本级平台建设和数据对接",
                "amount", amount);
    }

    private static void assertOneWonTheRestConflicted(List<Response> answers) {
        assertThat(answers).as(answers.toString()).extracting(Response::status).isSubsetOf(200, 409);
        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
        for (Response lost : answers.stream().filter(r -> r.status() == 409).toList()) {
            assertThat(lost.contentType().toString()).startsWith("application/problem+json");
            assertThat(lost.text("$.type")).isEqualTo("/problems/conflict");
        }
    }

    private int audited(String project, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE project_id = ?::uuid AND action = ?")
                .param(project).param(action).query(Integer.class).single();
    }

    private static void print(String what, List<Response> answers) {
        System.out.printf("race: %s, %d parallel updates with one version -> %d succeeded, %d answered 409, %d answered 422%n",
                what, answers.size(), answers.stream().filter(r -> r.status() == 200).count(),
                answers.stream().filter(r -> r.status() == 409).count(), answers.stream().filter(r -> r.status() == 422).count());
    }
}
