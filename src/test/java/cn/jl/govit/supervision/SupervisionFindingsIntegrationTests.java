package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * Supervision findings through the API and the pages on PostgreSQL (Art. 30, 31): a body raises findings only in
 * its duty areas (422 ART-31), a department never (403), outsiders do not see them (404); the RECTIFICATION
 * obligation is due on the finding's deadline and met only when the body accepts a rectification; a rejected
 * rectification reopens the finding; a withdrawn finding stays listed with its reason; every step is audited.
 */
@GovItTest
class SupervisionFindingsIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    Api api;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    String upload(String project) throws Exception {
        MvcResult uploaded = perform("rst", multipart("/projects/" + project + "/documents")
                .file(new MockMultipartFile("file", "evidence.txt", "text/plain",
                        ("整改证明 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))).with(csrf()));
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        return api.as("rst").get("projects/" + project + "/documents").text("$[0].id");
    }

    static Map<String, Object> finding(String area, String facts, Object due) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("area", area);
        body.put("facts", facts);
        if (due != null) {
            body.put("rectificationDue", due.toString());
        }
        return body;
    }

    @Test
    void financeRaisesAFundsFindingAndTheRectificationIsRejectedThenAccepted() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 3_000_000, 12);
        String evidence = upload(project);
        LocalDate due = today().plusMonths(2);

        // role, then scope, then input, then the duty areas
        assertThat(api.as("rst").post("projects/" + project + "/findings", finding("FUNDS", "资金挪用", null)).status())
                .isEqualTo(403);
        assertThat(api.as("expert1").post("projects/" + project + "/findings", finding("FUNDS", "资金挪用", null)).status())
                .isIn(403, 404);
        assertThat(api.as("czt").post("projects/" + UUID.randomUUID() + "/findings", finding("FUNDS", "x", null)).status())
                .isEqualTo(404);
        assertThat(api.as("czt").post("projects/" + project + "/findings", Map.of("area", "FUNDS")).status())
                .isEqualTo(400);
        assertThat(api.as("czt").post("projects/" + project + "/findings", Map.of("area", "NONSENSE", "facts", "x"))
                .status()).isEqualTo(400);
        assertThat(api.as("czt").post("projects/" + project + "/findings",
                finding("FUNDS", "x", today().minusDays(1))).status()).isEqualTo(400);
        Response outside = api.as("czt").post("projects/" + project + "/findings", finding("CRYPTOGRAPHY", "未做密评", null));
        assertThat(outside.status()).as(outside.toString()).isEqualTo(422);
        assertThat(outside.<List<String>>json("$.violations[*].rule")).containsExactly("ART-31");
        assertThat(outside.toString()).contains("FUNDS");

        Map<String, Object> body = finding("FUNDS", "专项资金未按计划支付，存在超范围列支", due);
        body.put("evidenceDocumentIds", List.of(evidence));
        Response raised = api.as("czt").post("projects/" + project + "/findings", body);
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String id = raised.text("$.id");
        String subject = raised.text("$.obligationSubject");
        assertThat(subject).isEqualTo("FINDING-" + id.substring(0, 8).toUpperCase());
        assertThat(raised.text("$.status")).isEqualTo("OPEN");
        assertThat(raised.text("$.bodyOrgCode")).isEqualTo("CZT");
        assertThat(raised.<List<String>>json("$.evidenceDocumentIds")).containsExactly(evidence);
        assertThat(rectification(project, subject, "status")).isEqualTo("OPEN");
        assertThat(rectification(project, subject, "rule")).isEqualTo("ART-31");
        assertThat(rectification(project, subject, "dueDate")).isEqualTo(due.toString());
        assertThat(api.as("rst").get("me/notifications?size=200")
                .<List<String>>json("$.content[?(@.projectId == '" + project + "')].messageKey"))
                .contains("supervision.notice.raised");

        // scope: another department does not see the project's findings, nor the finding
        assertThat(api.as("wjw").get("projects/" + project + "/findings").status()).isEqualTo(404);
        assertThat(api.as("wjw").get("findings/" + id).status()).isEqualTo(404);
        assertThat(api.as("wjw").get("findings?size=200").<List<String>>json("$.content[*].id")).doesNotContain(id);
        assertThat(api.as("rst").get("findings?size=200").<List<String>>json("$.content[*].id")).contains(id);
        assertThat(api.as("sjt").get("findings?area=FUNDS&status=OPEN&size=200").<List<String>>json("$.content[*].id"))
                .contains(id);
        assertThat(api.as("sjt").get("findings?area=CRYPTOGRAPHY&size=200").<List<String>>json("$.content[*].id"))
                .doesNotContain(id);
        assertThat(api.as("sjt").get("findings?status=BAD").status()).isEqualTo(400);

        // only the unit answers, only the raising body reviews
        Map<String, Object> answer = Map.of("rectifiedOn", today().toString(), "summary", "已按计划支付并调整列支科目");
        assertThat(api.as("czt").post("findings/" + id + "/rectification", answer).status()).isEqualTo(403);
        assertThat(api.as("rst").post("findings/" + id + "/rectification",
                Map.of("rectifiedOn", today().plusDays(1).toString(), "summary", "x")).status()).isEqualTo(400);
        assertThat(api.as("czt").post("findings/" + id + "/review", Map.of("decision", "ACCEPTED"))
                .<List<String>>json("$.violations[*].rule")).containsExactly("ART-31");
        Response rectified = api.as("rst").post("findings/" + id + "/rectification", answer);
        assertThat(rectified.status()).as(rectified.toString()).isEqualTo(200);
        assertThat(rectified.text("$.status")).isEqualTo("RECTIFIED");
        assertThat(api.as("rst").post("findings/" + id + "/rectification", answer).status()).isEqualTo(422);
        assertThat(api.as("sjt").post("findings/" + id + "/review", Map.of("decision", "ACCEPTED")).status())
                .isEqualTo(403);
        assertThat(api.as("czt").post("findings/" + id + "/review", Map.of("decision", "REJECTED")).status())
                .isEqualTo(400);
        Response rejected = api.as("czt").post("findings/" + id + "/review",
                Map.of("decision", "REJECTED", "opinion", "未提供支付凭证"));
        assertThat(rejected.text("$.status")).isEqualTo("OPEN");
        assertThat(rectification(project, subject, "status")).isEqualTo("OPEN");
        Response again = api.as("rst").post("findings/" + id + "/rectification", Map.of("rectifiedOn",
                today().toString(), "summary", "附支付凭证", "evidenceDocumentIds", List.of(evidence)));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        Response closed = api.as("czt").post("findings/" + id + "/review", Map.of("decision", "ACCEPTED"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("$.status")).isEqualTo("CLOSED");
        assertThat(closed.<List<String>>json("$.rectifications[*].decision")).containsExactly("REJECTED", "ACCEPTED");
        assertThat(rectification(project, subject, "status")).isEqualTo("MET");
        assertThat(api.as("czt").post("findings/" + id + "/withdrawal", Map.of("reason", "x")).status()).isEqualTo(422);
        assertThat(api.as("rst").get("audit-events?projectId=" + project + "&size=200").<List<String>>json("$.content[*].action"))
                .contains("SUPERVISION_FINDING_RAISED", "SUPERVISION_FINDING_RECTIFIED", "SUPERVISION_FINDING_REOPENED",
                        "SUPERVISION_FINDING_CLOSED");

        // the signed archive package carries the findings with every rectification and review
        assertThat(packageEntry(project, "metadata/findings.json")).contains(subject, "专项资金未按计划支付",
                "\"REJECTED\"", "\"ACCEPTED\"", "未提供支付凭证", "附支付凭证");
    }

    @Test
    void theRuleAndTheEndpointsArePublished() {
        Response rules = api.as("rst").get("rules");
        assertThat(rules.<List<Object>>json("$[?(@.id == 'ART-31')].parameters.rectificationWindowMonths"))
                .containsExactly(6);
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-31')].summary")).singleElement().asString()
                .contains("整改");
        assertThat(api.as("rst").get("/v3/api-docs").body()).contains("/api/v1/projects/{id}/findings",
                "/api/v1/findings", "/api/v1/findings/{fid}/rectification", "/api/v1/findings/{fid}/review",
                "/api/v1/findings/{fid}/withdrawal", "/api/v1/findings/export.xlsx");
    }

    String packageEntry(String project, String name) throws Exception {
        HttpResponse<byte[]> exported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/projects/" + project + "/archive-package"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("rst:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(exported.statusCode()).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(exported.body()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in the archive package");
    }

    @Test
    void aWithdrawnFindingStaysListedWithItsReasonAndItsObligationIsWaived() {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        Response raised = api.as("mmj").post("projects/" + project + "/findings", finding("CRYPTOGRAPHY", "未开展密码应用安全性评估", null));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String id = raised.text("$.id");
        String subject = raised.text("$.obligationSubject");
        assertThat(raised.text("$.rectificationDue")).isEqualTo(today().plusMonths(6).toString());
        assertThat(api.as("wxb").post("findings/" + id + "/withdrawal", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.as("mmj").post("findings/" + id + "/withdrawal", Map.of()).status()).isEqualTo(400);
        Response withdrawn = api.as("mmj").post("findings/" + id + "/withdrawal", Map.of("reason", "评估报告已于检查前提交，误报"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.text("$.status")).isEqualTo("WITHDRAWN");
        assertThat(rectification(project, subject, "status")).isEqualTo("WAIVED");
        Response listed = api.as("rst").get("projects/" + project + "/findings");
        assertThat(listed.<List<String>>json("$[*].status")).containsExactly("WITHDRAWN");
        assertThat(listed.<List<String>>json("$[*].withdrawnReason")).containsExactly("评估报告已于检查前提交，误报");
        assertThat(api.as("rst").post("findings/" + id + "/rectification",
                Map.of("rectifiedOn", today().toString(), "summary", "x")).status()).isEqualTo(422);
        assertThat(api.as("rst").get("audit-events?projectId=" + project + "&size=200").<List<String>>json("$.content[*].action"))
                .contains("SUPERVISION_FINDING_RAISED", "SUPERVISION_FINDING_WITHDRAWN");
    }

    @Test
    void anOpenFindingPastItsDeadlineIsOverdue() {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        LocalDate due = today().plusDays(3);
        String id = api.as("sjt").post("projects/" + project + "/findings", finding("LEGALITY", "采购程序不合规", due))
                .text("$.id");
        assertThat(api.as("sjt").get("findings/" + id).<Boolean>json("$.overdue")).isFalse();
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today(), due.plusDays(1))));
        assertThat(api.as("sjt").get("findings/" + id).<Boolean>json("$.overdue")).isTrue();
        assertThat(api.as("sjt").get("findings?overdue=true&size=200").<List<String>>json("$.content[*].id")).contains(id);
    }

    @Test
    void theProjectPageOffersEachActorItsOwnForm() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        String czt = body(perform("czt", get("/projects/" + project + "/findings")));
        assertThat(czt).contains("data-testid=\"raise-form\"", "value=\"FUNDS\"").doesNotContain("value=\"CRYPTOGRAPHY\"");
        assertThat(body(perform("rst", get("/projects/" + project + "/findings")))).doesNotContain("raise-form");
        assertThat(perform("wjw", get("/projects/" + project + "/findings")).getResponse().getStatus()).isEqualTo(404);

        MvcResult refused = perform("czt", post("/projects/" + project + "/findings").param("area", "FUNDS")
                .param("facts", "x").param("rectificationDue", today().minusDays(1).toString()).with(csrf()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        MvcResult done = perform("czt", post("/projects/" + project + "/findings").param("area", "FUNDS")
                .param("facts", "结余资金未按规定上缴").with(csrf()));
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        String unit = body(perform("rst", get("/projects/" + project + "/findings")));
        assertThat(unit).contains("结余资金未按规定上缴", "data-testid=\"rectify-form\"");
        String list = body(perform("czt", get("/findings?area=FUNDS")));
        assertThat(list).contains("/projects/" + project + "/findings");
        assertThat(perform("expert1", get("/findings")).getResponse().getStatus()).isEqualTo(403);
    }

    /** An OBLIGATION finding cites an obligation of the project that is overdue today (422 ART-31 otherwise). */
    @Test
    void aBodyRaisesAFindingFromAnOverdueObligationOfTheProject() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        String other = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        // a direct finding due tomorrow gives the project a RECTIFICATION obligation to let lapse
        LocalDate due = today().plusDays(1);
        Response direct = api.as("czt").post("projects/" + project + "/findings", finding("FUNDS", "资金拨付滞后", due));
        assertThat(direct.status()).as(direct.toString()).isEqualTo(201);
        assertThat(direct.text("$.source")).isEqualTo("DIRECT");
        assertThat(direct.<Object>json("$.sourceRef")).isNull();
        String obligation = obligationId(project, direct.text("$.obligationSubject"));
        String otherObligation = api.as("rst").get("projects/" + other + "/obligations").<List<String>>json("$[*].id").get(0);

        Map<String, Object> cite = finding("FUNDS", "逾期未整改资金拨付问题", null);
        cite.put("source", "OBLIGATION");
        cite.put("sourceRef", obligation);
        // not overdue yet: neither today nor on its due day
        Response early = api.as("sjt").post("projects/" + project + "/findings", cite);
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.<List<String>>json("$.violations[*].rule")).containsExactly("ART-31");
        assertThat(early.<List<String>>json("$.violations[*].item")).containsExactly("sourceRef");
        clock.advance(Duration.ofDays(1));
        assertThat(api.as("sjt").post("projects/" + project + "/findings", cite).status()).isEqualTo(422);
        clock.advance(Duration.ofDays(1));

        // input and role first: a department never, a missing reference 400, a direct one with a reference 400
        assertThat(api.as("rst").post("projects/" + project + "/findings", cite).status()).isEqualTo(403);
        Map<String, Object> noRef = finding("FUNDS", "x", null);
        noRef.put("source", "OBLIGATION");
        assertThat(api.as("sjt").post("projects/" + project + "/findings", noRef).status()).isEqualTo(400);
        Map<String, Object> directWithRef = finding("FUNDS", "x", null);
        directWithRef.put("sourceRef", obligation);
        assertThat(api.as("sjt").post("projects/" + project + "/findings", directWithRef).status()).isEqualTo(400);
        // an obligation of another project, or no obligation at all
        Map<String, Object> foreign = new LinkedHashMap<>(cite);
        foreign.put("sourceRef", otherObligation);
        Response refused = api.as("sjt").post("projects/" + project + "/findings", foreign);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-31");
        foreign.put("sourceRef", UUID.randomUUID().toString());
        assertThat(api.as("sjt").post("projects/" + project + "/findings", foreign).status()).isEqualTo(422);
        // an area outside the body's duty is still refused
        Map<String, Object> outside = new LinkedHashMap<>(cite);
        outside.put("area", "CRYPTOGRAPHY");
        assertThat(api.as("sjt").post("projects/" + project + "/findings", outside).status()).isEqualTo(422);

        Response raised = api.as("sjt").post("projects/" + project + "/findings", cite);
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        assertThat(raised.text("$.source")).isEqualTo("OBLIGATION");
        assertThat(raised.text("$.sourceRef")).isEqualTo(obligation);
        String id = raised.text("$.id");
        assertThat(rectification(project, raised.text("$.obligationSubject"), "rule")).isEqualTo("ART-31");
        assertThat(api.as("sjt").get("findings?source=OBLIGATION&size=200").<List<String>>json("$.content[*].id"))
                .contains(id).doesNotContain(direct.text("$.id"));
        assertThat(api.as("sjt").get("findings?source=BOGUS").status()).isEqualTo(400);

        // the project page names the obligation cited, and the unit rectifies as for any finding
        String page = body(perform("rst", get("/projects/" + project + "/findings")));
        assertThat(page).contains("data-source=\"OBLIGATION\"", "data-source=\"DIRECT\"", direct.text("$.obligationSubject"),
                "href=\"/projects/" + project + "/sanctions\"");
        // the application's day is two days on (the test's today() reads the real clock)
        Response rectified = api.as("rst").post("findings/" + id + "/rectification",
                Map.of("rectifiedOn", today().plusDays(2).toString(), "summary", "资金已拨付"));
        assertThat(rectified.status()).as(rectified.toString()).isEqualTo(200);
        assertThat(api.as("sjt").post("findings/" + id + "/review", Map.of("decision", "ACCEPTED")).text("$.status"))
                .isEqualTo("CLOSED");
    }

    /** The link on an overdue row of the obligations list opens the raise form citing it, facts prefilled. */
    @Test
    void theObligationLinkPrefillsTheRaiseForm() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        // made before the clock moves: the helper starts construction on the real today
        String fresh = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        Response direct = api.as("czt").post("projects/" + project + "/findings", finding("FUNDS", "资金拨付滞后", today()));
        String subject = direct.text("$.obligationSubject");
        String obligation = obligationId(project, subject);
        clock.advance(Duration.ofDays(1));

        String zh = body(perform("sjt", get("/projects/" + project + "/findings?obligation=" + obligation)));
        assertThat(zh).contains("<option value=\"" + obligation + "\" selected=\"selected\"",
                "项目的“整改”义务（" + subject + "）截止日期为 " + today() + "，至今未履行（ART-31）");
        String en = body(perform("sjt", get("/projects/" + project + "/findings?obligation=" + obligation + "&lang=en")));
        assertThat(en).contains("The project&#39;s &quot;Rectification&quot; obligation (" + subject + ") was due on "
                + today());
        // an unknown or malformed reference prefills nothing; the unit sees no raise form at all
        assertThat(body(perform("sjt", get("/projects/" + project + "/findings?obligation=nonsense"))))
                .doesNotContain("<option value=\"" + obligation + "\" selected=\"selected\"");
        assertThat(body(perform("rst", get("/projects/" + project + "/findings?obligation=" + obligation))))
                .doesNotContain("raise-form");

        // posting the prefilled form raises the OBLIGATION finding
        MvcResult done = perform("sjt", post("/projects/" + project + "/findings").param("area", "FUNDS")
                .param("sourceRef", obligation).param("facts", "逾期未整改").with(csrf()));
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(api.as("sjt").get("projects/" + project + "/findings").<List<String>>json("$[*].source"))
                .containsExactlyInAnyOrder("OBLIGATION", "DIRECT");
        // a body citing an obligation that is not overdue gets the rule next to the form, its choice kept
        String notYet = obligationId(fresh, api.as("czt").post("projects/" + fresh + "/findings",
                finding("FUNDS", "x", today().plusDays(5))).text("$.obligationSubject"));
        MvcResult refused = perform("sjt", post("/projects/" + fresh + "/findings").param("area", "FUNDS")
                .param("sourceRef", notYet).param("facts", "x").with(csrf()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused)).contains("data-rule=\"ART-31\"", "data-item=\"sourceRef\"",
                "<option value=\"" + notYet + "\" selected>");
    }

    @Test
    void theFindingsListExportsWithItsFiltersAndNoFormula() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        String funds = api.as("czt").post("projects/" + project + "/findings", finding("FUNDS", "=HYPERLINK(\"x\")", null))
                .text("$.obligationSubject");
        String crypto = api.as("mmj").post("projects/" + project + "/findings", finding("CRYPTOGRAPHY", "未做密评", null))
                .text("$.obligationSubject");
        HttpResponse<byte[]> response = download("sjt", "/api/v1/findings/export.xlsx?area=FUNDS&status=OPEN&source=DIRECT");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("findings-");
        long listed = api.as("sjt").get("findings?area=FUNDS&status=OPEN&source=DIRECT&size=1")
                .<Number>json("$.totalElements").longValue();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目编号");
            List<String> subjects = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
                if (row.getRowNum() > 0) {
                    subjects.add(row.getCell(5).getStringCellValue());
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("资金使用");
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("监督检查");
                    assertThat(row.getCell(9).getStringCellValue()).isEqualTo("待整改");
                }
            }
            assertThat(subjects).contains(funds).doesNotContain(crypto);
            // the rows are the list's rows
            assertThat((long) sheet.getLastRowNum()).isEqualTo(listed);
        }
        // the page path serves the same workbook to a signed-in user
        MvcResult page = perform("sjt", get("/findings/export.xlsx?area=CRYPTOGRAPHY&lang=en"));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(page.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Project code");
            List<String> subjects = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    subjects.add(row.getCell(5).getStringCellValue());
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Cryptography");
                }
            }
            assertThat(subjects).contains(crypto).doesNotContain(funds);
        }
        assertThat(download("sjt", "/api/v1/findings/export.xlsx?status=BOGUS").statusCode()).isEqualTo(400);
        assertThat(download("expert1", "/api/v1/findings/export.xlsx").statusCode()).isEqualTo(403);
        assertThat(download(null, "/api/v1/findings/export.xlsx").statusCode()).isEqualTo(401);
        // a department exports its own projects' findings only
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                download("wjw", "/api/v1/findings/export.xlsx").body()))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(5).getStringCellValue()).isNotIn(funds, crypto);
                }
            }
        }
        assertThat(body(perform("sjt", get("/findings?source=DIRECT&area=FUNDS"))))
                .contains("/findings/export.xlsx?status=&amp;area=FUNDS&amp;overdue=false&amp;source=DIRECT");
    }

    /**
     * V5_31 copies every evaluation finding, with its rectifications and reviews, into the one findings flow. The
     * migration ran before any evaluation finding existed here, so this writes one the way the old module did and
     * runs the (idempotent) copy script again: id, dates, status, rounds and obligation subject are kept.
     */
    @Test
    void theMigrationCopiesAnEvaluationFindingWithItsHistory() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        UUID id = UUID.randomUUID();
        UUID source = UUID.randomUUID();
        LocalDate raised = today().minusDays(40);
        String subject = "EVAL-FINDING-" + id.toString().substring(0, 8).toUpperCase();
        jdbc.update("INSERT INTO evaluation_finding (id, project_id, source, source_id, description, raised_on, "
                + "rectification_due, obligation_subject, status, rounds, raised_by, raised_at, version) "
                + "VALUES (?, ?, 'POST_EVALUATION', ?, '数据共享不足', ?, ?, ?, 'RECTIFIED', 2, 'szsj', now(), 3)",
                id, UUID.fromString(project), source, raised, raised.plusMonths(6), subject);
        jdbc.update("INSERT INTO evaluation_finding_rectification (finding_id, round, rectified_on, summary, document_id, "
                + "reported_by, reported_at) VALUES (?, 1, ?, '第一次整改', NULL, 'rst', now())", id, raised.plusDays(5));
        jdbc.update("INSERT INTO evaluation_finding_review (finding_id, round, decision, opinion, reviewed_by, reviewed_on, "
                + "reviewed_at) VALUES (?, 1, 'REJECTED', '证明不足', 'szsj', ?, now())", id, raised.plusDays(6));
        UUID document = UUID.randomUUID();
        jdbc.update("INSERT INTO evaluation_finding_rectification (finding_id, round, rectified_on, summary, document_id, "
                + "reported_by, reported_at) VALUES (?, 2, ?, '第二次整改', ?, 'rst', now())", id, raised.plusDays(9), document);

        ResourceDatabasePopulator script = new ResourceDatabasePopulator(
                new ClassPathResource("db/migration/supervision/V5_31__evaluation_findings_into_supervision.sql"));
        script.execute(dataSource);
        script.execute(dataSource); // idempotent: nothing is copied twice

        Response copied = api.as("szsj").get("findings/" + id);
        assertThat(copied.status()).as(copied.toString()).isEqualTo(200);
        assertThat(copied.text("$.source")).isEqualTo("EVALUATION");
        assertThat(copied.text("$.sourceRef")).isEqualTo(source.toString());
        assertThat(copied.text("$.area")).isEqualTo("PERFORMANCE");
        assertThat(copied.text("$.bodyOrgCode")).isEqualTo("SZSJ");
        assertThat(copied.text("$.leadOrgCode")).isEqualTo("RST");
        assertThat(copied.text("$.status")).isEqualTo("RECTIFIED");
        assertThat(copied.text("$.raisedOn")).isEqualTo(raised.toString());
        assertThat(copied.text("$.rectificationDue")).isEqualTo(raised.plusMonths(6).toString());
        assertThat(copied.text("$.obligationSubject")).isEqualTo(subject);
        assertThat(copied.<Number>json("$.rounds").intValue()).isEqualTo(2);
        assertThat(copied.<Number>json("$.version").intValue()).isEqualTo(3);
        assertThat(copied.<List<String>>json("$.rectifications[*].summary")).containsExactly("第一次整改", "第二次整改");
        assertThat(copied.<List<String>>json("$.rectifications[*].decision")).containsExactly("REJECTED", null);
        assertThat(copied.<List<String>>json("$.rectifications[1].evidenceDocumentIds")).containsExactly(document.toString());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM supervision_rectification WHERE finding_id = ?",
                Integer.class, id)).isEqualTo(2);
        // the old rows stay (Art. 30), and the copied finding goes on in the one flow: the authority reviews it
        assertThat(jdbc.queryForObject("SELECT count(*) FROM evaluation_finding WHERE id = ?", Integer.class, id))
                .isEqualTo(1);
        Response closed = api.as("szsj").post("findings/" + id + "/review", Map.of("decision", "ACCEPTED"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("$.status")).isEqualTo("CLOSED");
    }

    String obligationId(String project, String subject) {
        List<String> ids = api.as("rst").get("projects/" + project + "/obligations")
                .json("$[?(@.type == 'RECTIFICATION' && @.subject == '" + subject + "')].id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    HttpResponse<byte[]> download(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String rectification(String project, String subject, String field) {
        List<String> values = api.as("rst").get("projects/" + project + "/obligations")
                .json("$[?(@.type == 'RECTIFICATION' && @.subject == '" + subject + "')]." + field);
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private MvcResult perform(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
