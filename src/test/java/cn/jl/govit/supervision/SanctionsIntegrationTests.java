package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * The sanction ladder of Art. 31 through the API on PostgreSQL, each sanction with its real effect: Finance's
 * suspension of funds refuses further disbursements ({@code 422 ART-31}) until lifted; the authority's suspension of
 * construction refuses construction records and is not undone by an Art. 22 resumption; termination, only after an
 * earlier sanction, leaves the project read-only with its obligations waived and cannot be lifted; public criticism
 * is published to every signed-in user. Who may impose what, and when a finding warrants it, are checked on each call.
 */
@GovItTest
class SanctionsIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

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

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    static Map<String, Object> sanction(String kind, String findingId, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("findingId", findingId);
        body.put("reason", reason);
        return body;
    }

    String raise(String body, String project, String area, LocalDate due) {
        Response raised = api.as(body).post("projects/" + project + "/findings",
                Map.of("area", area, "facts", "问题事实 " + area, "rectificationDue", due.toString()));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        return raised.text("$.id");
    }

    String plan(String project, long amount) {
        Response issued = api.as("czt").post("projects/" + project + "/fund-plans",
                Map.of("source", "DIGITAL_JILIN_FUND", "amount", amount, "issuedOn", today().toString()));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.text("$.id");
    }

    Response disburse(String project, String plan, long amount) {
        return api.as("czt").post("projects/" + project + "/fund-plans/" + plan + "/disbursements",
                Map.of("amount", amount, "disbursedOn", today().toString()));
    }

    List<String> actions(String project) {
        return api.as("sjt").get("audit-events?projectId=" + project + "&size=200").json("$.content[*].action");
    }

    @Test
    void financeSuspendsFundsOnlyOnceTheDeadlinePassedAndDisbursementsAreRefusedUntilItIsLifted() {
        String project = ApprovedProjects.underConstruction(api, "rst", 3_000_000, 12);
        String plan = plan(project, 1_000_000);
        LocalDate due = today().plusDays(10);
        String finding = raise("czt", project, "FUNDS", due);

        // on the deadline itself the unit still has time: no sanction yet
        clock.advance(Duration.ofDays(10));
        Response early = api.as("czt").post("projects/" + project + "/sanctions", sanction("SUSPEND_FUNDS", finding, "逾期未整改"));
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.text("$.violations[0].rule")).isEqualTo("ART-31");
        assertThat(early.text("$.violations[0].article")).isEqualTo("第三十一条");

        clock.advance(Duration.ofDays(1));
        // only Finance suspends funds; a department is no supervising body at all
        Response wrongBody = api.as("szsj").post("projects/" + project + "/sanctions", sanction("SUSPEND_FUNDS", finding, "x"));
        assertThat(wrongBody.status()).as(wrongBody.toString()).isEqualTo(422);
        assertThat(wrongBody.text("$.violations[0].item")).isEqualTo("kind");
        assertThat(api.as("rst").post("projects/" + project + "/sanctions", sanction("SUSPEND_FUNDS", finding, "x")).status())
                .isEqualTo(403);
        assertThat(api.as("wjw").post("projects/" + project + "/sanctions", sanction("SUSPEND_FUNDS", finding, "x")).status())
                .isEqualTo(404);
        assertThat(api.as("czt").post("projects/" + project + "/sanctions", Map.of("kind", "SUSPEND_FUNDS", "reason", "x")).status())
                .isEqualTo(400);
        assertThat(api.as("czt").post("projects/" + project + "/sanctions", Map.of("kind", "BANISH", "findingId", finding,
                "reason", "x")).status()).isEqualTo(400);

        Response suspended = api.as("czt").post("projects/" + project + "/sanctions",
                sanction("SUSPEND_FUNDS", finding, "资金使用问题逾期未整改，暂缓拨付资金"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);
        assertThat(suspended.text("$.rule")).isEqualTo("ART-31");
        assertThat(suspended.text("$.findingId")).isEqualTo(finding);
        String sanctionId = suspended.text("$.id");

        Response again = api.as("czt").post("projects/" + project + "/sanctions", sanction("SUSPEND_FUNDS", finding, "again"));
        assertThat(again.status()).isEqualTo(422);

        Response refused = disburse(project, plan, 100_000);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.text("$.violations[0].rule")).isEqualTo("ART-31");
        assertThat(api.as("czt").get("projects/" + project + "/funds").<Number>json("$.disbursed").doubleValue()).isZero();

        // only the imposing body lifts
        assertThat(api.as("szsj").post("sanctions/" + sanctionId + "/lifting", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.as("czt").post("sanctions/" + sanctionId + "/lifting", Map.of()).status()).isEqualTo(400);
        Response lifted = api.as("czt").post("sanctions/" + sanctionId + "/lifting", Map.of("reason", "已完成整改并经复核"));
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
        assertThat(lifted.text("$.status")).isEqualTo("LIFTED");
        assertThat(api.as("czt").post("sanctions/" + sanctionId + "/lifting", Map.of("reason", "again")).status()).isEqualTo(422);

        assertThat(disburse(project, plan, 100_000).status()).isEqualTo(201);
        assertThat(actions(project)).contains("SANCTION_IMPOSED", "FUNDS_SUSPENDED", "SANCTION_LIFTED", "FUNDS_RESUMED");
        assertThat(api.as("rst").get("projects/" + project + "/sanctions").<List<Object>>json("$[*].id")).hasSize(1);
    }

    @Test
    void aRejectedRectificationWarrantsSuspendingConstructionWhichOnlyLiftingEnds() {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        String finding = raise("szsj", project, "PROGRESS", today().plusMonths(1));
        Response rectified = api.as("rst").post("findings/" + finding + "/rectification",
                Map.of("rectifiedOn", today().toString(), "summary", "已调整进度计划"));
        assertThat(rectified.status()).as(rectified.toString()).isEqualTo(200);
        // awaiting review is no refusal
        assertThat(api.as("szsj").post("projects/" + project + "/sanctions",
                sanction("SUSPEND_CONSTRUCTION", finding, "x")).status()).isEqualTo(422);
        assertThat(api.as("szsj").post("findings/" + finding + "/review",
                Map.of("decision", "REJECTED", "opinion", "整改后仍不符合要求")).status()).isEqualTo(200);

        Response suspended = api.as("szsj").post("projects/" + project + "/sanctions",
                sanction("SUSPEND_CONSTRUCTION", finding, "整改后仍不符合要求，暂停项目建设"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("SUSPENDED");

        Response record = api.as("rst").send(org.springframework.http.HttpMethod.PUT, "projects/" + project + "/legal-person",
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, Map.of("name", "吉林省人社信息中心",
                        "legalRepresentative", "张三", "unifiedSocialCreditCode", "12220000MB1234567X"));
        assertThat(record.status()).as(record.toString()).isEqualTo(422);
        assertThat(record.text("$.violations[0].rule")).isEqualTo("ART-31");

        Response resumed = api.as("szsj").post("projects/" + project + "/resumption", Map.of("reason", "按第二十二条恢复"));
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(422);
        assertThat(resumed.text("$.violations[0].rule")).isEqualTo("ART-31");

        Response lifted = api.as("szsj").post("sanctions/" + suspended.text("$.id") + "/lifting", Map.of("reason", "已整改到位"));
        assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("UNDER_CONSTRUCTION");
    }

    @Test
    void terminationIsTheLastStepLeavesTheProjectReadOnlyAndIsFinal() {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_500_000, 12);
        String finding = raise("szsj", project, "APPROVAL", today().plusDays(5));
        clock.advance(Duration.ofDays(6));

        Response first = api.as("szsj").post("projects/" + project + "/sanctions", sanction("TERMINATE", finding, "终止"));
        assertThat(first.status()).as(first.toString()).isEqualTo(422);
        assertThat(first.text("$.violations[0].rule")).isEqualTo("ART-31");

        Response criticism = api.as("szsj").post("projects/" + project + "/sanctions",
                sanction("PUBLIC_CRITICISM", finding, "未按批复要求建设，逾期拒不整改，予以通报批评"));
        assertThat(criticism.status()).as(criticism.toString()).isEqualTo(201);
        // the notice is published to every signed-in user, even outside the project's scope, without the facts
        Response notices = api.as("wjw").get("sanctions/notices?size=200");
        assertThat(notices.status()).isEqualTo(200);
        assertThat(notices.<List<String>>json("$.content[*].sanctionId")).contains(criticism.text("$.id"));
        assertThat(notices.body()).doesNotContain("问题事实");
        assertThat(api.as("czt").post("projects/" + project + "/sanctions", sanction("TERMINATE", finding, "x")).status())
                .isEqualTo(422);

        Response terminated = api.as("szsj").post("projects/" + project + "/sanctions",
                sanction("TERMINATE", finding, "拒不整改，终止项目"));
        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(201);
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("TERMINATED");
        List<String> statuses = api.as("rst").get("projects/" + project + "/obligations").json("$[*].status");
        assertThat(statuses).isNotEmpty().allMatch(s -> s.equals("WAIVED") || s.equals("MET"));

        // read access remains, every write on the project is refused with the article
        assertThat(api.as("rst").get("projects/" + project + "/construction").status()).isEqualTo(200);
        Response write = api.as("rst").send(org.springframework.http.HttpMethod.PUT, "projects/" + project + "/legal-person",
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, Map.of("name", "x"));
        assertThat(write.status()).as(write.toString()).isEqualTo(422);
        assertThat(write.text("$.violations[0].rule")).isEqualTo("ART-31");
        assertThat(api.as("czt").post("projects/" + project + "/fund-plans",
                Map.of("source", "DIGITAL_JILIN_FUND", "amount", 1000, "issuedOn", today().toString())).status()).isEqualTo(422);
        // outside scope it stays a 404, not a hint that the project exists
        assertThat(api.as("wjw").send(org.springframework.http.HttpMethod.PUT, "projects/" + project + "/legal-person",
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, Map.of("name", "x")).status()).isEqualTo(404);

        Response lift = api.as("szsj").post("sanctions/" + terminated.text("$.id") + "/lifting", Map.of("reason", "x"));
        assertThat(lift.status()).isEqualTo(422);
        assertThat(actions(project)).contains("PROJECT_TERMINATED", "OBLIGATION_WAIVED");
    }

    @Test
    void theSanctionListExportsWithItsFiltersAndNoFormulaCell() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 1_800_000, 12);
        String finding = raise("czt", project, "FUNDS", today().plusDays(1));
        clock.advance(Duration.ofDays(2));
        assertThat(api.as("czt").post("projects/" + project + "/sanctions",
                sanction("PUBLIC_CRITICISM", finding, "=HYPERLINK(\"http://x\") 逾期未整改")).status()).isEqualTo(201);

        Response listed = api.as("czt").get("sanctions?kind=PUBLIC_CRITICISM&status=ACTIVE&size=200");
        assertThat(listed.status()).isEqualTo(200);
        long total = listed.<Number>json("$.totalElements").longValue();
        assertThat(api.as("czt").get("sanctions?kind=NOPE").status()).isEqualTo(400);
        assertThat(api.as("expert1").get("sanctions").status()).isEqualTo(403);

        Api.Download export = api.as("czt").download("sanctions/export.xlsx?kind=PUBLIC_CRITICISM&status=ACTIVE");
        assertThat(export.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo((int) total);
            boolean found = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    found |= cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith("=HYPERLINK");
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(actions(project)).contains("SANCTION_IMPOSED");
        assertThat(api.as("rst").get("/v3/api-docs").body()).contains("/api/v1/projects/{id}/sanctions",
                "/api/v1/sanctions/{sid}/lifting", "/api/v1/sanctions/notices", "/api/v1/sanctions/export.xlsx");
    }
}
