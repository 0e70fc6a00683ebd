package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * The exports of the remaining lists (issue 6 item 6): each re-opened with POI has the list's headers in the caller's
 * language, as many rows as the list's total, no formula cell and no personal data column; each is refused to those
 * who may not see the list, audited, published in the OpenAPI description and linked from its page.
 */
@GovItTest
class ListExportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void usersForTheAdministratorWithoutContactDataOrCredentials() throws Exception {
        XSSFSheet sheet = sheet("admin", "/api/v1/users/export.xlsx", null, 200);
        assertThat(Xlsx.headers(sheet)).containsExactly("用户名", "姓名", "所属组织", "角色", "账户状态");
        assertThat((long) Xlsx.rows(sheet)).isEqualTo(total("admin", "users"));
        assertThat(Xlsx.text(sheet)).contains("rst", "expert1").doesNotContain("@", "$2", "{bcrypt}", "Demo@2026");
        XSSFSheet experts = sheet("admin", "/api/v1/users/export.xlsx?q=expert", null, 200);
        assertThat((long) Xlsx.rows(experts)).isEqualTo(total("admin", "users?q=expert")).isLessThan(Xlsx.rows(sheet));
        assertThat(Xlsx.headers(sheet("admin", "/api/v1/users/export.xlsx", "en", 200))).startsWith("User name", "Name", "Organisation");
        for (String other : List.of("szsj", "rst", "expert1")) {
            assertThat(Xlsx.download(port, other, "/api/v1/users/export.xlsx", null).statusCode()).as(other).isEqualTo(403);
        }
        assertThat(Xlsx.download(port, null, "/api/v1/users/export.xlsx", null).statusCode()).isEqualTo(401);
    }

    @Test
    void organizationsForTheAdministrator() throws Exception {
        XSSFSheet sheet = sheet("admin", "/api/v1/organizations/export.xlsx", null, 200);
        assertThat(Xlsx.headers(sheet)).containsExactly("组织代码", "中文名称", "英文名称", "类型", "监督职责领域", "启用");
        assertThat(Xlsx.rows(sheet)).isEqualTo(api.as("admin").get("organizations").<List<Object>>json("$").size());
        assertThat(Xlsx.download(port, "rst", "/api/v1/organizations/export.xlsx", null).statusCode()).isEqualTo(403);
    }

    @Test
    void theExpertPoolWithoutPersonalData() throws Exception {
        XSSFSheet sheet = sheet("szsj", "/api/v1/experts/export.xlsx", null, 200);
        assertThat(Xlsx.headers(sheet)).containsExactly("用户名", "姓名", "所在单位", "专业领域", "参与抽取");
        assertThat(Xlsx.rows(sheet)).isEqualTo(api.as("szsj").get("experts").<List<Object>>json("$").size());
        String text = Xlsx.text(sheet);
        assertThat(text).contains("expert1").doesNotContain("@");
        assertThat(String.join(" ", Xlsx.headers(sheet))).doesNotContain("身份证", "电话", "手机", "邮箱");
        for (String other : List.of("rst", "expert1", "czt")) {
            assertThat(Xlsx.download(port, other, "/api/v1/experts/export.xlsx", null).statusCode()).as(other).isEqualTo(403);
        }
    }

    @Test
    void upgradesWithTheStatusFilterAndScope() throws Exception {
        XSSFSheet all = sheet("ldxz", "/api/v1/upgrades/export.xlsx", null, 200);
        assertThat(Xlsx.headers(all)).hasSize(6);
        assertThat((long) Xlsx.rows(all)).isEqualTo(total("ldxz", "upgrades"));
        XSSFSheet requested = sheet("ldxz", "/api/v1/upgrades/export.xlsx?status=SUBMITTED", null, 200);
        assertThat((long) Xlsx.rows(requested)).isEqualTo(total("ldxz", "upgrades?status=SUBMITTED"));
        assertThat((long) Xlsx.rows(sheet("rst", "/api/v1/upgrades/export.xlsx", null, 200))).isEqualTo(total("rst", "upgrades"));
        // Someone whose list is empty gets an empty sheet, never another's rows.
        assertThat(Xlsx.rows(sheet("expert1", "/api/v1/upgrades/export.xlsx", null, 200))).isZero();
        assertThat(Xlsx.download(port, "ldxz", "/api/v1/upgrades/export.xlsx?status=NOPE", null).statusCode()).isEqualTo(400);
    }

    @Test
    void theApprovalQueueForApprovers() throws Exception {
        XSSFSheet sheet = sheet("szsj", "/api/v1/approvals/export.xlsx", null, 200);
        assertThat(Xlsx.headers(sheet)).containsExactly("项目编号", "项目名称", "项目建设单位", "审批环节", "申报次数", "提交时间");
        assertThat(Xlsx.rows(sheet)).isEqualTo(api.as("szsj").get("me/awaiting-decision").<List<Object>>json("$").size());
        for (String other : List.of("rst", "ldxz", "admin")) {
            assertThat(Xlsx.download(port, other, "/api/v1/approvals/export.xlsx", null).statusCode()).as(other).isEqualTo(403);
        }
    }

    @Test
    void theAcceptanceAndArchiveQueues() throws Exception {
        XSSFSheet acceptance = sheet("szsj", "/api/v1/final-acceptance/applications/export.xlsx", null, 200);
        assertThat(Xlsx.headers(acceptance)).hasSize(7).startsWith("项目编号");
        assertThat((long) Xlsx.rows(acceptance)).isEqualTo(total("szsj", "final-acceptance/applications"));
        assertThat(Xlsx.download(port, "rst", "/api/v1/final-acceptance/applications/export.xlsx", null).statusCode())
                .isEqualTo(403);
        XSSFSheet archive = sheet("daj", "/api/v1/archive-acceptance/applications/export.xlsx", null, 200);
        assertThat(Xlsx.headers(archive)).hasSize(6).startsWith("项目编号");
        assertThat((long) Xlsx.rows(archive)).isEqualTo(total("daj", "archive-acceptance/applications"));
        for (String other : List.of("rst", "szsj")) {
            assertThat(Xlsx.download(port, other, "/api/v1/archive-acceptance/applications/export.xlsx", null)
                    .statusCode()).as(other).isEqualTo(403);
        }
    }

    @Test
    void everyExportIsAuditedDocumentedAndLinkedFromItsPage() throws Exception {
        long before = exports();
        sheet("admin", "/api/v1/organizations/export.xlsx", null, 200);
        sheet("szsj", "/api/v1/experts/export.xlsx", null, 200);
        assertThat(exports()).isEqualTo(before + 2);
        String docs = api.as("szsj").get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/users/export.xlsx", "/api/v1/organizations/export.xlsx",
                "/api/v1/experts/export.xlsx", "/api/v1/upgrades/export.xlsx", "/api/v1/approvals/export.xlsx",
                "/api/v1/final-acceptance/applications/export.xlsx", "/api/v1/archive-acceptance/applications/export.xlsx");
        Pages pages = new Pages(context, users);
        Map<String, String[]> links = Map.of(
                "admin", new String[] {"/admin/users", "/admin/users/export.xlsx?q=expert", "q=expert"},
                "szsj", new String[] {"/experts", "/experts/export.xlsx", null});
        for (var e : links.entrySet()) {
            var request = get(e.getValue()[0]);
            if (e.getValue()[2] != null) {
                request = request.param("q", "expert");
            }
            assertThat(pages.body(e.getKey(), request)).contains("href=\"" + e.getValue()[1] + "\"");
        }
        assertThat(pages.body("admin", get("/admin/organizations"))).contains("href=\"/admin/organizations/export.xlsx\"");
        assertThat(pages.body("ldxz", get("/upgrades").param("status", "SUBMITTED")))
                .contains("href=\"/upgrades/export.xlsx?status=SUBMITTED\"");
        assertThat(pages.body("szsj", get("/approvals"))).contains("href=\"/approvals/export.xlsx\"");
        assertThat(pages.body("szsj", get("/acceptance/applications"))).contains("href=\"/acceptance/applications/export.xlsx\"");
        assertThat(pages.body("daj", get("/archives/applications"))).contains("href=\"/archives/applications/export.xlsx\"");
        // The page paths download through the session like the API.
        var download = pages.perform("daj", get("/archives/applications/export.xlsx"));
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(pages.perform("admin", get("/admin/users/export.xlsx")).getResponse().getStatus()).isEqualTo(200);
    }

    private XSSFSheet sheet(String user, String path, String language, int status) throws Exception {
        HttpResponse<byte[]> response = Xlsx.download(port, user, path, language);
        assertThat(response.statusCode()).as(path + " " + new String(response.body())).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        try (XSSFWorkbook book = Xlsx.reopen(response.body())) {
            XSSFSheet sheet = book.getSheetAt(0);
            Xlsx.assertNoFormula(sheet);
            return sheet;
        }
    }

    private long total(String user, String list) {
        var response = api.as(user).get(list);
        assertThat(response.status()).as(list + " " + response).isEqualTo(200);
        return Long.parseLong(response.text("$.totalElements"));
    }

    private long exports() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORTED'").query(Long.class).single();
    }
}
