package cn.jl.govit.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.AcceptedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * The province-wide overview on PostgreSQL with the demo data: who may read it, the DRC's default filter, and that its
 * numbers move by exactly what a test adds — a project under construction, one in operation and one overdue
 * obligation of the Department of Human Resources (RST), approved by the Digital Bureau this year.
 */
@GovItTest
class OverviewIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    Projects projects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService userDetails;

    @Test
    void onlyTheProvincialBodiesReadTheOverview() {
        Api api = new Api(port);
        for (String reader : List.of("szsj", "fgw", "czt", "sjt", "ldxz", "daj")) {
            assertThat(api.as(reader).get("overview").status()).as(reader).isEqualTo(200);
        }
        for (String other : List.of("rst", "wjw", "expert1", "admin")) {
            assertThat(api.as(other).get("overview").status()).as(other).isEqualTo(403);
            assertThat(api.as(other).get("overview/funnel").status()).as(other).isEqualTo(403);
        }
        assertThat(api.anonymous().get("overview").status()).isEqualTo(401);
        Response docs = api.as("szsj").get("/v3/api-docs");
        assertThat(docs.body()).contains("/api/v1/overview", "/api/v1/overview/funnel");
    }

    @Test
    void badFiltersAreRefusedWithTheField() {
        Api api = new Api(port);
        Response year = api.as("szsj").get("overview?year=twenty");
        assertThat(year.status()).as(year.toString()).isEqualTo(400);
        assertThat(year.body()).contains("year");
        assertThat(api.as("szsj").get("overview?year=1999").status()).isEqualTo(400);
        Response authority = api.as("szsj").get("overview?authority=CZT");
        assertThat(authority.status()).as(authority.toString()).isEqualTo(400);
        assertThat(authority.body()).contains("authority");
        // 403 comes before 400: a department learns nothing from a malformed filter.
        assertThat(api.as("rst").get("overview?year=twenty").status()).isEqualTo(403);
    }

    @Test
    void theDrcSeesItsOwnAuthorityByDefaultAndTheWholeProvinceOnRequest() {
        Api api = new Api(port);
        Response own = api.as("fgw").get("overview");
        assertThat(own.text("$.filter.authority")).isEqualTo("DEVELOPMENT_REFORM");
        assertThat(own.<Boolean>json("$.filter.ownAuthorityByDefault")).isTrue();
        Response drcBySzsj = api.as("szsj").get("overview?authority=DEVELOPMENT_REFORM");
        assertThat(own.text("$.kpis.projects")).isEqualTo(drcBySzsj.text("$.kpis.projects"));

        Response all = api.as("fgw").get("overview?authority=ALL");
        Response szsj = api.as("szsj").get("overview");
        assertThat(all.text("$.filter.authority")).isNull();
        assertThat(szsj.text("$.filter.authority")).isNull();
        assertThat(szsj.<Boolean>json("$.filter.ownAuthorityByDefault")).isFalse();
        assertThat(all.text("$.kpis.projects")).isEqualTo(szsj.text("$.kpis.projects"));
        long both = Long.parseLong(szsj.text("$.kpis.projects"));
        long digital = Long.parseLong(api.as("szsj").get("overview?authority=DIGITAL_BUREAU").text("$.kpis.projects"));
        assertThat(digital + Long.parseLong(own.text("$.kpis.projects"))).isEqualTo(both);
    }

    @Test
    void theNumbersMoveByExactlyWhatIsAdded() {
        Api api = new Api(port);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String filter = "overview?authority=DIGITAL_BUREAU&year=" + year;
        Response before = api.as("szsj").get(filter);
        Response drcBefore = api.as("fgw").get("overview");

        String building = ApprovedProjects.underConstruction(api, "rst", 1_234_567, 12);
        String running = AcceptedProjects.inOperation(api, runAs, projects, "rst", 765_432, 6);
        // One obligation of the project under construction falls overdue, as the daily scan would mark it once its
        // due date has passed (both set here, so that other tests reading overdue obligations see a consistent row).
        int marked = jdbc.sql("""
                UPDATE obligation SET status = 'OVERDUE', due_date = :due, version = version + 1
                WHERE project_id = :id AND type = 'INITIAL_ACCEPTANCE' AND status = 'OPEN'""")
                .param("due", projects.today().minusDays(1))
                .param("id", UUID.fromString(building)).update();
        assertThat(marked).isEqualTo(1);

        Response after = api.as("szsj").get(filter);
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(count(after, "$.kpis.projects") - count(before, "$.kpis.projects")).isEqualTo(2);
        assertThat(money(after, "$.kpis.approvedInvestment").subtract(money(before, "$.kpis.approvedInvestment")))
                .isEqualByComparingTo("1999999.00");
        assertThat(count(after, "$.kpis.inOperation") - count(before, "$.kpis.inOperation")).isEqualTo(1);
        assertThat(count(after, "$.kpis.inAcceptance")).isEqualTo(count(before, "$.kpis.inAcceptance"));
        assertThat(count(after, "$.kpis.overdueObligations") - count(before, "$.kpis.overdueObligations")).isEqualTo(1);
        // Self-evaluation opens a year after operation starts (Art. 32), so the new one is not due yet.
        assertThat(count(after, "$.kpis.selfEvaluationsDue")).isEqualTo(count(before, "$.kpis.selfEvaluationsDue"));

        assertThat(status(after, "UNDER_CONSTRUCTION") - status(before, "UNDER_CONSTRUCTION")).isEqualTo(1);
        assertThat(status(after, "IN_OPERATION") - status(before, "IN_OPERATION")).isEqualTo(1);
        assertThat(status(after, "DRAFT")).isEqualTo(status(before, "DRAFT"));
        assertThat(after.<List<Object>>json("$.byStatus")).hasSize(9);
        assertThat(after.text("$.byStatus[?(@.key == 'IN_OPERATION')].link")).contains("/projects?status=IN_OPERATION");

        assertThat(department(after, "RST") - department(before, "RST")).isEqualTo(2);

        String stage = "$.funnel[?(@.year == " + year + ")].approved";
        assertThat(funnel(after, stage).subtract(funnel(before, stage))).isEqualByComparingTo("1999999.00");
        String contracted = "$.funnel[?(@.year == " + year + ")].contracted";
        assertThat(funnel(after, contracted)).isEqualByComparingTo(funnel(before, contracted));

        assertThat(overdue(after, "RST") - overdue(before, "RST")).isEqualTo(1);
        assertThat(after.text("$.overdue[?(@.organizationCode == 'RST')].link")).contains("/obligations?status=OVERDUE");

        // The DRC's default view holds none of the Digital Bureau's projects.
        Response drcAfter = api.as("fgw").get("overview");
        assertThat(drcAfter.text("$.kpis.projects")).isEqualTo(drcBefore.text("$.kpis.projects"));

        // A year with no approvals yet counts none of them.
        Response future = api.as("szsj").get("overview?year=" + (year + 5));
        assertThat(count(future, "$.kpis.projects")).isZero();
        assertThat(future.<List<Object>>json("$.funnel")).isEmpty();

        // The parts are the same numbers as the whole.
        Response parts = api.as("szsj").get("overview/status?authority=DIGITAL_BUREAU&year=" + year);
        List<Integer> part = parts.json("$[?(@.key == 'IN_OPERATION')].count");
        assertThat(part).containsExactly((int) status(after, "IN_OPERATION"));
        assertThat(running).isNotEqualTo(building);
    }

    @Test
    void thePageShowsTheNumbersAndLoadsTheChartsOnlyThere() throws Exception {
        Pages pages = new Pages(context, userDetails);
        String body = pages.body("szsj", get("/overview"));
        assertThat(body).contains("全省总览", "data-testid=\"overview-kpis\"", "data-testid=\"status-table\"",
                "data-testid=\"funnel-table\"", "data-testid=\"overdue-table\"", "data-testid=\"path-list\"", "<details",
                "/webjars/echarts/5.3.1/dist/echarts.min.js", "/overview/data?authority=ALL",
                "/obligations?status=OVERDUE");
        String drc = pages.body("fgw", get("/overview"));
        assertThat(drc).contains("发展改革委默认只看本机关审批的项目", "/overview/data?authority=DEVELOPMENT_REFORM");
        // A year the page does not understand is ignored, as on the other list pages.
        assertThat(pages.perform("szsj", get("/overview").param("year", "abc")).getResponse().getStatus()).isEqualTo(200);
        String english = pages.body("czt", get("/overview").param("lang", "en"));
        assertThat(english).contains("Province-wide overview");
        assertThat(pages.perform("rst", get("/overview")).getResponse().getStatus()).isEqualTo(403);
        String data = pages.body("szsj", get("/overview/data").param("authority", "DIGITAL_BUREAU"));
        assertThat(data).contains("\"authority\":\"DIGITAL_BUREAU\"", "\"funnel\"");
        assertThat(pages.perform("rst", get("/overview/data")).getResponse().getStatus()).isEqualTo(403);
        assertThat(pages.body("szsj", get("/projects"))).doesNotContain("echarts");
    }

    private static long count(Response response, String path) {
        return Long.parseLong(response.text(path));
    }

    private static BigDecimal money(Response response, String path) {
        return new BigDecimal(response.text(path));
    }

    private static long status(Response response, String key) {
        List<Integer> counts = response.json("$.byStatus[?(@.key == '" + key + "')].count");
        return counts.get(0);
    }

    private static long department(Response response, String code) {
        List<Integer> counts = response.json("$.byDepartment[?(@.organizationCode == '" + code + "')].count");
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private static long overdue(Response response, String code) {
        List<Integer> counts = response.json("$.overdue[?(@.organizationCode == '" + code + "')].count");
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private static BigDecimal funnel(Response response, String path) {
        List<Object> values = response.json(path);
        return values.isEmpty() ? BigDecimal.ZERO : new BigDecimal(values.get(0).toString());
    }

}
