package cn.jl.govit.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * Every number of the overview drills down to a list that shows exactly that many rows: the project counts by status,
 * path and department and the KPIs equal the {@code totalElements} of the project list their link opens, the
 * overdue obligations by department those of the obligation list; with and without the overview's filter. Open
 * findings by area and sanctions in force by kind count the supervision tables and link to their lists.
 */
@GovItTest
class OverviewDrillDownIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Projects projects;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService userDetails;

    @Test
    void everyNumberEqualsTheTotalOfTheListItLinksTo() {
        Api api = new Api(port);
        String building = ApprovedProjects.underConstruction(api, "rst", 700_000, 12);
        markInitialAcceptanceOverdue(building);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        for (String filter : List.of("", "?authority=DIGITAL_BUREAU&year=" + year, "?authority=DEVELOPMENT_REFORM")) {
            Response o = api.as("szsj").get("overview" + filter);
            assertThat(o.status()).as(o.toString()).isEqualTo(200);
            List<Map<String, Object>> buckets = o.json("$.byStatus");
            buckets.addAll(o.<List<Map<String, Object>>>json("$.byPathType"));
            for (Map<String, Object> b : buckets) {
                assertThat(total(api, (String) b.get("link"))).as(filter + " " + b).isEqualTo(number(b.get("count")));
            }
            List<Map<String, Object>> departments = o.json("$.byDepartment");
            for (Map<String, Object> d : departments) {
                if (d.get("organizationCode") != null) {
                    assertThat((String) d.get("link")).contains("department=" + d.get("organizationCode"));
                    assertThat(total(api, (String) d.get("link"))).as(filter + " " + d).isEqualTo(number(d.get("count")));
                }
            }
            List<Map<String, Object>> overdue = o.json("$.overdue");
            for (Map<String, Object> d : overdue) {
                assertThat((String) d.get("link")).startsWith("/obligations?status=OVERDUE&department=" + d.get("organizationCode"));
                assertThat(total(api, (String) d.get("link"))).as(filter + " " + d).isEqualTo(number(d.get("count")));
            }
            Map<String, String> links = o.json("$.kpis.links");
            assertThat(total(api, links.get("projects"))).isEqualTo(Long.parseLong(o.text("$.kpis.projects")));
            assertThat(total(api, links.get("inAcceptance"))).isEqualTo(Long.parseLong(o.text("$.kpis.inAcceptance")));
            assertThat(total(api, links.get("inOperation"))).isEqualTo(Long.parseLong(o.text("$.kpis.inOperation")));
            assertThat(total(api, links.get("overdueObligations")))
                    .isEqualTo(Long.parseLong(o.text("$.kpis.overdueObligations")));
            List<Map<String, Object>> funnel = o.json("$.funnel");
            for (Map<String, Object> f : funnel) {
                assertThat((String) f.get("link")).contains("approvedYear=" + f.get("year"));
                assertThat(total(api, (String) f.get("link"))).as(filter + " " + f).isPositive();
            }
        }
        Response all = api.as("szsj").get("overview");
        assertThat(all.text("$.byStatus[?(@.key == 'UNDER_CONSTRUCTION')].link"))
                .contains("/projects?status=UNDER_CONSTRUCTION");
        List<Integer> rstOverdue = all.json("$.overdue[?(@.organizationCode == 'RST')].count");
        assertThat(rstOverdue).hasSize(1);
        assertThat(rstOverdue.get(0)).isPositive();
        Response filtered = api.as("szsj").get("overview?authority=DIGITAL_BUREAU&year=" + year);
        assertThat(filtered.text("$.byStatus[?(@.key == 'UNDER_CONSTRUCTION')].link"))
                .contains("/projects?status=UNDER_CONSTRUCTION&authority=DIGITAL_BUREAU&approvedYear=" + year);
    }

    @Test
    void openFindingsByAreaAndSanctionsInForceByKind() {
        Api api = new Api(port);
        Response before = api.as("szsj").get("overview");
        Response drcBefore = api.as("fgw").get("overview");
        String project = ApprovedProjects.underConstruction(api, "rst", 600_000, 12);
        UUID open = finding(project, "FUNDS", "OPEN");
        finding(project, "FUNDS", "RECTIFIED");
        finding(project, "FUNDS", "CLOSED");
        sanction(project, open, "SUSPEND_FUNDS", "ACTIVE");
        sanction(project, open, "PUBLIC_CRITICISM", "LIFTED");

        Response after = api.as("szsj").get("overview");
        assertThat(area(after, "FUNDS") - area(before, "FUNDS")).isEqualTo(2);
        assertThat(after.text("$.openFindings[?(@.key == 'FUNDS')].link")).contains("/findings?status=OPEN&area=FUNDS");
        assertThat(after.<List<Object>>json("$.sanctionsInForce")).hasSize(4);
        assertThat(kind(after, "SUSPEND_FUNDS") - kind(before, "SUSPEND_FUNDS")).isEqualTo(1);
        assertThat(kind(after, "PUBLIC_CRITICISM")).isEqualTo(kind(before, "PUBLIC_CRITICISM"));
        assertThat(after.text("$.sanctionsInForce[?(@.key == 'SUSPEND_FUNDS')].link"))
                .contains("/sanctions?kind=SUSPEND_FUNDS&status=ACTIVE");
        // The DRC's own view holds none of the Digital Bureau's project's findings.
        Response drcAfter = api.as("fgw").get("overview");
        assertThat(area(drcAfter, "FUNDS")).isEqualTo(area(drcBefore, "FUNDS"));
        assertThat(kind(drcAfter, "SUSPEND_FUNDS")).isEqualTo(kind(drcBefore, "SUSPEND_FUNDS"));
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Response future = api.as("szsj").get("overview?year=" + (year + 5));
        assertThat(future.<List<Object>>json("$.openFindings")).isEmpty();
        assertThat(future.<List<Integer>>json("$.sanctionsInForce[*].count")).containsOnly(0);
    }

    @Test
    void thePageLinksEveryNumberAndShowsTheNewParts() throws Exception {
        Pages pages = new Pages(context, userDetails);
        String body = pages.body("szsj", get("/overview"));
        assertThat(body).contains("data-testid=\"findings-table\"", "data-testid=\"sanctions-table\"",
                "data-testid=\"link-projects\"", "href=\"/projects?status=UNDER_CONSTRUCTION\"",
                "href=\"/projects?path=SIMPLE\"", "href=\"/projects?department=RST\"",
                "href=\"/sanctions?kind=TERMINATE&amp;status=ACTIVE\"", "href=\"/obligations?type=SELF_EVALUATION\"");
        String filtered = pages.body("szsj", get("/overview").param("authority", "DIGITAL_BUREAU"));
        assertThat(filtered).contains("href=\"/projects?status=UNDER_CONSTRUCTION&amp;authority=DIGITAL_BUREAU\"",
                "href=\"/obligations?status=OVERDUE&amp;authority=DIGITAL_BUREAU\"");
        assertThat(pages.body("czt", get("/overview").param("lang", "en")))
                .contains("Open supervision findings by area", "Sanctions in force by kind", "Suspend construction");
    }

    private void markInitialAcceptanceOverdue(String project) {
        int marked = jdbc.sql("""
                UPDATE obligation SET status = 'OVERDUE', due_date = :due, version = version + 1
                WHERE project_id = :id AND type = 'INITIAL_ACCEPTANCE' AND status = 'OPEN'""")
                .param("due", projects.today().minusDays(1)).param("id", UUID.fromString(project)).update();
        assertThat(marked).isEqualTo(1);
    }

    /** A finding as the findings module stores it (the overview reads the table, whatever wrote it). */
    private UUID finding(String project, String area, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO supervision_finding (id, project_id, lead_org_code, body_org_code, area, facts, raised_on,
                    rectification_due, obligation_subject, status, raised_by, raised_at)
                VALUES (:id, :project, 'RST', 'CZT', :area, '资金使用不规范', :today, :due, :subject, :status, 'czt', :now)""")
                .param("id", id).param("project", UUID.fromString(project)).param("area", area)
                .param("today", projects.today()).param("due", projects.today().plusMonths(6))
                .param("subject", "FINDING-" + id).param("status", status).param("now", java.sql.Timestamp.from(Instant.now()))
                .update();
        return id;
    }

    private void sanction(String project, UUID finding, String kind, String status) {
        boolean lifted = "LIFTED".equals(status);
        jdbc.sql("""
                INSERT INTO supervision_sanction (id, project_id, lead_org_code, kind, rule, finding_id, body_org_code,
                    reason, imposed_on, imposed_by, imposed_at, status, lifted_on, lifted_reason, lifted_by, lifted_at)
                VALUES (:id, :project, 'RST', :kind, 'ART-31', :finding, 'CZT', '拒不整改', :today, 'czt', :now, :status,
                    :liftedOn, :liftedReason, :liftedBy, :liftedAt)""")
                .param("id", UUID.randomUUID()).param("project", UUID.fromString(project)).param("kind", kind)
                .param("finding", finding).param("today", projects.today())
                .param("now", java.sql.Timestamp.from(Instant.now())).param("status", status)
                .param("liftedOn", lifted ? projects.today() : null, java.sql.Types.DATE)
                .param("liftedReason", lifted ? "已整改" : null, java.sql.Types.VARCHAR)
                .param("liftedBy", lifted ? "czt" : null, java.sql.Types.VARCHAR)
                .param("liftedAt", lifted ? java.sql.Timestamp.from(Instant.now()) : null, java.sql.Types.TIMESTAMP)
                .update();
    }

    private static long total(Api api, String link) {
        assertThat(link).startsWith("/");
        String path = link.substring(1);
        Response list = api.as("szsj").get(path + (path.contains("?") ? "&" : "?") + "size=1");
        assertThat(list.status()).as(link + " " + list).isEqualTo(200);
        return Long.parseLong(list.text("$.totalElements"));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static long area(Response overview, String area) {
        List<Integer> counts = overview.json("$.openFindings[?(@.key == '" + area + "')].count");
        return counts.isEmpty() ? 0 : counts.get(0);
    }

    private static long kind(Response overview, String kind) {
        List<Integer> counts = overview.json("$.sanctionsInForce[?(@.key == '" + kind + "')].count");
        return counts.get(0);
    }
}
