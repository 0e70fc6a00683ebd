package cn.jl.govit.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.project.Stage;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * The to-do page and API: what is due and overdue for the responsible department and the approval authority, the
 * projects awaiting an approver's decision, the mail preference form, and the Excel export of the notifications.
 */
@GovItTest
class NotificationTodoIntegrationTests {

    @LocalServerPort int port;
    @Autowired WebApplicationContext context;
    @Autowired UserDetailsService userDetails;
    @Autowired TransactionTemplate tx;
    @Autowired Obligations obligations;
    @Autowired Notifications notifications;
    @Autowired Projects projects;
    @Autowired RunAs runAs;

    Api api;
    Pages pages;

    @BeforeEach
    void clients() {
        api = new Api(port);
        pages = new Pages(context, userDetails);
    }

    @AfterEach
    void digestIsTheDefaultAgain() {
        runAs.run("czt", () -> notifications.choosePreference(MailPreference.DIGEST));
    }

    private List<Map<String, Object>> todo(String user) {
        Response response = api.as(user).get("me/notifications/todo");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json("$");
    }

    private static boolean mentions(List<Map<String, Object>> items, String kind, String text) {
        return items.stream().anyMatch(i -> kind.equals(i.get("kind")) && ((String) i.get("text")).contains(text));
    }

    @Test
    void obligationsDueAndOverdueReachTheDepartmentAndOverdueOnesTheAuthority() {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        UUID id = UUID.fromString(project);
        String code = api.as("rst").get("projects/" + project).text("$.code");
        LocalDate today = obligations.today();
        String soon = "T" + UUID.randomUUID().toString().substring(0, 6);
        String late = "T" + UUID.randomUUID().toString().substring(0, 6);
        String far = "T" + UUID.randomUUID().toString().substring(0, 6);
        tx.executeWithoutResult(s -> {
            obligations.open(id, ObligationType.RECTIFICATION, soon, today.plusDays(5), null, null, "RST");
            obligations.open(id, ObligationType.RECTIFICATION, late, today.minusDays(1), null, null, "RST");
            obligations.open(id, ObligationType.RECTIFICATION, far, today.plusDays(200), null, null, "RST");
        });

        List<Map<String, Object>> rst = todo("rst");
        assertThat(mentions(rst, "DUE", "（" + soon + "）")).isTrue();
        assertThat(mentions(rst, "OVERDUE", "（" + late + "）")).isTrue();
        assertThat(mentions(rst, "DUE", "（" + far + "）")).as("beyond the reminder horizon").isFalse();
        Map<String, Object> first = rst.stream().filter(i -> ((String) i.get("text")).contains(late)).findFirst().orElseThrow();
        assertThat(first.get("link")).isEqualTo("/projects/" + project + "/obligations");
        assertThat(rst.indexOf(first)).as("overdue first")
                .isLessThan(rst.indexOf(rst.stream().filter(i -> ((String) i.get("text")).contains(soon)).findFirst().orElseThrow()));

        List<Map<String, Object>> szsj = todo("szsj");
        assertThat(mentions(szsj, "OVERDUE", late)).as("the authority sees what is overdue").isTrue();
        assertThat(mentions(szsj, "DUE", soon)).as("not what is merely due").isFalse();
        assertThat(mentions(todo("wjw"), "OVERDUE", late)).as("another department").isFalse();
        assertThat(mentions(todo("fgw"), "OVERDUE", late)).as("another authority").isFalse();
        assertThat(mentions(todo("rst"), "OVERDUE", code)).isTrue();
    }

    @Test
    void aProjectInApprovalAwaitsItsAuthoritysDecision() throws Exception {
        Response created = api.as("rst").post("projects", ApprovedProjects.simpleProposal(Api.unique("待审项目"), 800_000, 6));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String project = created.text("$.id");
        String code = created.text("$.code");
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED")).status())
                .isEqualTo(200);
        assertThat(mentions(todo("szsj"), "DECISION", code)).as("a draft awaits nobody").isFalse();
        runAs.run("rst", () -> projects.submitStage(UUID.fromString(project), Stage.FEASIBILITY_STUDY));

        assertThat(mentions(todo("szsj"), "DECISION", code)).isTrue();
        assertThat(mentions(todo("fgw"), "DECISION", code)).as("another authority").isFalse();
        assertThat(mentions(todo("rst"), "DECISION", code)).as("the department decides nothing").isFalse();
        assertThat(api.as("szsj").english().get("me/notifications/todo").<List<String>>json("$[*].text"))
                .anyMatch(t -> t.contains("Project " + code) && t.contains("awaits your decision"));

        String page = pages.body("szsj", get("/notifications"));
        assertThat(page).contains("data-testid=\"todo\"").contains(code).contains("data-kind=\"DECISION\"")
                .contains("href=\"/projects/" + project + "\"");
    }

    @Test
    void theUserChoosesTheMailPreferenceOnThePage() throws Exception {
        String page = pages.body("czt", get("/notifications"));
        assertThat(page).contains("data-testid=\"preference\"")
                .containsPattern("value=\"DIGEST\"\\s+checked")
                .contains("每日摘要（每天一封）").contains("href=\"/notifications/export.xlsx\"");

        MvcResult saved = pages.perform("czt", post("/notifications/preference").param("mail", "NONE").with(csrf()));
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/notifications#preference");
        assertThat(notifications.preference("czt")).isEqualTo(MailPreference.NONE);
        assertThat(pages.body("czt", get("/notifications"))).containsPattern("value=\"NONE\"\\s+checked");
        assertThat(notifications.preference("rst")).as("per account").isEqualTo(MailPreference.DIGEST);

        MvcResult forged = pages.perform("czt", post("/notifications/preference").param("mail", "HOURLY").with(csrf()));
        assertThat(forged.getResponse().getStatus()).isEqualTo(400);
        assertThat(Pages.body(forged)).contains("data-testid=\"errors\"").contains("data-field=\"mail\"")
                .contains("邮件提醒方式");
        assertThat(notifications.preference("czt")).isEqualTo(MailPreference.NONE);

        assertThat(pages.perform("czt", post("/notifications/preference").param("mail", "EACH")).getResponse().getStatus())
                .as("without CSRF token").isEqualTo(403);
        assertThat(notifications.preference("czt")).isEqualTo(MailPreference.NONE);
    }

    @Test
    void theApiReadsAndChangesTheCallersPreference() {
        assertThat(api.as("czt").get("me/notifications/preference").text("$.mail")).isEqualTo("DIGEST");
        Response changed = api.as("czt").send(HttpMethod.PUT, "me/notifications/preference", "application/json",
                Map.of("mail", "EACH"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("$.mail")).isEqualTo("EACH");
        assertThat(notifications.preference("czt")).isEqualTo(MailPreference.EACH);

        assertThat(api.as("czt").send(HttpMethod.PUT, "me/notifications/preference", "application/json",
                Map.of("mail", "HOURLY")).status()).isEqualTo(400);
        assertThat(api.as("czt").send(HttpMethod.PUT, "me/notifications/preference", "application/json",
                Map.of()).status()).isEqualTo(400);
        assertThat(api.anonymous().get("me/notifications/preference").status()).isEqualTo(401);
        assertThat(notifications.preference("czt")).isEqualTo(MailPreference.EACH);
    }

    @Test
    void theNotificationListExportsAsAWorkbookOfTheCallersOwnNotifications() throws Exception {
        String subject = "X" + UUID.randomUUID().toString().substring(0, 6);
        tx.executeWithoutResult(s -> notifications.notifyMembers("CZT", Role.FINANCE_OFFICER,
                Notice.of("obligation.notice.reminder", "/obligations", null, "export:" + subject,
                        "#enum.ObligationType.PERFORMANCE_REPORT", subject, "2031-12-31", "JLZW-2031-0001", "社保卡系统",
                        "ART-20")));

        MvcResult page = pages.perform("czt", get("/notifications/export.xlsx"));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getHeader("Content-Disposition")).contains("attachment").contains(".xlsx");
        long total = ((Number) api.as("czt").get("me/notifications?size=1").json("$.totalElements")).longValue();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(page.getResponse().getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("状态");
            assertThat((long) sheet.getLastRowNum()).isEqualTo(total);
            boolean found = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
                if (row.getRowNum() > 0 && row.getCell(1).getStringCellValue().contains("（" + subject + "）")) {
                    found = true;
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo("未读");
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("/obligations");
                }
            }
            assertThat(found).isTrue();
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                download("rst", "/api/v1/me/notifications/export.xlsx?lang=en").body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Status");
            for (Row row : book.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(1).getStringCellValue()).as("not czt's").doesNotContain(subject);
                }
            }
        }
        assertThat(download(null, "/api/v1/me/notifications/export.xlsx").statusCode()).isEqualTo(401);
    }

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
