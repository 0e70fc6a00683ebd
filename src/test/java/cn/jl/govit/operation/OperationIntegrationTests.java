package cn.jl.govit.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.AcceptedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Operation through the API on PostgreSQL (Art. 16, 17, 35, 36): the assessments due when operation starts, an
 * assessment meeting its obligation and opening the next from its own date, notices to the supervisors on issues,
 * MLPS evaluations (none for a classified system), O&M contracts and the paged O&M log; scope, role, input and the
 * project's stage checked in the contract's order.
 */
@GovItTest
class OperationIntegrationTests {

    static final String BOUNDARY = "govit-operation-boundary";

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    Projects projects;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    String inOperation() {
        return AcceptedProjects.inOperation(api, runAs, projects, "rst", 3_000_000, 12);
    }

    @Test
    void operationOpensBothAssessmentsAndAnAssessmentMeetsItsOwnAndOpensTheNext() {
        String project = inOperation();
        LocalDate started = AcceptedProjects.operationStartedOn(runAs, projects, project);
        Response due = api.as("rst").get("projects/" + project + "/obligations");
        assertThat(due.<List<String>>json("$[?(@.type == 'SECURITY_ASSESSMENT')].dueDate"))
                .containsExactly(started.plusMonths(12).toString());
        assertThat(due.<List<String>>json("$[?(@.type == 'CRYPTO_ASSESSMENT')].dueDate"))
                .containsExactly(started.plusMonths(12).toString());
        assertThat(due.<List<String>>json("$[?(@.type == 'SECURITY_ASSESSMENT')].rule")).containsExactly("ART-36");
        assertThat(due.<List<String>>json("$[?(@.type == 'CRYPTO_ASSESSMENT')].rule")).containsExactly("ART-17");

        String report = upload(project, "安全风险评估报告.txt");
        Response recorded = api.as("rst").post("projects/" + project + "/security-assessments",
                assessment(today(), "PASS", report));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat((Integer) recorded.json("$.sequence")).isEqualTo(1);
        assertThat(recorded.text("$.nextDueOn")).isEqualTo(today().plusMonths(12).toString());

        Response after = api.as("rst").get("projects/" + project + "/obligations");
        assertThat(after.<List<String>>json("$[?(@.type == 'SECURITY_ASSESSMENT')].status")).containsExactly("MET", "OPEN");
        assertThat(after.<List<String>>json("$[?(@.type == 'SECURITY_ASSESSMENT' && @.status == 'OPEN')].dueDate"))
                .containsExactly(today().plusMonths(12).toString());
        assertThat(after.<List<String>>json("$[?(@.type == 'CRYPTO_ASSESSMENT')].status")).containsExactly("OPEN");

        Response second = api.as("rst").post("projects/" + project + "/security-assessments",
                assessment(today(), "PASS", report));
        assertThat((Integer) second.json("$.sequence")).isEqualTo(2);
        Response listed = api.as("sjt").get("projects/" + project + "/security-assessments");
        assertThat(listed.<List<Integer>>json("$[*].sequence")).containsExactly(2, 1);
        assertThat(api.as("sjt").get("projects/" + project + "/crypto-assessments").<List<Object>>json("$")).isEmpty();
        assertThat(api.as("rst").get("audit-events?projectId=" + project).<List<String>>json("$.content[*].action"))
                .contains("ASSESSMENT_RECORDED", "OBLIGATION_MET", "OPERATION_STARTED");
    }

    @Test
    void aFailedCryptoAssessmentNotifiesTheAuthorityAndTheCryptographyAdministration() {
        String project = inOperation();
        String report = upload(project, "密评报告.txt");
        Response failed = api.as("rst").post("projects/" + project + "/crypto-assessments",
                assessment(today(), "FAIL", report));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(201);
        assertThat(failed.text("$.kind")).isEqualTo("CRYPTO");

        assertThat(api.as("mmj").get("me/notifications?size=200").<List<String>>json("$.content[*].link"))
                .contains("/projects/" + project + "/operation");
        assertThat(api.as("szsj").get("me/notifications?size=200").<List<String>>json("$.content[*].link"))
                .contains("/projects/" + project + "/operation");
        assertThat(api.as("wxb").get("me/notifications?size=200").<List<String>>json("$.content[*].link"))
                .doesNotContain("/projects/" + project + "/operation");

        Response issues = api.as("rst").post("projects/" + project + "/security-assessments",
                assessment(today(), "PASS_WITH_ISSUES", report));
        assertThat(issues.status()).isEqualTo(201);
        assertThat(api.as("wxb").get("me/notifications?size=200").<List<String>>json("$.content[*].link"))
                .contains("/projects/" + project + "/operation");
    }

    @Test
    void onlyTheConstructionUnitRecordsAndOnlyInOperation() {
        String project = inOperation();
        String report = upload(project, "报告.txt");
        String path = "projects/" + project + "/security-assessments";
        Map<String, Object> valid = assessment(today(), "PASS", report);

        assertThat(api.anonymous().post(path, valid).status()).isEqualTo(401);
        assertThat(api.as("wjw").post(path, valid).status()).isEqualTo(404);
        assertThat(api.as("wjw").get(path).status()).isEqualTo(404);
        assertThat(api.as("szsj").post(path, valid).status()).isEqualTo(403);
        assertThat(api.as("szsj").post("projects/" + project + "/om-contracts", contract("YW-403", 100, today(),
                today().plusYears(1))).status()).isEqualTo(403);
        assertThat(api.as("wxb").post(path, valid).status()).isEqualTo(403);
        assertThat(api.as("szsj").send(HttpMethod.POST, path, "application/json", "{").status()).isEqualTo(403);
        assertThat(api.as("rst").send(HttpMethod.POST, path, "application/json", "{").status()).isEqualTo(400);
        assertThat(api.as("szsj").get(path).status()).isEqualTo(200);

        String building = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        String buildingReport = upload(building, "报告.txt");
        Response early = api.as("rst").post("projects/" + building + "/security-assessments",
                assessment(today(), "PASS", buildingReport));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.<List<String>>json("$.violations[*].rule")).containsExactly("ART-36");
        assertThat(api.as("rst").post("projects/" + building + "/crypto-assessments",
                assessment(today(), "PASS", buildingReport)).<List<String>>json("$.violations[*].rule"))
                .containsExactly("ART-36");
        Response contractEarly = api.as("rst").post("projects/" + building + "/om-contracts",
                contract("YW-1", 100, today(), today().plusYears(1)));
        assertThat(contractEarly.status()).isEqualTo(422);
        assertThat(contractEarly.<List<String>>json("$.violations[*].rule")).containsExactly("ART-35");
        Response logEarly = api.as("rst").post("projects/" + building + "/om-records", record(today(), "ROUTINE"));
        assertThat(logEarly.<List<String>>json("$.violations[*].rule")).containsExactly("ART-35");
        Response mlpsEarly = api.as("rst").post("projects/" + building + "/mlps-records", mlps(3, buildingReport));
        assertThat(mlpsEarly.<List<String>>json("$.violations[*].rule")).containsExactly("ART-26");
    }

    @Test
    void badInputAnswers400() {
        String project = inOperation();
        String report = upload(project, "报告.txt");

        Response endsFirst = api.as("rst").post("projects/" + project + "/om-contracts",
                contract("YW-2", 100, today(), today()));
        assertThat(endsFirst.status()).isEqualTo(400);
        assertThat(endsFirst.<List<String>>json("$.errors[*].field")).containsExactly("endsOn");
        Response zero = api.as("rst").post("projects/" + project + "/om-contracts",
                contract("YW-3", 0, today(), today().plusYears(1)));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.<List<String>>json("$.errors[*].field")).containsExactly("amount");
        Response cents = api.as("rst").post("projects/" + project + "/om-contracts",
                contract("YW-4", 100.123, today(), today().plusYears(1)));
        assertThat(cents.<List<String>>json("$.errors[*].field")).containsExactly("amount");

        Response level6 = api.as("rst").post("projects/" + project + "/mlps-records", mlps(6, report));
        assertThat(level6.status()).isEqualTo(400);
        assertThat(level6.<List<String>>json("$.errors[*].field")).containsExactly("level");
        Map<String, Object> score = mlps(3, report);
        score.put("score", 100.5);
        assertThat(api.as("rst").post("projects/" + project + "/mlps-records", score)
                .<List<String>>json("$.errors[*].field")).containsExactly("score");

        Response future = api.as("rst").post("projects/" + project + "/security-assessments",
                assessment(today().plusDays(1), "PASS", report));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.<List<String>>json("$.errors[*].field")).containsExactly("assessedOn");
        Response unknownResult = api.as("rst").post("projects/" + project + "/security-assessments",
                assessment(today(), "GOOD", report));
        assertThat(unknownResult.status()).isEqualTo(400);
        String other = upload(inOperation(), "别的项目.txt");
        Response foreign = api.as("rst").post("projects/" + project + "/security-assessments",
                assessment(today(), "PASS", other));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.<List<String>>json("$.errors[*].field")).containsExactly("documentId");
        Response unknownDocument = api.as("rst").post("projects/" + project + "/security-assessments",
                assessment(today(), "PASS", UUID.randomUUID().toString()));
        assertThat(unknownDocument.<List<String>>json("$.errors[*].field")).containsExactly("documentId");
        Response beforeOperation = api.as("rst").post("projects/" + project + "/om-records",
                record(today().minusDays(1), "ROUTINE"));
        assertThat(beforeOperation.status()).isEqualTo(422);
        assertThat(beforeOperation.<List<String>>json("$.violations[*].item")).containsExactly("occurredOn");
        assertThat(api.as("rst").get("projects/" + project + "/om-records?kind=NOPE").status()).isEqualTo(400);
        assertThat(api.as("wjw").get("projects/" + project + "/om-records?kind=NOPE").status()).isEqualTo(404);
        assertThat(api.as("wjw").get("projects/" + project + "/om-records?size=0").status()).isEqualTo(404);
        assertThat(api.as("rst").get("projects/" + project + "/om-records?size=0").status()).isEqualTo(400);
    }

    @Test
    void contractsAreFlaggedBeforeTheyEndAndTheLogPagesByKind() {
        String project = inOperation();
        Response soon = api.as("rst").post("projects/" + project + "/om-contracts",
                contract("YW-2026-01", 180000.50, today().minusYears(1), today().plusDays(60)));
        assertThat(soon.status()).as(soon.toString()).isEqualTo(201);
        assertThat((Boolean) soon.json("$.renewalDue")).isTrue();
        Response later = api.as("rst").post("projects/" + project + "/om-contracts",
                contract("YW-2026-02", 200000, today(), today().plusDays(61)));
        assertThat((Boolean) later.json("$.renewalDue")).isFalse();
        assertThat(api.as("rst").post("projects/" + project + "/om-contracts",
                contract("YW-2026-02", 1, today(), today().plusDays(90))).<List<String>>json("$.errors[*].field"))
                .containsExactly("contractNumber");
        Response contracts = api.as("czt").get("projects/" + project + "/om-contracts");
        assertThat(contracts.<List<String>>json("$[*].contractNumber")).containsExactly("YW-2026-02", "YW-2026-01");
        assertThat(contracts.<List<Boolean>>json("$[*].renewalDue")).containsExactly(false, true);

        String contractId = soon.text("$.id");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> routine = record(today(), "ROUTINE");
            routine.put("contractId", contractId);
            assertThat(api.as("rst").post("projects/" + project + "/om-records", routine).status()).isEqualTo(201);
        }
        assertThat(api.as("rst").post("projects/" + project + "/om-records", record(today(), "SECURITY_EVENT")).status())
                .isEqualTo(201);
        Map<String, Object> foreignContract = record(today(), "ROUTINE");
        foreignContract.put("contractId", UUID.randomUUID().toString());
        assertThat(api.as("rst").post("projects/" + project + "/om-records", foreignContract)
                .<List<String>>json("$.errors[*].field")).containsExactly("contractId");

        Response page = api.as("szsj").get("projects/" + project + "/om-records?page=1&size=2");
        assertThat((Integer) page.json("$.totalElements")).isEqualTo(4);
        assertThat(page.<List<Object>>json("$.content")).hasSize(2);
        Response events = api.as("szsj").get("projects/" + project + "/om-records?kind=SECURITY_EVENT");
        assertThat((Integer) events.json("$.totalElements")).isEqualTo(1);
        assertThat(events.<List<String>>json("$.content[*].kind")).containsExactly("SECURITY_EVENT");
        assertThat(api.as("rst").get("audit-events?projectId=" + project).<List<String>>json("$.content[*].action"))
                .contains("OM_CONTRACT_RECORDED", "OM_RECORD_ADDED");
    }

    @Test
    void mlpsRecordsShowTheNextYearlyEvaluationFromLevelThree() {
        String project = inOperation();
        String report = upload(project, "等保测评报告.txt");
        Response level3 = api.as("rst").post("projects/" + project + "/mlps-records", mlps(3, report));
        assertThat(level3.status()).as(level3.toString()).isEqualTo(201);
        assertThat(level3.text("$.nextDueOn")).isEqualTo(today().plusMonths(12).toString());
        Response level2 = api.as("rst").post("projects/" + project + "/mlps-records", mlps(2, report));
        assertThat((Object) level2.json("$.nextDueOn")).isNull();
        assertThat(api.as("sjt").get("projects/" + project + "/mlps-records").<List<Integer>>json("$[*].level"))
                .containsExactlyInAnyOrder(3, 2);
    }

    @Test
    void aClassifiedSystemKeepsNoMlpsRecordHere() {
        Map<String, Object> proposal = Api.proposal(Api.unique("涉密运维"));
        proposal.put("classified", true);
        proposal.put("inProvincialPlan", false);
        proposal.put("simpleOrEquipmentOnly", true);
        String project = api.as("rst").post("projects", proposal).text("$.id");
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode",
                Map.of("mode", "SELF_BUILT", "exception", "CLASSIFIED", "justification", "涉密项目，自行建设")).status())
                .isEqualTo(200);
        Response filed = api.as("rst").post("projects/" + project + "/submissions/offline",
                Map.of("stage", "FEASIBILITY_STUDY", "offlineReference", "机要载体 JM-OP-1"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", "APPROVED");
        decision.put("approvedInvestment", 11_800_000);
        decision.put("constructionPeriodMonths", 12);
        decision.put("sharingOpinion", "涉密信息不予共享。");
        decision.put("opinion", "经线下专家评审，同意。");
        assertThat(api.as("szsj").post("submissions/" + filed.text("$.id") + "/decision", decision).status()).isEqualTo(201);
        ApprovedProjects.startConstruction(api, "rst", project, today());
        UUID id = UUID.fromString(project);
        runAs.run("rst", () -> projects.enterAcceptance(id, projects.today()));
        runAs.run("szsj", () -> projects.startOperation(id, projects.today()));

        Response offline = api.as("rst").post("projects/" + project + "/documents",
                Map.of("code", "OP1", "title", "分级保护测评报告", "offlineReference", "机要载体 JM-OP-2"));
        assertThat(offline.status()).as(offline.toString()).isEqualTo(201);
        Response refused = api.as("rst").post("projects/" + project + "/mlps-records", mlps(3, offline.text("$.id")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-8");
        // its periodic security assessment is still recorded, with the report registered offline
        Response assessed = api.as("rst").post("projects/" + project + "/security-assessments",
                assessment(today(), "PASS", offline.text("$.id")));
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(201);
    }

    @Test
    void theArchivePackageCarriesTheOperationRecords() throws Exception {
        String project = inOperation();
        String report = upload(project, "评估报告.txt");
        assertThat(api.as("rst").post("projects/" + project + "/crypto-assessments", assessment(today(), "PASS", report))
                .status()).isEqualTo(201);
        assertThat(api.as("rst").post("projects/" + project + "/om-contracts",
                contract("YW-DOSSIER", 1000, today(), today().plusYears(1))).status()).isEqualTo(201);
        assertThat(api.as("rst").post("projects/" + project + "/om-records", record(today(), "INCIDENT")).status())
                .isEqualTo(201);

        HttpResponse<byte[]> exported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/projects/" + project + "/archive-package"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("rst:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(exported.statusCode()).isEqualTo(200);
        String operation = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(exported.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("metadata/operation.json")) {
                    operation = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(operation).isNotNull();
        assertThat(JsonPath.<List<String>>read(operation, "$.assessments[*].kind")).containsExactly("CRYPTO");
        assertThat(JsonPath.<List<String>>read(operation, "$.contracts[*].contractNumber")).containsExactly("YW-DOSSIER");
        assertThat(JsonPath.<List<String>>read(operation, "$.records[*].kind")).containsExactly("INCIDENT");
        assertThat(JsonPath.<List<Object>>read(operation, "$.mlpsRecords")).isEmpty();
    }

    @Test
    void theRulesAndTheApiDocumentationNameOperation() {
        Response rules = api.as("rst").get("rules");
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-35')].article")).containsExactly("第三十五条");
        assertThat(rules.<List<Object>>json("$[?(@.id == 'ART-35')].parameters.contractRenewalNoticeDays"))
                .containsExactly(60);
        assertThat(rules.<List<Object>>json("$[?(@.id == 'ART-36')].parameters.securityAssessmentPeriodMonths"))
                .containsExactly(12);
        String docs = api.as("rst").get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/projects/{id}/security-assessments", "/api/v1/projects/{id}/crypto-assessments",
                "/api/v1/projects/{id}/mlps-records", "/api/v1/projects/{id}/om-contracts",
                "/api/v1/projects/{id}/om-records");
    }

    static Map<String, Object> assessment(LocalDate on, String result, String documentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessedOn", on.toString());
        body.put("assessor", "吉林省信息安全测评中心");
        body.put("result", result);
        body.put("findings", "PASS".equals(result) ? null : "弱口令两处，日志留存不足六个月");
        body.put("documentId", documentId);
        return body;
    }

    static Map<String, Object> mlps(int level, String documentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level);
        body.put("filingNumber", "22010013001-00001");
        body.put("evaluatedOn", today().toString());
        body.put("evaluator", "吉林省网络安全等级保护测评中心");
        body.put("score", 86.5);
        body.put("conclusion", "BASICALLY_CONFORMING");
        body.put("documentId", documentId);
        return body;
    }

    static Map<String, Object> contract(String number, Number amount, LocalDate startsOn, LocalDate endsOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contractor", "吉林祥云运维服务有限公司");
        body.put("contractNumber", number);
        body.put("amount", amount);
        body.put("startsOn", startsOn.toString());
        body.put("endsOn", endsOn.toString());
        body.put("serviceLevel", "7×24 小时响应，重大故障 2 小时内到场");
        return body;
    }

    static Map<String, Object> record(LocalDate on, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("occurredOn", on.toString());
        body.put("kind", kind);
        body.put("description", "数据库主备切换演练，恢复时间 12 分钟");
        return body;
    }

    String upload(String project, String filename) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n内容 " + UUID.randomUUID() + "\r\n--" + BOUNDARY + "--\r\n";
        Response stored = api.as("rst").send(HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + BOUNDARY, body.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return stored.text("$.id");
    }
}
