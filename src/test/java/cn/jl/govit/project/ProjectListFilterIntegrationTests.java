package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * The drill-down filters of the project list on PostgreSQL: each filter gives exactly the projects of the unfiltered
 * list that match it (compared row by row), the department's scope holds whatever it asks, a value nobody knows is a
 * 400 naming the parameter, the export carries the same filters and the page keeps them in its links.
 */
@GovItTest
class ProjectListFilterIntegrationTests {

    @LocalServerPort
    int port;

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
    void eachFilterNarrowsTheListToExactlyTheMatchingProjects() {
        String rstProject = ApprovedProjects.approved(api, "rst", 300_000, 12);
        String wjwProject = ApprovedProjects.approved(api, "wjw", 400_000, 12);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        List<Map<String, Object>> all = list("szsj", "");
        assertThat(ids(all)).contains(rstProject, wjwProject);

        assertFilter("szsj", all, "&department=RST", p -> "RST".equals(p.get("leadOrganizationCode")), rstProject);
        assertFilter("szsj", all, "&department=WJW", p -> "WJW".equals(p.get("leadOrganizationCode")), wjwProject);
        assertFilter("szsj", all, "&authority=DIGITAL_BUREAU", p -> "DIGITAL_BUREAU".equals(p.get("approvalAuthority")),
                rstProject);
        assertFilter("szsj", all, "&authority=DEVELOPMENT_REFORM",
                p -> "DEVELOPMENT_REFORM".equals(p.get("approvalAuthority")), null);
        assertFilter("szsj", all, "&path=SIMPLE", p -> "SIMPLE".equals(path(p)), rstProject);
        assertFilter("szsj", all, "&path=STANDARD", p -> "STANDARD".equals(path(p)), null);
        assertFilter("szsj", all, "&approvedYear=" + year,
                p -> p.get("approvedOn") != null && ((String) p.get("approvedOn")).startsWith(year + "-"), rstProject);
        assertFilter("szsj", all, "&approvedYear=" + (year - 1),
                p -> p.get("approvedOn") != null && ((String) p.get("approvedOn")).startsWith((year - 1) + "-"), null);
        assertFilter("szsj", all, "&department=RST&status=APPROVED&path=SIMPLE&approvedYear=" + year,
                p -> "RST".equals(p.get("leadOrganizationCode")) && "APPROVED".equals(p.get("status"))
                        && "SIMPLE".equals(path(p)), rstProject);
        assertThat(list("szsj", "&department=RST&authority=DIGITAL_BUREAU")).isNotEmpty()
                .hasSizeLessThan(all.size());
    }

    @Test
    void aDepartmentNamingAnotherDepartmentSeesNothingOutsideItsScope() {
        String wjwProject = ApprovedProjects.approved(api, "wjw", 200_000, 12);
        List<Map<String, Object>> wjwForSzsj = list("szsj", "&department=WJW");
        assertThat(ids(wjwForSzsj)).contains(wjwProject);
        List<Map<String, Object>> wjwForRst = list("rst", "&department=WJW");
        // Only a WJW project RST takes part in could appear; the demo data and this test create none.
        assertThat(wjwForRst).allSatisfy(p -> assertThat(((List<?>) p.get("participatingOrganizationCodes")).contains("RST"))
                .isTrue());
        assertThat(ids(wjwForRst)).doesNotContain(wjwProject);
        assertThat(api.as("rst").get("projects?department=WJW").text("$.totalElements")).isEqualTo(
                String.valueOf(wjwForRst.size()));
        // Its own department is its own list of projects it leads.
        List<Map<String, Object>> own = list("rst", "");
        assertThat(ids(list("rst", "&department=RST"))).containsExactlyInAnyOrderElementsOf(ids(own.stream()
                .filter(p -> "RST".equals(p.get("leadOrganizationCode"))).toList()));
        // Experts and the administrator see no projects, whatever they ask.
        assertThat(api.as("expert1").get("projects?department=RST").text("$.totalElements")).isEqualTo("0");
    }

    @Test
    void unknownValuesAre400NamingTheParameter() throws Exception {
        for (String[] bad : List.of(new String[] {"department=NOPE", "department"},
                new String[] {"authority=CZT", "authority"}, new String[] {"path=SHORTCUT", "path"},
                new String[] {"approvedYear=twenty", "approvedYear"}, new String[] {"approvedYear=1999", "approvedYear"},
                new String[] {"status=NOPE", "status"})) {
            Response response = api.as("szsj").get("projects?" + bad[0]);
            assertThat(response.status()).as(bad[0] + " " + response).isEqualTo(400);
            assertThat(response.body()).as(bad[0]).contains("\"" + bad[1] + "\"");
            assertThat(Xlsx.download(port, "szsj", "/api/v1/projects/export.xlsx?" + bad[0], null)
                    .statusCode()).as("export " + bad[0]).isEqualTo(400);
        }
        // The page ignores what it does not understand, like its status filter always did.
        assertThat(new Pages(context, users).perform("szsj", get("/projects").param("department", "NOPE")
                .param("approvedYear", "x")).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theExportCarriesTheFilters() throws Exception {
        String rstProject = ApprovedProjects.approved(api, "rst", 250_000, 12);
        String code = api.as("rst").get("projects/" + rstProject).text("$.code");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String filter = "department=RST&authority=DIGITAL_BUREAU&path=SIMPLE&approvedYear=" + year;
        List<Map<String, Object>> listed = list("szsj", "&" + filter);
        try (XSSFWorkbook book = Xlsx.reopen(Xlsx.download(port,
                "szsj", "/api/v1/projects/export.xlsx?" + filter, null).body())) {
            Xlsx.assertNoFormula(book.getSheetAt(0));
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(listed.size());
            List<String> codes = new ArrayList<>();
            book.getSheetAt(0).forEach(r -> {
                if (r.getRowNum() > 0) {
                    codes.add(r.getCell(0).getStringCellValue());
                }
            });
            assertThat(codes).contains(code).containsExactlyInAnyOrderElementsOf(
                    listed.stream().map(p -> (String) p.get("code")).toList());
        }
    }

    @Test
    void thePageShowsTheFiltersAndKeepsThemInItsLinks() throws Exception {
        Pages pages = new Pages(context, users);
        String body = pages.body("szsj", get("/projects").param("department", "RST").param("authority", "DIGITAL_BUREAU")
                .param("size", "1"));
        assertThat(body).contains("<option value=\"RST\" selected=\"selected\">省人力资源和社会保障厅</option>");
        assertThat(body).contains("<option value=\"DIGITAL_BUREAU\" selected=\"selected\"");
        assertThat(body).contains("/projects/export.xlsx?department=RST&amp;authority=DIGITAL_BUREAU\"");
        assertThat(body).contains("/projects?department=RST&amp;authority=DIGITAL_BUREAU&amp;page=1&amp;size=1");
        String englishBody = pages.body("szsj", get("/projects").param("lang", "en"));
        assertThat(englishBody).contains("Lead organisation", "Approval path", "Year of approval");
    }

    private void assertFilter(String user, List<Map<String, Object>> all, String query,
            Predicate<Map<String, Object>> matches, String mustContain) {
        List<String> expected = ids(all.stream().filter(matches).toList());
        List<String> actual = ids(list(user, query));
        assertThat(actual).as(query).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Long.parseLong(api.as(user).get("projects?size=1" + query).text("$.totalElements")))
                .as(query).isEqualTo(expected.size());
        if (mustContain != null) {
            assertThat(actual).as(query).contains(mustContain);
        }
    }

    private static String path(Map<String, Object> project) {
        return (String) ((Map<?, ?>) project.get("approvalPath")).get("type");
    }

    private static List<String> ids(List<Map<String, Object>> projects) {
        return projects.stream().map(p -> (String) p.get("id")).filter(Objects::nonNull).toList();
    }

    private List<Map<String, Object>> list(String user, String query) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            Response response = api.as(user).get("projects?size=200&page=" + page + query);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            List<Map<String, Object>> batch = response.json("$.content");
            all.addAll(batch);
            if (batch.size() < 200) {
                return all;
            }
        }
    }
}
