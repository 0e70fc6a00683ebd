package cn.jl.govit.evaluation;

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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.AcceptedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * Self-evaluation, post-evaluation and evaluation findings through the API and the pages on PostgreSQL (Art. 28,
 * 32): the window opened as an obligation when operation starts, refused before it opens and taken once the clock
 * reaches it, the obligation met, the authority and Finance told; return and resubmission with versions; the
 * authority alone commissioning and recording post-evaluations; a finding's RECTIFICATION obligation met only when
 * the authority accepts the rectification; scope and role answers in the contract's order.
 */
@GovItTest
class EvaluationIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RunAs runAs;

    @Autowired
    Projects projects;

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

    /** Moves the shared clock forward to {@code day} (reset after each test). */
    void moveTo(LocalDate day) {
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(ZONE)), day)));
    }

    static Map<String, Object> report(LocalDate evaluatedOn, String documentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evaluatedOn", evaluatedOn.toString());
        body.put("goalsAchieved", "社保业务全部上线，建设目标全部实现");
        body.put("investmentAndBenefits", "总投资 298 万元，年节约人工 20 人");
        body.put("operationAndUse", "系统运行稳定，日均访问 3 万人次");
        body.put("sharingAndIntegration", "共享 12 类数据至省共享平台");
        body.put("problemsAndMeasures", "移动端适配不足，计划下一年度优化");
        body.put("documentId", documentId);
        return body;
    }

    String upload(String project) throws Exception {
        MvcResult uploaded = perform("rst", multipart("/projects/" + project + "/documents")
                .file(new MockMultipartFile("file", "self-evaluation.txt", "text/plain",
                        ("自评价报告 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))).with(csrf()));
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        return api.as("rst").get("projects/" + project + "/documents").text("$[0].id");
    }

    @Test
    void theSelfEvaluationWindowOpensTwelveMonthsAfterOperationAndTheReportMeetsIt() throws Exception {
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 2_980_000, 12);
        LocalDate started = today();
        Response obligations = api.as("rst").get("projects/" + project + "/obligations");
        assertThat(obligations.<List<String>>json("$[?(@.type == 'SELF_EVALUATION')].windowStart"))
                .containsExactly(started.plusMonths(12).toString());
        assertThat(obligations.<List<String>>json("$[?(@.type == 'SELF_EVALUATION')].dueDate"))
                .containsExactly(started.plusMonths(24).toString());
        assertThat(obligations.<List<String>>json("$[?(@.type == 'SELF_EVALUATION')].rule")).containsExactly("ART-28");
        String document = upload(project);
        String base = "projects/" + project + "/self-evaluation";

        // scope before role before input before rules
        assertThat(api.as("wjw").post(base, report(started, document)).status()).isEqualTo(404);
        assertThat(api.as("wjw").get("projects/" + project + "/self-evaluations").status()).isEqualTo(404);
        assertThat(api.as("szsj").post(base, report(started, document)).status()).isEqualTo(403);
        assertThat(api.as("szsj").post(base, Map.of("evaluatedOn", "not-a-date")).status()).isEqualTo(403);
        assertThat(api.anonymous().post(base, report(started, document)).status()).isEqualTo(401);
        Response future = api.as("rst").post(base, report(started.plusDays(1), document));
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        Response noDate = api.as("rst").post(base, Map.of("goalsAchieved", "x"));
        assertThat(noDate.status()).as(noDate.toString()).isEqualTo(400);

        Response early = api.as("rst").post(base, report(started, document));
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.<List<String>>json("$.violations[*].rule")).containsExactly("ART-28");
        assertThat(early.text("$.violations[0].article")).isEqualTo("第二十八条");
        assertThat(early.text("$.violations[0].message")).contains(started.plusMonths(12).toString());

        LocalDate opens = started.plusMonths(12);
        moveTo(opens);
        Map<String, Object> incomplete = new HashMap<>(Map.of("evaluatedOn", opens.toString(), "goalsAchieved", "目标实现"));
        Response missing = api.as("rst").post(base, incomplete);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.<List<String>>json("$.violations[*].item")).containsExactly("investmentAndBenefits",
                "operationAndUse", "sharingAndIntegration", "problemsAndMeasures", "documentId");

        Response submitted = api.as("rst").post(base, report(opens, document));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String id = submitted.text("$.id");
        assertThat(submitted.text("$.status")).isEqualTo("SUBMITTED");
        assertThat((Boolean) submitted.json("$.late")).isFalse();
        assertThat(submitted.text("$.windowStart")).isEqualTo(opens.toString());
        Response after = api.as("rst").get("projects/" + project + "/obligations");
        assertThat(after.<List<String>>json("$[?(@.type == 'SELF_EVALUATION')].status")).containsExactly("MET");
        assertThat(after.<List<String>>json("$[?(@.type == 'SELF_EVALUATION')].metOn")).containsExactly(opens.toString());
        for (String reader : List.of("szsj", "czt")) {
            assertThat(api.as(reader).get("me/notifications?size=200")
                    .<List<String>>json("$.content[?(@.projectId == '" + project + "')].messageKey"))
                    .as(reader).contains("evaluation.notice.self-evaluation-submitted");
        }
        assertThat(api.as("rst").post(base, report(opens, document)).<List<String>>json("$.violations[*].item"))
                .containsExactly("status");

        // the authority returns it, the unit resubmits, the authority accepts; every revision is kept
        assertThat(api.as("rst").post("self-evaluations/" + id + "/decision",
                Map.of("outcome", "ACCEPTED", "opinion", "同意")).status()).isEqualTo(403);
        assertThat(api.as("szsj").post("self-evaluations/" + id + "/decision", Map.of("outcome", "ACCEPTED")).status())
                .isEqualTo(400);
        Response returned = api.as("szsj").post("self-evaluations/" + id + "/decision",
                Map.of("outcome", "RETURNED", "opinion", "请补充效益测算依据"));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(returned.text("$.status")).isEqualTo("RETURNED");
        Map<String, Object> stale = report(opens, document);
        stale.put("version", 0);
        assertThat(api.as("rst").post(base, stale).status()).isEqualTo(409);
        Response again = api.as("rst").post(base, report(opens, document));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat((Integer) again.json("$.revision")).isEqualTo(2);
        Response accepted = api.as("szsj").post("self-evaluations/" + id + "/decision",
                Map.of("outcome", "ACCEPTED", "opinion", "同意"));
        assertThat(accepted.text("$.status")).isEqualTo("ACCEPTED");
        Response versions = api.as("czt").get("self-evaluations/" + id + "/versions");
        assertThat(versions.<List<Object>>json("$[*].revision")).containsExactly(1, 2);
        assertThat(versions.<List<String>>json("$[*].outcome")).containsExactly("RETURNED", "ACCEPTED");
        assertThat(api.as("rst").get("audit-events?projectId=" + project).<List<String>>json("$.content[*].action"))
                .contains("SELF_EVALUATION_SUBMITTED", "SELF_EVALUATION_RETURNED", "SELF_EVALUATION_ACCEPTED",
                        "OBLIGATION_MET");
    }

    @Test
    void aLateReportIsTakenAndMarkedLate() throws Exception {
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 1_500_000, 12);
        String document = upload(project);
        LocalDate late = today().plusMonths(24).plusDays(1);
        moveTo(late);
        assertThat(api.as("rst").get("projects/" + project + "/obligations")
                .<List<String>>json("$[?(@.type == 'SELF_EVALUATION')].status")).containsExactly("OVERDUE");
        assertThat(api.as("rst").get("projects/" + project + "/self-evaluation-window").text("$.state"))
                .isEqualTo("OVERDUE");
        Response missingDocument = api.as("rst").post("projects/" + project + "/self-evaluation", report(late, null));
        assertThat(missingDocument.status()).isEqualTo(422);
        assertThat(missingDocument.<List<String>>json("$.violations[*].item")).containsExactly("documentId");
        Response foreign = api.as("rst").post("projects/" + project + "/self-evaluation",
                report(late, UUID.randomUUID().toString()));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
        assertThat(foreign.<List<String>>json("$.errors[*].field")).containsExactly("documentId");

        Response submitted = api.as("rst").post("projects/" + project + "/self-evaluation", report(late, document));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        assertThat((Boolean) submitted.json("$.late")).isTrue();
        assertThat(api.as("rst").get("projects/" + project + "/obligations")
                .<List<String>>json("$[?(@.type == 'SELF_EVALUATION')].status")).containsExactly("MET");
        assertThat(api.as("czt").get("self-evaluations?status=SUBMITTED&size=200")
                .<List<String>>json("$.content[*].projectId")).contains(project);
        // a department's list holds the reports of its own projects only (scope by ProjectConditions)
        assertThat(api.as("rst").get("self-evaluations?status=SUBMITTED&size=200")
                .<List<String>>json("$.content[*].projectId")).contains(project);
        Response other = api.as("wjw").get("self-evaluations?size=200");
        assertThat(other.<List<String>>json("$.content[*].projectId")).doesNotContain(project);
        assertThat(other.<Number>json("$.totalElements").longValue())
                .isEqualTo(other.<List<String>>json("$.content[*].projectId").size());
    }

    @Test
    void theAuthorityCommissionsPostEvaluationsAndItsFindingsAreRectified() throws Exception {
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 2_000_000, 12);
        String document = upload(project);
        LocalDate today = today();
        Map<String, Object> commission = Map.of("evaluator", "吉林某工程咨询有限公司", "commissionedOn", today.toString(),
                "scope", "建设目标、投资效益、运行及共享情况");
        assertThat(api.as("rst").post("projects/" + project + "/post-evaluations", commission).status()).isEqualTo(403);
        assertThat(api.as("fgw").post("projects/" + project + "/post-evaluations", commission).status()).isEqualTo(403);
        assertThat(api.as("wjw").get("projects/" + project + "/post-evaluations").status()).isEqualTo(404);
        assertThat(api.as("szsj").post("projects/" + project + "/post-evaluations",
                Map.of("evaluator", "x", "commissionedOn", today.plusDays(1).toString(), "scope", "y")).status())
                .isEqualTo(400);
        Response commissioned = api.as("szsj").post("projects/" + project + "/post-evaluations", commission);
        assertThat(commissioned.status()).as(commissioned.toString()).isEqualTo(201);
        String post = commissioned.text("$.id");
        assertThat(commissioned.text("$.status")).isEqualTo("COMMISSIONED");

        // no finding rests on a post-evaluation without its report
        Response tooSoon = api.as("szsj").post("projects/" + project + "/findings",
                Map.of("source", "EVALUATION", "sourceRef", post, "facts", "效益不足"));
        assertThat(tooSoon.status()).as(tooSoon.toString()).isEqualTo(422);
        assertThat(tooSoon.<List<String>>json("$.violations[*].rule")).containsExactly("ART-32");

        Response noSummary = api.as("szsj").post("post-evaluations/" + post + "/report",
                Map.of("reportedOn", today.toString(), "conclusion", "FAIR"));
        assertThat(noSummary.status()).isEqualTo(422);
        assertThat(noSummary.<List<String>>json("$.violations[*].item")).containsExactly("summary", "documentId");
        assertThat(api.as("szsj").post("post-evaluations/" + post + "/report",
                Map.of("reportedOn", today.toString(), "conclusion", "EXCELLENT")).status()).isEqualTo(400);
        assertThat(api.as("rst").post("post-evaluations/" + post + "/report",
                Map.of("reportedOn", today.toString(), "conclusion", "FAIR")).status()).isEqualTo(403);
        Response reported = api.as("szsj").post("post-evaluations/" + post + "/report", Map.of("reportedOn",
                today.toString(), "conclusion", "FAIR", "summary", "目标基本实现，数据共享不足", "documentId", document));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
        assertThat(reported.text("$.conclusion")).isEqualTo("FAIR");

        // one findings flow: raised from an evaluation through the findings API, source EVALUATION
        assertThat(api.as("szsj").post("projects/" + project + "/findings", Map.of("source",
                "EVALUATION", "sourceRef", UUID.randomUUID().toString(), "facts", "x")).status()).isEqualTo(400);
        assertThat(api.as("szsj").post("projects/" + project + "/findings", Map.of("source",
                "EVALUATION", "facts", "x")).status()).isEqualTo(400);
        assertThat(api.as("szsj").post("projects/" + project + "/findings", Map.of("source",
                "EVALUATION", "sourceRef", post, "facts", "x", "rectificationDue",
                today.minusDays(1).toString())).status()).isEqualTo(400);
        Response otherArea = api.as("szsj").post("projects/" + project + "/findings", Map.of("source",
                "EVALUATION", "sourceRef", post, "facts", "x", "area", "PROGRESS"));
        assertThat(otherArea.status()).as(otherArea.toString()).isEqualTo(422);
        assertThat(otherArea.<List<String>>json("$.violations[*].rule")).containsExactly("ART-32");
        assertThat(api.as("rst").post("projects/" + project + "/findings", Map.of("source",
                "EVALUATION", "sourceRef", post, "facts", "x")).status()).isEqualTo(403);
        // the DRC supervises performance too, but this project's authority is the Digital Bureau
        assertThat(api.as("fgw").post("projects/" + project + "/findings", Map.of("source",
                "EVALUATION", "sourceRef", post, "facts", "x")).status()).isEqualTo(403);
        Response raised = api.as("szsj").post("projects/" + project + "/findings",
                Map.of("source", "EVALUATION", "sourceRef", post, "facts", "数据共享不足，须接入省共享平台"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String finding = raised.text("$.id");
        String subject = raised.text("$.obligationSubject");
        assertThat(subject).startsWith("FINDING-");
        assertThat(raised.text("$.source")).isEqualTo("EVALUATION");
        assertThat(raised.text("$.sourceRef")).isEqualTo(post);
        assertThat(raised.text("$.area")).isEqualTo("PERFORMANCE");
        assertThat(raised.text("$.bodyOrgCode")).isEqualTo("SZSJ");
        assertThat(api.as("czt").get("findings?source=EVALUATION&size=200").<List<String>>json("$.content[*].id"))
                .contains(finding);
        assertThat(api.as("czt").get("findings?source=DIRECT&size=200").<List<String>>json("$.content[*].id"))
                .doesNotContain(finding);
        assertThat(raised.text("$.rectificationDue")).isEqualTo(today.plusMonths(6).toString());
        assertThat(rectification(project, subject, "status")).isEqualTo("OPEN");
        assertThat(rectification(project, subject, "rule")).isEqualTo("ART-32");
        assertThat(rectification(project, subject, "dueDate")).isEqualTo(today.plusMonths(6).toString());
        assertThat(api.as("rst").get("me/notifications?size=200")
                .<List<String>>json("$.content[?(@.projectId == '" + project + "')].messageKey"))
                .contains("supervision.notice.raised", "evaluation.notice.post-evaluation-reported");

        Map<String, Object> answer = Map.of("rectifiedOn", today.toString(), "summary", "已接入省共享平台");
        assertThat(api.as("szsj").post("findings/" + finding + "/rectification", answer).status()).isEqualTo(403);
        assertThat(api.as("szsj").post("findings/" + finding + "/review", Map.of("decision", "ACCEPTED"))
                .<List<String>>json("$.violations[*].rule")).containsExactly("ART-31");
        Response rectified = api.as("rst").post("findings/" + finding + "/rectification", answer);
        assertThat(rectified.status()).as(rectified.toString()).isEqualTo(200);
        assertThat(rectified.text("$.status")).isEqualTo("RECTIFIED");
        assertThat(api.as("szsj").post("findings/" + finding + "/review", Map.of("decision", "REJECTED"))
                .status()).isEqualTo(400);
        Response rejected = api.as("szsj").post("findings/" + finding + "/review",
                Map.of("decision", "REJECTED", "opinion", "尚未提供接入证明"));
        assertThat(rejected.text("$.status")).isEqualTo("OPEN");
        assertThat(rectification(project, subject, "status")).isEqualTo("OPEN");
        assertThat(api.as("rst").post("findings/" + finding + "/rectification",
                Map.of("rectifiedOn", today.toString(), "summary", "附接入证明", "evidenceDocumentIds", List.of(document))).status())
                .isEqualTo(200);
        Response closed = api.as("szsj").post("findings/" + finding + "/review", Map.of("decision", "ACCEPTED"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("$.status")).isEqualTo("CLOSED");
        assertThat(closed.<List<String>>json("$.rectifications[*].decision")).containsExactly("REJECTED", "ACCEPTED");
        assertThat(rectification(project, subject, "status")).isEqualTo("MET");
        assertThat(api.as("czt").get("projects/" + project + "/findings").<List<String>>json("$[*].status"))
                .containsExactly("CLOSED");
        assertThat(api.as("rst").get("audit-events?projectId=" + project + "&size=200").<List<String>>json("$.content[*].action"))
                .contains("POST_EVALUATION_COMMISSIONED", "POST_EVALUATION_REPORTED", "SUPERVISION_FINDING_RAISED",
                        "SUPERVISION_FINDING_RECTIFIED", "SUPERVISION_FINDING_REOPENED", "SUPERVISION_FINDING_CLOSED");

        // the signed archive package carries the evaluation record, and the finding once, with its source
        String section = packageEntry(project, "metadata/evaluation.json");
        assertThat(section).contains("吉林某工程咨询有限公司").doesNotContain(subject);
        String findingsSection = packageEntry(project, "metadata/findings.json");
        assertThat(findingsSection).contains(subject, "\"EVALUATION\"", post, "\"REJECTED\"", "\"ACCEPTED\"",
                "已接入省共享平台");
    }

    /** The evaluation page keeps its "raise a finding from this evaluation" form; the finding joins the one flow. */
    @Test
    void theEvaluationPageRaisesAFindingIntoTheFindingsFlow() throws Exception {
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 1_500_000, 12);
        String document = upload(project);
        LocalDate today = today();
        String post = api.as("szsj").post("projects/" + project + "/post-evaluations", Map.of("evaluator", "吉林某咨询公司",
                "commissionedOn", today.toString(), "scope", "效益")).text("$.id");
        String page = "/projects/" + project + "/evaluation";
        // a commissioned post-evaluation without its report: the rule next to the form
        MvcResult early = perform("szsj", post(page + "/findings").with(csrf())
                .param("source", "POST_EVALUATION:" + post).param("description", "效益不足"));
        assertThat(early.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(early)).contains("data-rule=\"ART-32\"", "效益不足");
        assertThat(api.as("szsj").post("post-evaluations/" + post + "/report", Map.of("reportedOn", today.toString(),
                "conclusion", "POOR", "summary", "效益不足", "documentId", document)).status()).isEqualTo(200);
        assertThat(body(perform("szsj", get(page)))).contains("data-testid=\"raise-form\"", "POST_EVALUATION:" + post);
        assertThat(perform("rst", post(page + "/findings").with(csrf()).param("source", "POST_EVALUATION:" + post)
                .param("description", "x")).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform("fgw", post(page + "/findings").with(csrf()).param("source", "POST_EVALUATION:" + post)
                .param("description", "x")).getResponse().getStatus()).isIn(403, 404);
        MvcResult bad = perform("szsj", post(page + "/findings").with(csrf()).param("source", "POST_EVALUATION:nonsense")
                .param("description", "x"));
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        MvcResult done = perform("szsj", post(page + "/findings").with(csrf())
                .param("source", "POST_EVALUATION:" + post).param("description", "提高系统使用率，半年内完成推广"));
        assertThat(done.getResponse().getStatus()).isEqualTo(302);

        Response listed = api.as("szsj").get("findings?source=EVALUATION&area=PERFORMANCE&size=200");
        List<String> ids = listed.json("$.content[?(@.projectId == '" + project + "')].id");
        assertThat(ids).hasSize(1);
        String finding = ids.get(0);
        Response read = api.as("rst").get("findings/" + finding);
        assertThat(read.text("$.sourceRef")).isEqualTo(post);
        assertThat(read.text("$.facts")).isEqualTo("提高系统使用率，半年内完成推广");
        // both pages show it: the evaluation page reads it, the findings page carries the unit's form
        assertThat(body(perform("rst", get(page)))).contains("data-id=\"" + finding + "\"", "提高系统使用率",
                "href=\"/projects/" + project + "/findings\"");
        assertThat(body(perform("rst", get("/projects/" + project + "/findings")))).contains("data-source=\"EVALUATION\"",
                "data-testid=\"rectify-form\"", "href=\"/projects/" + project + "/evaluation\"");
        assertThat(body(perform("czt", get("/findings?source=EVALUATION")))).contains("/projects/" + project + "/findings");
    }

    @Test
    void theEvaluationsListExportsWithItsFiltersAndNoFormula() throws Exception {
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 1_600_000, 12);
        String post = api.as("szsj").post("projects/" + project + "/post-evaluations", Map.of("evaluator",
                "=cmd|' /C calc'!A0", "commissionedOn", today().toString(), "scope", "效益")).text("$.id");
        assertThat(post).isNotNull();
        assertThat(api.as("rst").get("post-evaluations?status=COMMISSIONED&size=200")
                .<List<String>>json("$.content[*].id")).contains(post);
        assertThat(api.as("wjw").get("post-evaluations?size=200").<List<String>>json("$.content[*].id"))
                .doesNotContain(post);
        HttpResponse<byte[]> response = download("szsj", "/api/v1/evaluations/export.xlsx?postStatus=COMMISSIONED");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("evaluations-");
        long reports = api.as("szsj").get("self-evaluations?size=1").<Number>json("$.totalElements").longValue();
        long posts = api.as("szsj").get("post-evaluations?status=COMMISSIONED&size=1").<Number>json("$.totalElements").longValue();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("类别");
            assertThat((long) sheet.getLastRowNum()).isEqualTo(reports + posts);
            boolean found = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
                if (row.getRowNum() > 0 && "第三方后评价".equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("已委托");
                    found |= "=cmd|' /C calc'!A0".equals(row.getCell(6).getStringCellValue());
                }
            }
            assertThat(found).isTrue();
        }
        // the report filter narrows the reports only; REPORTED posts exclude this one
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                download("czt", "/api/v1/evaluations/export.xlsx?status=RETURNED&postStatus=REPORTED&lang=en").body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kind");
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(3).getStringCellValue()).isIn("Returned", "Reported");
                }
            }
        }
        assertThat(download("szsj", "/api/v1/evaluations/export.xlsx?status=BOGUS").statusCode()).isEqualTo(400);
        assertThat(download("rst", "/api/v1/evaluations/export.xlsx").statusCode()).isEqualTo(403);
        MvcResult page = perform("czt", get("/evaluations/export.xlsx"));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(perform("czt", get("/evaluations?postStatus=REPORTED"))))
                .contains("/evaluations/export.xlsx?status=&amp;postStatus=REPORTED");
    }

    HttpResponse<byte[]> download(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** One entry of the project's archive package, as text. */
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
    void aProjectNotInOperationHasNoEvaluationYet() {
        String project = ApprovedProjects.underConstruction(api, "rst", 1_000_000, 12);
        Response refused = api.as("szsj").post("projects/" + project + "/post-evaluations", Map.of("evaluator", "x",
                "commissionedOn", today().toString(), "scope", "y"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].item")).containsExactly("status");
        assertThat(api.as("rst").get("projects/" + project + "/self-evaluation-window").status()).isEqualTo(404);
    }

    @Test
    void thePagesShowTheWindowAndTheFormsToWhoMayUseThem() throws Exception {
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 1_200_000, 12);
        String page = "/projects/" + project + "/evaluation";
        String unit = body(perform("rst", get(page)));
        assertThat(unit).contains("data-state=\"NOT_YET_OPEN\"", today().plusMonths(12).toString(),
                today().plusMonths(24).toString(), "data-testid=\"self-evaluation-form\"")
                .doesNotContain("data-testid=\"commission-form\"");
        assertThat(body(perform("szsj", get(page)))).contains("data-testid=\"commission-form\"")
                .doesNotContain("data-testid=\"self-evaluation-form\"");
        assertThat(body(perform("czt", get(page)))).doesNotContain("data-testid=\"commission-form\"",
                "data-testid=\"self-evaluation-form\"");
        assertThat(perform("wjw", get(page)).getResponse().getStatus()).isEqualTo(404);

        MvcResult early = perform("rst", post(page + "/self-evaluation").with(csrf())
                .param("evaluatedOn", today().toString()).param("goalsAchieved", "目标已实现"));
        assertThat(early.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(early)).contains("data-rule=\"ART-28\"", "data-item=\"evaluatedOn\"", "目标已实现");
        MvcResult badDate = perform("rst", post(page + "/self-evaluation").with(csrf()).param("evaluatedOn", "2027-02-30"));
        assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badDate)).contains("data-field=\"evaluatedOn\"");
        assertThat(perform("szsj", post(page + "/self-evaluation").with(csrf()).param("evaluatedOn", today().toString()))
                .getResponse().getStatus()).isEqualTo(403);

        MvcResult commissioned = perform("szsj", post(page + "/post-evaluations").with(csrf())
                .param("evaluator", "吉林某咨询公司").param("commissionedOn", today().toString()).param("scope", "全面后评价"));
        assertThat(commissioned.getResponse().getStatus()).isEqualTo(302);
        assertThat(body(perform("szsj", get(page)))).contains("吉林某咨询公司", "data-testid=\"post-report-form\"");

        assertThat(perform("rst", get("/evaluations")).getResponse().getStatus()).isEqualTo(403);
        assertThat(body(perform("szsj", get("/evaluations?postStatus=COMMISSIONED")))).contains("data-testid=\"windows\"",
                "data-project=\"" + project + "\"");
        assertThat(perform("czt", get("/evaluations?status=BOGUS")).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theRulesAndTheEndpointsArePublished() {
        Response rules = api.as("rst").get("rules");
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-28')].article")).containsExactly("第二十八条");
        assertThat(rules.<List<Object>>json("$[?(@.id == 'ART-28')].parameters.selfEvaluationWindowStartMonths"))
                .containsExactly(12);
        assertThat(rules.<List<Object>>json("$[?(@.id == 'ART-28')].parameters.selfEvaluationWindowEndMonths"))
                .containsExactly(24);
        assertThat(rules.<List<Object>>json("$[?(@.id == 'ART-32')].parameters.rectificationWindowMonths"))
                .containsExactly(6);
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-32')].summary")).singleElement().asString()
                .contains("整改");
        String docs = api.as("rst").get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/projects/{id}/self-evaluation", "/api/v1/projects/{id}/self-evaluations",
                "/api/v1/self-evaluations/{id}/decision", "/api/v1/projects/{id}/post-evaluations",
                "/api/v1/post-evaluations/{id}/report", "/api/v1/evaluations/export.xlsx")
                .doesNotContain("/api/v1/projects/{id}/evaluation-findings", "/api/v1/evaluation-findings/{id}/review");
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
