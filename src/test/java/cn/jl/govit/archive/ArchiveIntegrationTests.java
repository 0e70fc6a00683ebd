package cn.jl.govit.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Archives through the API on PostgreSQL (Art. 24): the construction unit registers documents and applies, only the
 * Archives Bureau records the result, a failure needs its opinion and lets the unit register more and apply again,
 * and {@link ArchiveAcceptances#passed} answers the final-acceptance gate.
 */
@GovItTest
class ArchiveIntegrationTests {

    static final String BOUNDARY = "govit-archive-boundary";

    @LocalServerPort
    int port;

    @Autowired
    ArchiveAcceptances acceptances;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theUnitRegistersAndAppliesTheArchivesBureauFailsThenPassesIt() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 18);
        String entries = "projects/" + project + "/archive-entries";
        String contract = upload(project, "合同.txt", "AM5");
        String supervision = upload(project, "监理日志.txt", "AM11");

        assertThat(api.as("rst").get("archive-categories").<List<String>>json("$[*].code")).contains("AR-APPROVAL",
                "AR-PROCUREMENT", "AR-IMPLEMENTATION", "AR-SUPERVISION", "AR-ACCEPTANCE", "AR-FINANCE");
        assertThat(api.as("rst").get("archive-categories").<List<String>>json("$[?(@.code == 'AR-PROCUREMENT')].materialCodes[*]"))
                .contains("AM3", "AM4", "AM5");

        Response registered = api.as("rst").post(entries, entry("AR-PROCUREMENT", contract, "软件开发合同"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("$.retention")).isEqualTo("PERMANENT");
        Response again = api.as("rst").post(entries, entry("AR-IMPLEMENTATION", contract, "软件开发合同"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.<List<String>>json("$.errors[*].field")).containsExactly("documentId");
        Response page = api.as("sjt").get(entries + "?size=5");
        assertThat((Integer) page.json("$.totalElements")).isEqualTo(1);
        assertThat((Integer) page.json("$.size")).isEqualTo(5);

        String acceptance = "projects/" + project + "/archive-acceptance";
        assertThat(api.as("rst").get(acceptance).text("$.status")).isEqualTo("NOT_APPLIED");
        Response early = api.as("daj").post(acceptance, result("PASSED", today(), null));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.<List<String>>json("$.violations[*].rule")).containsExactly("ART-24");

        Response applied = api.as("rst").post(acceptance + "/application", Map.of());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.text("$.status")).isEqualTo("PENDING");
        assertThat((Integer) applied.json("$.entryCount")).isEqualTo(1);
        assertThat(api.as("rst").post(acceptance + "/application", Map.of()).<List<String>>json("$.violations[*].rule"))
                .containsExactly("ART-24");
        Response whilePending = api.as("rst").post(entries, entry("AR-SUPERVISION", supervision, "监理日志"));
        assertThat(whilePending.status()).isEqualTo(422);
        assertThat(whilePending.<List<String>>json("$.violations[*].rule")).containsExactly("ART-24");

        assertThat(api.as("daj").get("archive-acceptance/applications?size=200").<List<String>>json("$.content[*].projectId"))
                .contains(project);
        assertThat(api.as("rst").get("archive-acceptance/applications").status()).isEqualTo(403);

        Response noOpinion = api.as("daj").post(acceptance, result("FAILED", today(), " "));
        assertThat(noOpinion.status()).isEqualTo(422);
        assertThat(noOpinion.<List<String>>json("$.violations[*].rule")).containsExactly("ART-24");
        assertThat(noOpinion.<List<String>>json("$.violations[*].item")).containsExactly("opinion");
        Response beforeApplication = api.as("daj").post(acceptance, result("PASSED", today().minusDays(1), null));
        assertThat(beforeApplication.status()).isEqualTo(422);
        assertThat(beforeApplication.<List<String>>json("$.violations[*].item")).containsExactly("acceptedOn");

        Response failed = api.as("daj").post(acceptance, result("FAILED", today(), "缺少监理文件，请补充归档"));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(failed.text("$.status")).isEqualTo("FAILED");
        assertThat(acceptances.passed(UUID.fromString(project))).isFalse();

        assertThat(api.as("rst").post(entries, entry("AR-SUPERVISION", supervision, "监理日志")).status()).isEqualTo(201);
        Response reapplied = api.as("rst").post(acceptance + "/application", Map.of());
        assertThat((Integer) reapplied.json("$.round")).isEqualTo(2);
        assertThat((Integer) reapplied.json("$.entryCount")).isEqualTo(2);
        Response passed = api.as("daj").post(acceptance, result("PASSED", today(), null));
        assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
        assertThat(acceptances.passed(UUID.fromString(project))).isTrue();

        Response state = api.as("szsj").get(acceptance);
        assertThat(state.text("$.status")).isEqualTo("PASSED");
        assertThat(state.<List<String>>json("$.rounds[*].status")).containsExactly("FAILED", "PASSED");
        assertThat(state.text("$.rounds[0].opinion")).isEqualTo("缺少监理文件，请补充归档");
        assertThat(api.as("rst").post(entries, entry("AR-OTHER", upload(project, "其他.txt", null), "其他")).status())
                .isEqualTo(422);
        assertThat(api.as("rst").post(acceptance + "/application", Map.of()).status()).isEqualTo(422);
        assertThat(api.as("rst").get("audit-events?projectId=" + project).<List<String>>json("$.content[*].action"))
                .contains("ARCHIVE_ENTRY_REGISTERED", "ARCHIVE_ACCEPTANCE_APPLIED", "ARCHIVE_ACCEPTANCE_FAILED",
                        "ARCHIVE_ACCEPTANCE_PASSED");
    }

    @Test
    void onlyTheArchivesBureauRecordsTheResult() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 18);
        api.as("rst").post("projects/" + project + "/archive-entries",
                entry("AR-APPROVAL", upload(project, "批复.txt", "AM2"), "可研批复"));
        assertThat(api.as("rst").post("projects/" + project + "/archive-acceptance/application", Map.of()).status())
                .isEqualTo(201);
        String acceptance = "projects/" + project + "/archive-acceptance";
        Map<String, Object> pass = result("PASSED", today(), null);
        assertThat(api.as("szsj").post(acceptance, pass).status()).isEqualTo(403);
        assertThat(api.as("rst").post(acceptance, pass).status()).isEqualTo(403);
        assertThat(api.as("sjt").post(acceptance, pass).status()).isEqualTo(403);
        assertThat(api.as("jyt").post(acceptance, pass).status()).isEqualTo(404);
        assertThat(api.as("szsj").send(HttpMethod.POST, acceptance, "application/json", "{").status()).isEqualTo(403);
        assertThat(api.as("daj").send(HttpMethod.POST, acceptance, "application/json", "{").status()).isEqualTo(400);
        Response future = api.as("daj").post(acceptance, result("PASSED", today().plusDays(1), null));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.<List<String>>json("$.errors[*].field")).containsExactly("acceptedOn");
        assertThat(api.as("daj").post(acceptance, Map.of("acceptedOn", today().toString())).status()).isEqualTo(400);
        assertThat(api.as("daj").post(acceptance, result("GOOD", today(), null)).status()).isEqualTo(400);
        assertThat(api.as("daj").post(acceptance, result("PASSED", today(), "档案齐全")).status()).isEqualTo(200);
        assertThat(api.as("daj").post(acceptance, result("PASSED", today(), "档案齐全")).status()).isEqualTo(422);
    }

    @Test
    void registrationChecksScopeRoleInputAndTheProjectsStage() {
        String approved = ApprovedProjects.approved(api, "rst", 900_000, 12);
        String document = upload(approved, "可研.txt", "AM2");
        String entries = "projects/" + approved + "/archive-entries";
        Map<String, Object> valid = entry("AR-APPROVAL", document, "可研报告");

        assertThat(api.anonymous().get(entries).status()).isEqualTo(401);
        assertThat(api.as("jyt").get(entries).status()).isEqualTo(404);
        assertThat(api.as("jyt").post(entries, valid).status()).isEqualTo(404);
        assertThat(api.as("daj").post(entries, valid).status()).isEqualTo(403);
        assertThat(api.as("szsj").send(HttpMethod.POST, entries, "application/json", "{").status()).isEqualTo(403);
        assertThat(api.as("rst").send(HttpMethod.POST, entries, "application/json", "{").status()).isEqualTo(400);

        Map<String, Object> unknownCategory = entry("AR-NOPE", document, "可研报告");
        assertThat(api.as("rst").post(entries, unknownCategory).<List<String>>json("$.errors[*].field"))
                .containsExactly("categoryCode");
        Map<String, Object> noTitle = entry("AR-APPROVAL", document, " ");
        assertThat(api.as("rst").post(entries, noTitle).<List<String>>json("$.errors[*].field")).containsExactly("title");
        Map<String, Object> badRetention = entry("AR-APPROVAL", document, "可研报告");
        badRetention.put("retention", "Y99");
        assertThat(api.as("rst").post(entries, badRetention).status()).isEqualTo(400);
        Map<String, Object> foreign = entry("AR-APPROVAL", UUID.randomUUID().toString(), "可研报告");
        assertThat(api.as("rst").post(entries, foreign).<List<String>>json("$.errors[*].field")).containsExactly("documentId");
        Map<String, Object> nothing = entry("AR-APPROVAL", null, "可研报告");
        assertThat(api.as("rst").post(entries, nothing).<List<String>>json("$.errors[*].field")).containsExactly("documentId");

        Response notBuilding = api.as("rst").post(entries, valid);
        assertThat(notBuilding.status()).isEqualTo(422);
        assertThat(notBuilding.<List<String>>json("$.violations[*].rule")).containsExactly("ART-14");

        ApprovedProjects.startConstruction(api, "rst", approved, today());
        Map<String, Object> offline = entry("AR-APPROVAL", null, "可研报告");
        offline.put("offlineReference", "JL-ZW-2026-001");
        Response notClassified = api.as("rst").post(entries, offline);
        assertThat(notClassified.status()).isEqualTo(422);
        assertThat(notClassified.<List<String>>json("$.violations[*].rule")).containsExactly("ART-8");
        assertThat(api.as("rst").post(entries, valid).status()).isEqualTo(201);
        Response empty = api.as("rst").post("projects/" + ApprovedProjects.underConstruction(api, "rst", 900_000, 12)
                + "/archive-acceptance/application", Map.of());
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.<List<String>>json("$.violations[*].item")).containsExactly("entries");
    }

    @Test
    void aClassifiedProjectRegistersItsArchivesByOfflineReferenceOnly() {
        Map<String, Object> proposal = Api.proposal(Api.unique("涉密档案"));
        proposal.put("classified", true);
        proposal.put("inProvincialPlan", false);
        proposal.put("simpleOrEquipmentOnly", true);
        String project = api.as("rst").post("projects", proposal).text("$.id");
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode",
                Map.of("mode", "SELF_BUILT", "exception", "CLASSIFIED", "justification", "涉密项目，自行建设")).status())
                .isEqualTo(200);
        Response filed = api.as("rst").post("projects/" + project + "/submissions/offline",
                Map.of("stage", "FEASIBILITY_STUDY", "offlineReference", "机要载体 JM-ARC-1"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", "APPROVED");
        decision.put("approvedInvestment", 11_800_000);
        decision.put("constructionPeriodMonths", 12);
        decision.put("sharingOpinion", "涉密信息不予共享。");
        decision.put("opinion", "经线下专家评审，同意。");
        assertThat(api.as("szsj").post("submissions/" + filed.text("$.id") + "/decision", decision).status()).isEqualTo(201);
        ApprovedProjects.startConstruction(api, "rst", project, today());

        Map<String, Object> offline = entry("AR-IMPLEMENTATION", null, "分级保护测评意见");
        offline.put("offlineReference", "机要载体 JM-ARC-7");
        offline.put("carrier", "PAPER");
        Response registered = api.as("rst").post("projects/" + project + "/archive-entries", offline);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String document = registered.text("$.documentId");
        Response stored = api.as("rst").get("documents/" + document);
        assertThat(stored.text("$.offlineReference")).isEqualTo("机要载体 JM-ARC-7");
        assertThat((Object) stored.json("$.sm3")).isNull();

        Map<String, Object> both = entry("AR-IMPLEMENTATION", document, "分级保护测评意见");
        both.put("offlineReference", "JM-ARC-8");
        assertThat(api.as("rst").post("projects/" + project + "/archive-entries", both).status()).isEqualTo(400);
        assertThat(api.as("rst").post("projects/" + project + "/archive-acceptance/application", Map.of()).status())
                .isEqualTo(201);
    }

    @Test
    void theRulesAndTheApiDocumentationNameArchivesAndPerformanceReports() {
        Response rules = api.as("rst").get("rules");
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-24')].article")).containsExactly("第二十四条");
        assertThat(rules.<List<Object>>json("$[?(@.id == 'ART-20')].parameters.performanceReportMinConstructionMonths"))
                .containsExactly(12);
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-20')].parameters.performanceReportDue"))
                .containsExactly("--12-31");
        String docs = api.as("rst").get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/projects/{id}/archive-entries", "/api/v1/projects/{id}/archive-acceptance",
                "/api/v1/projects/{id}/archive-acceptance/application", "/api/v1/projects/{id}/performance-reports",
                "/api/v1/performance-reports/{id}/acceptance", "/api/v1/performance-reports/{id}/submit");
    }

    static Map<String, Object> entry(String category, String documentId, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categoryCode", category);
        body.put("documentId", documentId);
        body.put("title", title);
        body.put("retention", "PERMANENT");
        body.put("carrier", "ELECTRONIC");
        return body;
    }

    static Map<String, Object> result(String result, LocalDate on, String opinion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        body.put("acceptedOn", on.toString());
        body.put("opinion", opinion);
        return body;
    }

    String upload(String project, String filename, String code) {
        StringBuilder head = new StringBuilder();
        if (code != null) {
            head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n")
                    .append(code).append("\r\n");
        }
        head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: text/plain\r\n\r\n").append("内容 ").append(UUID.randomUUID())
                .append("\r\n--").append(BOUNDARY).append("--\r\n");
        Response stored = api.as("rst").send(HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + BOUNDARY, head.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return stored.text("$.id");
    }
}
