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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
                "/api/v1/findings/{fid}/withdrawal");
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
