package cn.jl.govit.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.project.Xlsx;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * The obligation list's drill-down filters on PostgreSQL: responsible organisation, type, and the project's authority
 * and year of approval narrow the list to exactly the matching rows of the unfiltered list; scope holds; unknown
 * values are a 400 naming the parameter; the export carries the filters; supervising bodies get "raise a finding" on
 * overdue rows, the Leading Group and departments do not.
 */
@GovItTest
class ObligationListFilterIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Projects projects;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void eachFilterNarrowsTheListToExactlyTheMatchingObligations() {
        String project = overdueInitialAcceptance();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        List<Map<String, Object>> all = list("szsj", "");
        assertFilter(all, "&department=RST", o -> "RST".equals(o.get("responsibleOrganizationCode")));
        assertFilter(all, "&type=INITIAL_ACCEPTANCE", o -> "INITIAL_ACCEPTANCE".equals(o.get("type")));
        assertFilter(all, "&status=OVERDUE&department=RST",
                o -> "OVERDUE".equals(o.get("status")) && "RST".equals(o.get("responsibleOrganizationCode")));
        List<Map<String, Object>> overdue = list("szsj", "&status=OVERDUE&department=RST&type=INITIAL_ACCEPTANCE"
                + "&authority=DIGITAL_BUREAU&approvedYear=" + year);
        assertThat(overdue).extracting(o -> o.get("projectId")).contains(project);
        assertThat(list("szsj", "&authority=DEVELOPMENT_REFORM")).extracting(o -> o.get("projectId"))
                .doesNotContain(project);
        assertThat(list("szsj", "&approvedYear=" + (year - 1))).extracting(o -> o.get("projectId"))
                .doesNotContain(project);
    }

    @Test
    void aDepartmentNamingAnotherSeesOnlyItsOwnScope() {
        overdueInitialAcceptance();
        List<Map<String, Object>> own = list("rst", "");
        List<Map<String, Object>> named = list("rst", "&department=WJW");
        assertThat(named).containsExactlyInAnyOrderElementsOf(own.stream()
                .filter(o -> "WJW".equals(o.get("responsibleOrganizationCode"))).toList());
        assertThat(list("szsj", "&department=RST")).isNotEmpty();
        // WJW takes no part in RST's projects: naming RST shows it nothing of them.
        assertThat(list("wjw", "&department=RST")).containsExactlyInAnyOrderElementsOf(list("wjw", "").stream()
                .filter(o -> "RST".equals(o.get("responsibleOrganizationCode"))).toList());
    }

    @Test
    void unknownValuesAre400NamingTheParameter() throws Exception {
        for (String[] bad : List.of(new String[] {"department=NOPE", "department"}, new String[] {"type=NOPE", "type"},
                new String[] {"authority=CZT", "authority"}, new String[] {"approvedYear=1999", "approvedYear"},
                new String[] {"status=LATE", "status"})) {
            Response response = api.as("szsj").get("obligations?" + bad[0]);
            assertThat(response.status()).as(bad[0] + " " + response).isEqualTo(400);
            assertThat(response.body()).as(bad[0]).contains("\"" + bad[1] + "\"");
            assertThat(Xlsx.download(port, "szsj", "/api/v1/obligations/export.xlsx?" + bad[0],
                    null).statusCode()).as("export " + bad[0]).isEqualTo(400);
        }
    }

    @Test
    void theExportCarriesTheFilters() throws Exception {
        overdueInitialAcceptance();
        String filter = "status=OVERDUE&department=RST&type=INITIAL_ACCEPTANCE";
        long total = Long.parseLong(api.as("szsj").get("obligations?" + filter).text("$.totalElements"));
        assertThat(total).isPositive();
        try (XSSFWorkbook book = Xlsx.reopen(Xlsx.download(port,
                "szsj", "/api/v1/obligations/export.xlsx?" + filter, null).body())) {
            Xlsx.assertNoFormula(book.getSheetAt(0));
            assertThat((long) book.getSheetAt(0).getLastRowNum()).isEqualTo(total);
        }
    }

    @Test
    void supervisingBodiesGetRaiseAFindingOnOverdueRowsOnly() throws Exception {
        String project = overdueInitialAcceptance();
        String obligation = jdbc.sql("SELECT id FROM obligation WHERE project_id = :p AND type = 'INITIAL_ACCEPTANCE'")
                .param("p", UUID.fromString(project)).query(String.class).single();
        Pages pages = new Pages(context, users);
        String szsj = pages.body("szsj", get("/obligations").param("status", "OVERDUE").param("department", "RST")
                .param("type", "INITIAL_ACCEPTANCE"));
        assertThat(szsj).contains("/projects/" + project + "/findings?obligation=" + obligation, "data-testid=\"raise-finding\"");
        assertThat(szsj).contains("<option value=\"RST\" selected=\"selected\">");
        assertThat(szsj).contains("/obligations/export.xlsx?status=OVERDUE&amp;department=RST&amp;type=INITIAL_ACCEPTANCE\"");
        String open = pages.body("szsj", get("/obligations").param("status", "OPEN"));
        assertThat(open).doesNotContain("data-testid=\"raise-finding\"");
        for (String other : List.of("ldxz", "rst")) {
            assertThat(pages.body(other, get("/obligations").param("status", "OVERDUE")))
                    .as(other).doesNotContain("data-testid=\"raise-finding\"");
        }
        assertThat(pages.body("czt", get("/obligations").param("status", "OVERDUE").param("department", "RST")))
                .contains("data-testid=\"raise-finding\"");
    }

    /** A project of RST under construction whose initial acceptance is overdue, as the daily scan would mark it. */
    private String overdueInitialAcceptance() {
        String project = ApprovedProjects.underConstruction(api, "rst", 500_000, 12);
        int marked = jdbc.sql("""
                UPDATE obligation SET status = 'OVERDUE', due_date = :due, version = version + 1
                WHERE project_id = :id AND type = 'INITIAL_ACCEPTANCE' AND status = 'OPEN'""")
                .param("due", projects.today().minusDays(1)).param("id", UUID.fromString(project)).update();
        assertThat(marked).isEqualTo(1);
        return project;
    }

    private void assertFilter(List<Map<String, Object>> all, String query, Predicate<Map<String, Object>> matches) {
        List<Object> expected = all.stream().filter(matches).map(o -> o.get("id")).toList();
        assertThat(expected).as(query).isNotEmpty();
        assertThat(list("szsj", query)).extracting(o -> o.get("id")).as(query)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Long.parseLong(api.as("szsj").get("obligations?size=1" + query).text("$.totalElements")))
                .as(query).isEqualTo(expected.size());
    }

    private List<Map<String, Object>> list(String user, String query) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            Response response = api.as(user).get("obligations?size=200&page=" + page + query);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            List<Map<String, Object>> batch = response.json("$.content");
            all.addAll(batch);
            if (batch.size() < 200) {
                return all;
            }
        }
    }
}
