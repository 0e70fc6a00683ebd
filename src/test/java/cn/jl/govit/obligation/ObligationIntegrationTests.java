package cn.jl.govit.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.obligation.ObligationScans.ScanReport;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * Obligations on real PostgreSQL: derived when construction starts (Art. 20, 26), read as overdue past their due
 * date, marked and notified by the daily scan once per day, and scoped like their projects. Each test moves the
 * clock to days of its own (the scan claims a day for the whole shared database) and resets it afterwards.
 */
@GovItTest
class ObligationIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ObligationScans scans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void today(String iso) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), LocalDate.parse(iso).atTime(LocalTime.NOON).atZone(ZONE).toInstant()));
    }

    /** An approved project of RST whose construction starts on the clock's today. */
    private String startedToday(int months) {
        String project = ApprovedProjects.approved(api, "rst", 900_000, months);
        ApprovedProjects.startConstruction(api, "rst", project, LocalDate.now(clock.withZone(ZONE)));
        return project;
    }

    private Response obligations(String user, String project) {
        return api.as(user).get("projects/" + project + "/obligations");
    }

    private long audits(String action, String project) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :a AND project_id = :p")
                .param("a", action).param("p", UUID.fromString(project)).query(Long.class).single();
    }

    /** The obligation notices a user received about a project (other modules notify about it too). */
    private long notifications(String user, String project) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient = :u AND project_id = :p "
                        + "AND message_key LIKE 'obligation.notice.%'")
                .param("u", user).param("p", UUID.fromString(project)).query(Long.class).single();
    }

    @Test
    void thirteenMonthsOweTheReportOfTheStartYearAndInitialAcceptanceOnThePlannedCompletion() {
        today("2031-03-15");
        String project = startedToday(13);

        Response read = obligations("rst", project);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.<List<String>>json("$[*].type")).containsExactly("PERFORMANCE_REPORT", "INITIAL_ACCEPTANCE");
        assertThat(read.<List<String>>json("$[*].dueDate")).containsExactly("2031-12-31", "2032-04-15");
        assertThat(read.<List<String>>json("$[*].subject")).containsExactly("2031", "INITIAL");
        assertThat(read.<List<String>>json("$[*].rule")).containsExactly("ART-20", "ART-26");
        assertThat(read.<List<String>>json("$[*].article")).containsExactly("第二十条", "第二十六条");
        assertThat(read.<List<String>>json("$[*].status")).containsOnly("OPEN");
        assertThat(read.<List<Object>>json("$[*].windowStart")).containsOnly((Object) null);
        assertThat(read.<List<String>>json("$[*].responsibleOrganizationCode")).containsOnly("RST");
        assertThat(audits("OBLIGATION_OPENED", project)).isEqualTo(2);
    }

    @Test
    void twentyFourMonthsOweTwoAnnualReports() {
        today("2031-03-16");
        String project = startedToday(24);

        Response read = obligations("rst", project);

        assertThat(read.<List<String>>json("$[*].type"))
                .containsExactly("PERFORMANCE_REPORT", "PERFORMANCE_REPORT", "INITIAL_ACCEPTANCE");
        assertThat(read.<List<String>>json("$[*].dueDate")).containsExactly("2031-12-31", "2032-12-31", "2033-03-16");
        assertThat(read.<List<String>>json("$[*].subject")).containsExactly("2031", "2032", "INITIAL");
    }

    @Test
    void twelveMonthsOweOnlyInitialAcceptance() {
        today("2031-03-17");
        String project = startedToday(12);

        Response read = obligations("rst", project);

        assertThat(read.<List<String>>json("$[*].type")).containsExactly("INITIAL_ACCEPTANCE");
        assertThat(read.<List<String>>json("$[*].dueDate")).containsExactly("2032-03-17");
    }

    @Test
    void pastItsDueDateAnOpenObligationReadsOverdueAndTheScanMarksItOnceAndTellsUnitAndAuthority() {
        today("2034-06-10");
        String project = startedToday(13);
        today("2034-12-31");
        assertThat(obligations("rst", project).<String>json("$[0].status")).isEqualTo("OPEN");

        today("2035-01-01");
        Response read = obligations("rst", project);
        assertThat(read.<String>json("$[0].type")).isEqualTo("PERFORMANCE_REPORT");
        assertThat(read.<String>json("$[0].status")).isEqualTo("OVERDUE");
        assertThat(read.<Integer>json("$[0].daysLeft")).isEqualTo(-1);
        assertThat(jdbc.sql("SELECT status FROM obligation WHERE project_id = :p AND type = 'PERFORMANCE_REPORT'")
                .param("p", UUID.fromString(project)).query(String.class).single()).as("stored before the scan").isEqualTo("OPEN");
        assertThat(api.as("rst").<String>everyItem("obligations?status=OVERDUE", "$.projectId")).contains(project);
        assertThat(api.as("rst").<String>everyItem("obligations?status=OPEN&type=PERFORMANCE_REPORT", "$.projectId"))
                .doesNotContain(project);

        assertThat(api.as("rst").post("obligations/scan", Map.of()).status()).isEqualTo(403);
        Response first = api.as("admin").post("obligations/scan", Map.of());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.<Boolean>json("$.ran")).isTrue();
        assertThat(first.<String>json("$.day")).isEqualTo("2035-01-01");
        assertThat(first.<Integer>json("$.markedOverdue")).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT status FROM obligation WHERE project_id = :p AND type = 'PERFORMANCE_REPORT'")
                .param("p", UUID.fromString(project)).query(String.class).single()).isEqualTo("OVERDUE");
        assertThat(audits("OBLIGATION_OVERDUE", project)).isEqualTo(1);
        assertThat(notifications("rst", project)).isEqualTo(1);
        assertThat(notifications("szsj", project)).as("the approval authority").isEqualTo(1);
        assertThat(notifications("jyt", project)).isZero();
        List<Map<String, Object>> inbox = api.as("rst").everyItem("me/notifications", "$");
        List<Object> obligationLinks = inbox.stream()
                .filter(n -> project.equals(n.get("projectId")) && String.valueOf(n.get("messageKey")).startsWith("obligation"))
                .map(n -> n.get("link")).toList();
        assertThat(obligationLinks).containsExactly("/projects/" + project + "/obligations");

        Response second = api.as("admin").post("obligations/scan", Map.of());
        assertThat(second.<Boolean>json("$.ran")).isFalse();
        assertThat(audits("OBLIGATION_OVERDUE", project)).isEqualTo(1);
        assertThat(notifications("rst", project)).isEqualTo(1);
    }

    @Test
    void theScanRemindsTheUnitOnceBeforeTheDueDate() {
        today("2036-02-01");
        String project = startedToday(13);

        today("2036-11-30");
        scans.scan(LocalDate.parse("2036-11-30"));
        assertThat(notifications("rst", project)).as("31 days before").isZero();

        today("2036-12-01");
        assertThat(scans.scan(LocalDate.parse("2036-12-01")).ran()).isTrue();
        assertThat(notifications("rst", project)).as("30 days before").isEqualTo(1);
        assertThat(audits("OBLIGATION_REMINDED", project)).isEqualTo(1);

        today("2036-12-02");
        scans.scan(LocalDate.parse("2036-12-02"));
        assertThat(notifications("rst", project)).as("reminded once").isEqualTo(1);
        assertThat(notifications("szsj", project)).as("reminders go to the unit only").isZero();
    }

    @Test
    void twoConcurrentScansOfTheSameDayDoTheWorkOnce() throws Exception {
        today("2038-05-01");
        String project = startedToday(12);
        today("2039-05-03");
        LocalDate day = LocalDate.parse("2039-05-03");
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<ScanReport> a = CompletableFuture.supplyAsync(() -> scanAfter(start, day));
        CompletableFuture<ScanReport> b = CompletableFuture.supplyAsync(() -> scanAfter(start, day));

        List<ScanReport> reports = List.of(a.get(), b.get());
        assertThat(reports).extracting(ScanReport::ran).containsExactlyInAnyOrder(true, false);
        assertThat(reports).extracting(ScanReport::markedOverdue).doesNotContainNull();
        assertThat(audits("OBLIGATION_OVERDUE", project)).isEqualTo(1);
        assertThat(notifications("rst", project)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM obligation_scan WHERE day = :d AND finished_at IS NOT NULL")
                .param("d", day).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'OBLIGATION_SCAN' AND entity_id = :d")
                .param("d", day.toString()).query(Long.class).single()).as("one audited scan").isEqualTo(1);
    }

    private ScanReport scanAfter(CyclicBarrier start, LocalDate day) {
        try {
            start.await();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return scans.scan(day);
    }

    @Test
    void obligationsAreScopedLikeTheirProjects() {
        today("2031-04-01");
        String project = startedToday(13);

        assertThat(obligations("jyt", project).status()).isEqualTo(404);
        assertThat(api.anonymous().get("projects/" + project + "/obligations").status()).isEqualTo(401);
        assertThat(api.as("jyt").<String>everyItem("obligations", "$.projectId")).doesNotContain(project);
        assertThat(api.as("rst").<String>everyItem("obligations", "$.projectId")).contains(project);
        assertThat(api.as("rst").<String>everyItem("obligations", "$.projectCode")).doesNotContainNull();
        assertThat(api.as("sjt").<String>everyItem("obligations", "$.projectId"))
                .as("the Audit Office reads every project").contains(project);
        assertThat(api.as("expert1").get("obligations").<Integer>json("$.totalElements")).isZero();
        assertThat(api.as("rst").get("obligations?status=LATE").status()).isEqualTo(400);
        assertThat(api.as("rst").get("obligations?size=0").status()).isEqualTo(400);
        assertThat(api.as("rst").get("obligations?size=1000").<Integer>json("$.size")).isEqualTo(200);
    }

    private org.springframework.mock.web.MockHttpServletResponse page(String username, String path) throws Exception {
        return org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build()
                .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(users.loadUserByUsername(username))))
                .andReturn().getResponse();
    }

    @Test
    void thePagesAreScopedLikeTheApi() throws Exception {
        today("2031-04-02");
        String project = startedToday(13);

        var own = page("rst", "/projects/" + project + "/obligations");
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("年度绩效评价报告", "2031-12-31", "初步验收", "2032-05-02", "第二十六条");
        assertThat(page("jyt", "/projects/" + project + "/obligations").getStatus()).isEqualTo(404);
        assertThat(page("rst", "/projects/not-an-id/obligations").getStatus()).isEqualTo(404);
        assertThat(page("jyt", "/obligations").getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(project);
        var all = page("sjt", "/obligations?status=OPEN&page=0");
        assertThat(all.getStatus()).isEqualTo(200);
        assertThat(page("rst", "/obligations?status=NONSENSE").getStatus()).as("an unknown filter shows all").isEqualTo(200);
    }

    @Test
    void theEndpointsArePublishedInTheOpenApiDocument() {
        Response docs = api.anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.<Map<String, Object>>json("$.paths")).containsKeys("/api/v1/projects/{id}/obligations",
                "/api/v1/obligations", "/api/v1/obligations/scan", "/api/v1/me/notifications",
                "/api/v1/me/notifications/{id}/read", "/api/v1/me/notifications/read");
    }
}
