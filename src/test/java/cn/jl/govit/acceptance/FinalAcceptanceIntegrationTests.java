package cn.jl.govit.acceptance;

import static cn.jl.govit.acceptance.FinalAcceptanceSetUp.application;
import static cn.jl.govit.acceptance.FinalAcceptanceSetUp.material;
import static cn.jl.govit.acceptance.FinalAcceptanceSetUp.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.expert.AcceptanceCommittees;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Final acceptance through the API on PostgreSQL (Art. 24, 26, 27, Annex 4): the application with its materials
 * checklist, the conditions, the committee and its opinions, the archive gate, the result and the delegation.
 */
@GovItTest
class FinalAcceptanceIntegrationTests {

    static final List<String> SOFTWARE_NOT_CLASSIFIED = List.of("FA-SUMMARY", "FA-CRYPTO-ASSESSMENT", "AM1", "AM2", "AM3",
            "AM4", "AM5", "AM6", "AM7", "AM8", "AM9", "AM10", "AM11", "AM13.1", "AM13.2", "AM13.3", "AM13.4", "AM13.5",
            "AM14.1", "AM14.2", "AM14.4");

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    Projects projects;

    @Autowired
    TrialRuns trialRuns;

    @Autowired
    AcceptanceCommittees committees;

    Api api;
    FinalAcceptanceSetUp setUp;

    @BeforeEach
    void client() {
        api = new Api(port);
        setUp = new FinalAcceptanceSetUp(api, runAs, projects, trialRuns, committees);
    }

    @Test
    void theApplicationListsEveryMissingMaterialThenIsAcceptedAndMeetsItsDeadline() {
        String project = setUp.ready();
        String path = "projects/" + project + "/final-acceptance/application";
        List<Map<String, Object>> all = setUp.materials(project, SOFTWARE_NOT_CLASSIFIED);
        assertThat(api.as("rst").get("projects/" + project + "/obligations")
                .<List<String>>json("$[?(@.type == 'FINAL_ACCEPTANCE_APPLICATION')].status")).containsExactly("OPEN");

        List<Map<String, Object>> withoutSoftwareDocuments = all.stream()
                .filter(m -> !m.get("code").toString().startsWith("AM13") && !m.get("code").equals("AM7")).toList();
        Response missing = api.as("rst").post(path, application(true, withoutSoftwareDocuments));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.<List<String>>json("$.violations[*].item"))
                .containsExactly("AM7", "AM13.1", "AM13.2", "AM13.3", "AM13.4", "AM13.5");
        assertThat(missing.<List<String>>json("$.violations[*].rule")).containsOnly("ART-26");
        assertThat(missing.<List<String>>json("$.violations[*].article")).containsOnly("第二十六条");
        assertThat(missing.text("$.violations[0].message")).contains("AM7", "项目试运行报告");
        assertThat(api.as("rst").english().post(path, application(true, withoutSoftwareDocuments))
                .text("$.violations[0].message")).contains("AM7", "Trial-run report");
        // without software development the five software documents are not asked for
        Response noSoftware = api.as("rst").post(path, application(false, withoutSoftwareDocuments));
        assertThat(noSoftware.<List<String>>json("$.violations[*].item")).containsExactly("AM7");

        Response applied = api.as("rst").post(path, application(true, all));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.text("$.status")).isEqualTo("PENDING");
        assertThat((Integer) applied.json("$.number")).isEqualTo(1);
        assertThat(applied.<List<String>>json("$.materials[*].code")).containsExactlyElementsOf(SOFTWARE_NOT_CLASSIFIED);
        assertThat(applied.<List<String>>json("$.materials[*].sm3")).allMatch(s -> s.matches("[0-9a-f]{64}"));
        assertThat(api.as("rst").get("projects/" + project + "/obligations")
                .<List<String>>json("$[?(@.type == 'FINAL_ACCEPTANCE_APPLICATION')].status")).containsExactly("MET");

        Response again = api.as("rst").post(path, application(true, all));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.<List<String>>json("$.violations[*].item")).containsExactly("application");

        Response overview = api.as("szsj").get("projects/" + project + "/final-acceptance");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.text("$.status")).isEqualTo("PENDING");
        assertThat(overview.<List<String>>json("$.conditions[*].number")).containsExactly("1-2", "3", "4", "5", "6");
        assertThat(overview.<List<String>>json("$.conditions[*].status"))
                .containsExactly("MET", "MET", "MET", "UNKNOWN", "NOT_MET");
        assertThat(overview.<List<Boolean>>json("$.conditions[*].blocking")).containsExactly(false, false, false, false, true);

        Response queue = api.as("szsj").get("final-acceptance/applications?size=200");
        assertThat(queue.<List<String>>json("$.content[*].projectId")).contains(project);
        assertThat(api.as("fgw").get("final-acceptance/applications?size=200").<List<String>>json("$.content[*].projectId"))
                .doesNotContain(project);
        assertThat(api.as("rst").get("final-acceptance/applications").status()).isEqualTo(403);
    }

    @Test
    void theApplicationNeedsInitialAcceptanceAndAStableTrialRun() {
        String project = ApprovedProjects.underConstruction(api, "rst", 3_000_000, 12);
        Response early = api.as("rst").post("projects/" + project + "/final-acceptance/application",
                application(false, setUp.materials(project, List.of("FA-SUMMARY"))));
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.<List<String>>json("$.violations[?(@.rule == 'ART-26')].item"))
                .startsWith("initialAcceptance", "trialRun").contains("AM1", "AM14.2");
    }

    @Test
    void malformedMaterialsAnswer400NamingTheFieldAndScopeAndRoleComeFirst() {
        String project = setUp.ready();
        String other = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        String path = "projects/" + project + "/final-acceptance/application";
        String document = setUp.upload(project, "总结.txt", "FA-SUMMARY");

        Response unknown = api.as("rst").post(path, application(true, List.of(material("AM99", document))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.<List<String>>json("$.errors[*].field")).containsExactly("materials[0].code");
        Response duplicate = api.as("rst").post(path, application(true, List.of(material("FA-SUMMARY", document),
                material("FA-SUMMARY", document))));
        assertThat(duplicate.<List<String>>json("$.errors[*].field")).containsExactly("materials[1].code");
        Response foreign = api.as("rst").post(path, application(true, List.of(material("FA-SUMMARY", document),
                material("AM1", setUp.upload(other, "其他项目.txt", null)))));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.<List<String>>json("$.errors[*].field")).containsExactly("materials[1].documentId");
        Response malformed = api.as("rst").post(path, application(true, List.of(material("AM1", "not-a-uuid"))));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.<List<String>>json("$.errors[*].field")).allMatch(f -> f.startsWith("materials[0]"));
        Map<String, Object> noFlag = new LinkedHashMap<>();
        noFlag.put("materials", List.of());
        assertThat(api.as("rst").post(path, noFlag).<List<String>>json("$.errors[*].field"))
                .containsExactly("softwareDeveloped");

        assertThat(api.as("jyt").post(path, application(true, List.of(material("AM99", "x")))).status()).isEqualTo(404);
        assertThat(api.as("szsj").post(path, application(true, List.of(material("AM99", "x")))).status()).isEqualTo(403);
        assertThat(api.anonymous().post(path, application(true, List.of())).status()).isEqualTo(401);
        assertThat(api.as("jyt").get("projects/" + project + "/final-acceptance").status()).isEqualTo(404);
        assertThat(api.as("rst").post("projects/" + project + "/final-acceptance/committee", Map.of("size", 3)).status())
                .isEqualTo(403);
        assertThat(api.as("rst").post("projects/" + project + "/final-acceptance/result",
                result("PASSED", setUp.today(), null)).status()).isEqualTo(403);
        assertThat(api.as("jyt").post("projects/" + project + "/final-acceptance/delegation",
                Map.of("reason", "x")).status()).isEqualTo(404);
    }

    @Test
    void theAuthorityDecidesOnEveryOpinionAndOnlyAfterTheArchiveAcceptance() throws Exception {
        String project = setUp.ready();
        String base = "projects/" + project + "/final-acceptance";
        Response applied = api.as("rst").post(base + "/application",
                application(true, setUp.materials(project, SOFTWARE_NOT_CLASSIFIED)));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        UUID applicationId = UUID.fromString(applied.text("$.id"));

        Response noCommittee = api.as("szsj").post(base + "/result", result("PASSED", setUp.today(), "通过"));
        assertThat(noCommittee.status()).isEqualTo(422);
        assertThat(noCommittee.<List<String>>json("$.violations[*].item")).contains("committee");

        assertThat(api.as("szsj").post(base + "/committee", Map.of()).status()).isEqualTo(400);
        Response formed = api.as("szsj").post(base + "/committee", Map.of("size", 3));
        assertThat(formed.status()).as(formed.toString()).isEqualTo(201);
        assertThat(formed.<List<String>>json("$.experts")).hasSize(3);
        assertThat(api.as("szsj").post(base + "/committee", Map.of("size", 3)).status()).isEqualTo(409);

        Response pending = api.as("szsj").post(base + "/result", result("PASSED", setUp.today(), "通过"));
        assertThat(pending.status()).isEqualTo(422);
        assertThat(pending.<List<String>>json("$.violations[*].rule")).contains("ART-26");
        assertThat(pending.text("$.violations[0].message")).contains("附件4");

        setUp.everyExpertFiles(applicationId);
        Response future = api.as("szsj").post(base + "/result", result("PASSED", setUp.today().plusDays(1), "通过"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.<List<String>>json("$.errors[*].field")).containsExactly("decidedOn");
        Response archiveGate = api.as("szsj").post(base + "/result", result("PASSED", setUp.today(), "通过"));
        assertThat(archiveGate.status()).as(archiveGate.toString()).isEqualTo(422);
        assertThat(archiveGate.<List<String>>json("$.violations[*].rule")).containsExactly("ART-24");
        assertThat(archiveGate.<List<String>>json("$.violations[*].article")).containsExactly("第二十四条");

        setUp.archivesAccepted(project);
        Response overview = api.as("szsj").get(base);
        assertThat(overview.<List<String>>json("$.conditions[?(@.number == '6')].status")).containsExactly("MET");
        assertThat((Integer) overview.json("$.committee.filed")).isEqualTo(3);
        assertThat(overview.<List<String>>json("$.committee.opinions[*].conclusion")).containsOnly("RECOMMEND_PASS");
        // while the result is pending the unit sees how many opinions are in, not who gave them or what they say
        Response unitView = api.as("rst").get(base);
        assertThat((Integer) unitView.json("$.committee.filed")).isEqualTo(3);
        assertThat(unitView.<List<String>>json("$.committee.experts")).isEmpty();
        assertThat(unitView.<List<String>>json("$.committee.opinions")).isEmpty();
        // nor through the electronic archive package exported meanwhile
        assertThat(archivePackageEntry("rst", project, "metadata/acceptance-final.json")).doesNotContain("RECOMMEND_PASS");
        assertThat(archivePackageEntry("szsj", project, "metadata/acceptance-final.json")).contains("RECOMMEND_PASS");

        Response passed = api.as("szsj").post(base + "/result", result("PASSED", setUp.today(), "同意通过竣工验收。"));
        assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
        assertThat(passed.text("$.status")).isEqualTo("PASSED");
        assertThat(passed.text("$.decidedBy")).isEqualTo("szsj");
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_OPERATION");
        assertThat(api.as("rst").get(base).<List<String>>json("$.committee.opinions[*].conclusion")).hasSize(3);
        assertThat(api.as("szsj").get("final-acceptance/applications?size=200").<List<String>>json("$.content[*].projectId"))
                .doesNotContain(project);

        Response twice = api.as("szsj").post(base + "/result", result("PASSED", setUp.today(), "通过"));
        assertThat(twice.status()).isEqualTo(422);
        Response reapply = api.as("rst").post(base + "/application", application(false, List.of()));
        assertThat(reapply.<List<String>>json("$.violations[*].item")).startsWith("status");
        assertThat(api.as("sjt").get("audit-events?projectId=" + project).<List<String>>json("$..action"))
                .contains("FINAL_ACCEPTANCE_APPLIED", "FINAL_ACCEPTANCE_COMMITTEE_FORMED", "FINAL_ACCEPTANCE_PASSED",
                        "OPERATION_STARTED");

        // the signed archive package carries the application with its digests, the committee and the result
        String section = archivePackageEntry(project, "metadata/acceptance-final.json");
        assertThat(section).contains(applicationId.toString(), applied.<List<String>>json("$.materials[*].sm3").get(0),
                "\"PASSED\"", "RECOMMEND_PASS", "\"conditions\"");
    }

    String archivePackageEntry(String project, String name) throws Exception {
        return archivePackageEntry("sjt", project, name);
    }

    String archivePackageEntry(String user, String project, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/projects/" + project + "/archive-package"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the archive package");
    }

    @Test
    void aFailedFinalAcceptanceOpensARectificationDueSixMonthsLaterBeforeTheNextApplication() {
        String project = setUp.ready();
        String base = "projects/" + project + "/final-acceptance";
        List<Map<String, Object>> materials = setUp.materials(project, SOFTWARE_NOT_CLASSIFIED);
        Response applied = api.as("rst").post(base + "/application", application(true, materials));
        UUID applicationId = UUID.fromString(applied.text("$.id"));
        assertThat(api.as("szsj").post(base + "/committee", Map.of("experts", List.of("expert1", "expert2"))).status())
                .isEqualTo(201);
        setUp.everyExpertFiles(applicationId);

        Response noOpinion = api.as("szsj").post(base + "/result", result("FAILED", setUp.today(), " "));
        assertThat(noOpinion.status()).isEqualTo(422);
        assertThat(noOpinion.<List<String>>json("$.violations[*].item")).containsExactly("opinion");

        Response failed = api.as("szsj").post(base + "/result", result("FAILED", setUp.today(), "安全测评报告需补充整改"));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(failed.text("$.status")).isEqualTo("FAILED");
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_ACCEPTANCE");
        Response obligations = api.as("rst").get("projects/" + project + "/obligations");
        assertThat(obligations.<List<String>>json("$[?(@.type == 'RECTIFICATION')].dueDate"))
                .containsExactly(setUp.today().plusMonths(6).toString());
        assertThat(obligations.<List<String>>json("$[?(@.type == 'RECTIFICATION')].rule")).containsExactly("ART-27");

        Response retry = api.as("rst").post(base + "/application", application(true, materials));
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.<List<String>>json("$.violations[*].rule")).containsExactly("ART-27");
        assertThat(api.as("rst").get(base).<List<String>>json("$.applications[*].status")).containsExactly("FAILED");
    }

    @Test
    void aClassifiedProjectNeedsTheGradedProtectionOpinionNotTheMlpsEvaluation() {
        Map<String, Object> proposal = Api.proposal(Api.unique("涉密竣工"));
        proposal.put("classified", true);
        proposal.put("inProvincialPlan", false);
        proposal.put("simpleOrEquipmentOnly", true);
        String project = api.as("rst").post("projects", proposal).text("$.id");
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode",
                Map.of("mode", "SELF_BUILT", "exception", "CLASSIFIED", "justification", "涉密项目，自行建设")).status())
                .isEqualTo(200);
        Response filed = api.as("rst").post("projects/" + project + "/submissions/offline",
                Map.of("stage", "FEASIBILITY_STUDY", "offlineReference", "机要载体 JM-FA-1"));
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", "APPROVED");
        decision.put("approvedInvestment", 8_000_000);
        decision.put("constructionPeriodMonths", 12);
        decision.put("sharingOpinion", "涉密信息不予共享。");
        decision.put("opinion", "经线下专家评审，同意。");
        assertThat(api.as("szsj").post("submissions/" + filed.text("$.id") + "/decision", decision).status()).isEqualTo(201);
        ApprovedProjects.startConstruction(api, "rst", project, setUp.today());
        setUp.ready(project);

        List<String> codes = new ArrayList<>(SOFTWARE_NOT_CLASSIFIED);
        List<Map<String, Object>> materials = new ArrayList<>();
        for (String code : codes) {
            Response registered = api.as("rst").post("projects/" + project + "/documents",
                    Map.of("code", code, "title", code + " 材料", "offlineReference", "机要载体 JM-" + code));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            materials.add(material(code, registered.text("$.id")));
        }
        Response missing = api.as("rst").post("projects/" + project + "/final-acceptance/application",
                application(true, materials));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.<List<String>>json("$.violations[*].item")).containsExactly("AM14.3");

        Response opinion = api.as("rst").post("projects/" + project + "/documents",
                Map.of("code", "AM14.3", "title", "分级保护测评意见", "offlineReference", "机要载体 JM-AM14.3"));
        List<Map<String, Object>> graded = new ArrayList<>(materials.stream()
                .filter(m -> !m.get("code").equals("AM14.2")).toList());
        graded.add(material("AM14.3", opinion.text("$.id")));
        Response applied = api.as("rst").post("projects/" + project + "/final-acceptance/application",
                application(true, graded));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        // an offline reference has no bytes here, so no digest
        assertThat(applied.<List<Object>>json("$.materials[*].sm3")).containsOnlyNulls();
    }

    @Test
    void onlyASimpleProjectsAcceptanceIsDelegatedAndTheUnitThenDecidesWithItsReport() {
        String notSimple = setUp.notSimple();
        Response refused = api.as("szsj").post("projects/" + notSimple + "/final-acceptance/delegation",
                Map.of("reason", "委托建设单位组织"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsOnly("ART-26");
        assertThat(refused.<List<String>>json("$.violations[*].item")).contains("project");

        String project = setUp.ready();
        String base = "projects/" + project + "/final-acceptance";
        assertThat(api.as("szsj").post(base + "/delegation", Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(api.as("rst").post(base + "/delegation", Map.of("reason", "自行组织")).status()).isEqualTo(403);
        Response delegated = api.as("szsj").post(base + "/delegation", Map.of("reason", "单纯设备购置类项目，委托建设单位组织验收"));
        assertThat(delegated.status()).as(delegated.toString()).isEqualTo(201);
        assertThat(delegated.text("$.delegatedBy")).isEqualTo("szsj");
        assertThat(api.as("szsj").post(base + "/delegation", Map.of("reason", "再次")).status()).isEqualTo(422);

        Response applied = api.as("rst").post(base + "/application",
                application(false, setUp.materials(project, SOFTWARE_NOT_CLASSIFIED.stream()
                        .filter(c -> !c.startsWith("AM13")).toList())));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(api.as("szsj").post(base + "/committee", Map.of("size", 3)).status()).isEqualTo(422);
        assertThat(api.as("szsj").post(base + "/result", result("PASSED", setUp.today(), "通过")).status()).isEqualTo(403);

        Response noReport = api.as("rst").post(base + "/result", result("PASSED", setUp.today(), null));
        assertThat(noReport.status()).isEqualTo(422);
        assertThat(noReport.<List<String>>json("$.violations[*].item"))
                .containsExactly("reportDocumentId", "opinion", "archiveAcceptance");

        setUp.archivesAccepted(project);
        Map<String, Object> body = result("PASSED", setUp.today(), "经建设单位组织验收，同意通过。");
        body.put("reportDocumentId", setUp.upload(project, "竣工验收报告.txt", null));
        Response passed = api.as("rst").post(base + "/result", body);
        assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
        assertThat((Boolean) passed.json("$.delegated")).isTrue();
        assertThat(passed.text("$.reportDocumentId")).isEqualTo(body.get("reportDocumentId"));
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_OPERATION");
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        Response docs = api.as("rst").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/projects/{id}/final-acceptance/application",
                "/api/v1/projects/{id}/final-acceptance/committee", "/api/v1/projects/{id}/final-acceptance/result",
                "/api/v1/projects/{id}/final-acceptance/delegation", "/api/v1/final-acceptance/applications");
    }
}
