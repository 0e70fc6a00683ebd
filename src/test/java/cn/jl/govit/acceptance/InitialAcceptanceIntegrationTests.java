package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * Initial acceptance, trial run, extensions and rectification through the API on PostgreSQL (Art. 26, 27, Annex 4):
 * who may record them, the special acceptances a pass needs, the deadlines they open, meet and move.
 */
@GovItTest
class InitialAcceptanceIntegrationTests {

    static final String BOUNDARY = "govit-acceptance-boundary";
    static final List<String> REQUIRED = List.of("SA-QUALITY", "SA-ARCHIVES", "SA-SECURITY-RISK", "SA-CRYPTO",
            "SA-FINAL-ACCOUNTS", "SA-AUDIT");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Projects projects;

    @Autowired
    List<DossierSection> sections;

    @Autowired
    RunAs runAs;

    @Autowired
    AcceptanceExtensions extensionService;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    LocalDate today() {
        return projects.today();
    }

    @Test
    void onlyTheUnitRecordsAndAPassNeedsEveryRequiredSpecialAcceptance() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 12);
        String path = "projects/" + project + "/initial-acceptance";
        String report = upload(project, "初步验收报告.txt", "AM9");
        Map<String, String> docs = specialDocuments(project);

        assertThat(api.as("szsj").post(path, passed(today(), report, docs)).status()).isEqualTo(403);
        assertThat(api.as("wjw").post(path, passed(today(), report, docs)).status()).isEqualTo(404);
        assertThat(api.as("wjw").get(path).status()).isEqualTo(404);

        Map<String, Object> unknown = passed(today(), report, docs);
        unknown.put("specialAcceptances", List.of(Map.of("code", "SA-NOPE", "documentId", report)));
        Response badCode = api.as("rst").post(path, unknown);
        assertThat(badCode.status()).as(badCode.toString()).isEqualTo(400);
        assertThat(badCode.<List<String>>json("$.errors[*].field")).containsExactly("specialAcceptances[0].code");

        String other = ApprovedProjects.underConstruction(api, "rst", 1_000_000, 12);
        Map<String, Object> foreign = passed(today(), upload(other, "别的项目.txt", null), docs);
        Response foreignDoc = api.as("rst").post(path, foreign);
        assertThat(foreignDoc.status()).isEqualTo(400);
        assertThat(foreignDoc.<List<String>>json("$.errors[*].field")).containsExactly("reportDocumentId");

        Map<String, Object> partial = passed(today(), report, Map.of("SA-QUALITY", docs.get("SA-QUALITY")));
        Response missing = api.as("rst").post(path, partial);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.<List<String>>json("$.violations[*].item")).containsExactly("SA-ARCHIVES", "SA-SECURITY-RISK",
                "SA-CRYPTO", "SA-FINAL-ACCOUNTS", "SA-AUDIT");
        assertThat(missing.<List<String>>json("$.violations[*].rule")).containsOnly("ART-26");
        assertThat(missing.text("$.violations[1].message")).contains("安全风险");

        Response future = api.as("rst").post(path, passed(today().plusDays(1), report, docs));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.<List<String>>json("$.errors[*].field")).containsExactly("acceptedOn");

        Response ok = api.as("rst").post(path, passed(today(), report, docs));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat((Integer) ok.json("$.attempt")).isEqualTo(1);
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_ACCEPTANCE");
        assertThat(obligation(project, "INITIAL_ACCEPTANCE", "INITIAL").get("status")).isEqualTo("MET");

        Response attempts = api.as("sjt").get(path);
        assertThat(attempts.status()).isEqualTo(200);
        assertThat(attempts.<List<String>>json("$[0].specialAcceptances[*].code")).containsExactlyElementsOf(REQUIRED);
        assertThat(attempts.text("$[0].specialAcceptances[0].title")).isEqualTo("工程质量");
        assertThat(attempts.text("$[0].specialAcceptances[0].sm3")).matches("[0-9a-f]{64}");
        assertThat(api.as("rst").post(path, passed(today(), report, docs)).status()).isEqualTo(422);

        DossierSection section = sections.stream().filter(d -> d.name().equals("acceptance-initial")).findFirst()
                .orElseThrow();
        String dossier = runAs.call("rst", () -> section.content(UUID.fromString(project))).toString();
        assertThat(dossier).contains("SA-AUDIT", attempts.text("$[0].specialAcceptances[0].sm3"), "PASSED");
    }

    @Test
    void aStableTrialRunAfterThePassOpensTheFinalApplicationDeadlineAndAnApprovedExtensionMovesIt() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 12);
        String trial = "projects/" + project + "/trial-run";
        assertThat(api.as("szsj").post(trial, Map.of("startedOn", today().toString())).status()).isEqualTo(403);
        assertThat(api.as("rst").post(trial, Map.of("startedOn", today().minusDays(1).toString())).status()).isEqualTo(422);
        Response started = api.as("rst").post(trial, Map.of("startedOn", today().toString()));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat((Boolean) started.json("$.stable")).isFalse();

        String report = upload(project, "初步验收报告.txt", "AM9");
        assertThat(api.as("rst").post("projects/" + project + "/initial-acceptance",
                passed(today(), report, specialDocuments(project))).status()).isEqualTo(201);
        assertThat(obligation(project, "FINAL_ACCEPTANCE_APPLICATION", "FINAL")).isNull();
        Response early = api.as("rst").post("projects/" + project + "/acceptance-extensions",
                Map.of("kind", "FINAL", "reasons", "等待密评报告", "newDate", today().plusMonths(8).toString()));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.<List<String>>json("$.violations[*].rule")).containsExactly("ART-27");

        Response stable = api.as("rst").post(trial, Map.of("startedOn", today().toString(),
                "stableSince", today().toString()));
        assertThat(stable.status()).as(stable.toString()).isEqualTo(200);
        assertThat(api.as("rst").get(trial).text("$.stableSince")).isEqualTo(today().toString());
        Map<String, Object> due = obligation(project, "FINAL_ACCEPTANCE_APPLICATION", "FINAL");
        assertThat(due.get("dueDate")).isEqualTo(today().plusMonths(6).toString());
        assertThat(due.get("rule")).isEqualTo("ART-26");

        String extensions = "projects/" + project + "/acceptance-extensions";
        LocalDate newDate = today().plusMonths(8);
        Response notLater = api.as("rst").post(extensions, Map.of("kind", "FINAL", "reasons", "等待密评报告",
                "newDate", today().plusMonths(6).toString()));
        assertThat(notLater.status()).isEqualTo(422);
        Response applied = api.as("rst").post(extensions, Map.of("kind", "FINAL", "reasons", "等待密评报告",
                "newDate", newDate.toString()));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.text("$.previousDate")).isEqualTo(today().plusMonths(6).toString());
        assertThat(api.as("rst").post(extensions, Map.of("kind", "FINAL", "reasons", "再次", "newDate",
                newDate.plusDays(1).toString())).status()).isEqualTo(409);

        String decision = "acceptance-extensions/" + applied.text("$.id") + "/decision";
        UUID extensionId = UUID.fromString(applied.text("$.id"));
        assertThat(runAs.call("szsj", () -> extensionService.pending(Paging.of(0, Paging.MAX_SIZE))).content())
                .as("the authority's queue").anyMatch(p -> p.extension().id().equals(extensionId));
        assertThat(runAs.call("fgw", () -> extensionService.pending(Paging.of(0, Paging.MAX_SIZE))).content())
                .as("another authority's queue").noneMatch(p -> p.extension().id().equals(extensionId));
        assertThat(api.as("fgw").post(decision, Map.of("decision", "APPROVED")).status()).isEqualTo(403);
        assertThat(api.as("rst").post(decision, Map.of("decision", "APPROVED")).status()).isEqualTo(403);
        assertThat(api.as("wjw").post(decision, Map.of("decision", "APPROVED")).status()).isEqualTo(404);
        assertThat(api.as("szsj").post(decision, Map.of("decision", "REJECTED")).status()).isEqualTo(400);
        Response approved = api.as("szsj").post(decision, Map.of("decision", "APPROVED", "opinion", "同意"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("$.status")).isEqualTo("APPROVED");
        assertThat(obligation(project, "FINAL_ACCEPTANCE_APPLICATION", "FINAL").get("dueDate")).isEqualTo(newDate.toString());
        assertThat(api.as("szsj").post(decision, Map.of("decision", "APPROVED")).status()).isEqualTo(409);
        assertThat(api.as("rst").get(extensions).<List<String>>json("$[*].status")).containsExactly("APPROVED");
        // the window now runs from these dates: they are fixed
        assertThat(api.as("rst").post(trial, Map.of("startedOn", today().toString())).status()).isEqualTo(422);
    }

    @Test
    void aFailureOpensARectificationDueInSixMonthsAndARetryWaitsForItsCompletion() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 12);
        String path = "projects/" + project + "/initial-acceptance";
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("acceptedOn", today().toString());
        failed.put("result", "FAILED");
        Response noOpinion = api.as("rst").post(path, failed);
        assertThat(noOpinion.status()).isEqualTo(422);
        assertThat(noOpinion.<List<String>>json("$.violations[*].item")).containsExactly("opinion");

        failed.put("opinion", "消防和安全风险专项验收未完成");
        Response recorded = api.as("rst").post(path, failed);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.text("$.result")).isEqualTo("FAILED");
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("UNDER_CONSTRUCTION");

        Map<String, Object> rectification = obligation(project, "RECTIFICATION", "ACCEPTANCE-INITIAL-1");
        assertThat(rectification.get("dueDate")).isEqualTo(today().plusMonths(6).toString());
        assertThat(rectification.get("rule")).isEqualTo("ART-27");
        assertThat(rectification.get("responsibleOrganizationCode")).isEqualTo("RST");

        String report = upload(project, "初步验收报告.txt", "AM9");
        Map<String, String> docs = specialDocuments(project);
        Response early = api.as("rst").post(path, passed(today(), report, docs));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.<List<String>>json("$.violations[*].rule")).containsExactly("ART-27");

        Response list = api.as("rst").get("projects/" + project + "/acceptance-rectifications");
        String rectId = list.text("$[0].id");
        String completion = "projects/" + project + "/acceptance-rectifications/" + rectId + "/completion";
        assertThat(api.as("szsj").post(completion, Map.of("completedOn", today().toString(), "summary", "x")).status())
                .isEqualTo(403);
        assertThat(api.as("rst").post(completion, Map.of("completedOn", today().toString())).status()).isEqualTo(400);
        Response done = api.as("rst").post(completion, Map.of("completedOn", today().toString(),
                "summary", "已完成消防和安全风险专项验收", "documentId", report));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.text("$.status")).isEqualTo("COMPLETED");
        assertThat(obligation(project, "RECTIFICATION", "ACCEPTANCE-INITIAL-1").get("status")).isEqualTo("MET");
        assertThat(api.as("rst").post(completion, Map.of("completedOn", today().toString(), "summary", "again"))
                .status()).isEqualTo(422);

        Response retry = api.as("rst").post(path, passed(today(), report, docs));
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat((Integer) retry.json("$.attempt")).isEqualTo(2);
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_ACCEPTANCE");
        assertThat(api.as("rst").get(path).<List<String>>json("$[*].result")).containsExactly("FAILED", "PASSED");
    }

    @Test
    void afterThePlannedCompletionOnlyAnApprovedExtensionLetsTheInitialAcceptancePass() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 2);
        String report = upload(project, "初步验收报告.txt", "AM9");
        Map<String, String> docs = specialDocuments(project);
        LocalDate planned = today().plusMonths(2);
        try {
            clock.advance(Duration.ofDays(75));
            assertThat(today()).isAfter(planned);
            String path = "projects/" + project + "/initial-acceptance";
            Response late = api.as("rst").post(path, passed(today(), report, docs));
            assertThat(late.status()).as(late.toString()).isEqualTo(422);
            assertThat(late.<List<String>>json("$.violations[*].rule")).containsExactly("ART-26");
            assertThat(api.as("rst").post(path, passed(planned, report, docs)).status())
                    .as("on the planned completion day it is in time").isEqualTo(201);
        }
        finally {
            clock.reset();
        }
    }

    @Test
    void aFailureOnThePlannedCompletionMovesTheInitialAcceptanceDeadlineToTheRectificationDeadline() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 2);
        LocalDate planned = today().plusMonths(2);
        try {
            clock.advance(Duration.ofDays(75));
            Response failed = api.as("rst").post("projects/" + project + "/initial-acceptance", Map.of(
                    "acceptedOn", planned.toString(), "result", "FAILED", "opinion", "工程质量专项验收不合格"));
            assertThat(failed.status()).as(failed.toString()).isEqualTo(201);
            Map<String, Object> initial = obligation(project, "INITIAL_ACCEPTANCE", "INITIAL");
            assertThat(initial.get("dueDate")).isEqualTo(planned.plusMonths(6).toString());
            assertThat(initial.get("status")).isEqualTo("OPEN");
            assertThat(obligation(project, "RECTIFICATION", "ACCEPTANCE-INITIAL-1").get("dueDate"))
                    .isEqualTo(planned.plusMonths(6).toString());
        }
        finally {
            clock.reset();
        }
    }

    @Test
    void anApprovedInitialExtensionRedatesTheInitialAcceptanceObligation() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 2);
        String report = upload(project, "初步验收报告.txt", "AM9");
        Map<String, String> docs = specialDocuments(project);
        LocalDate planned = today().plusMonths(2);
        assertThat(obligation(project, "INITIAL_ACCEPTANCE", "INITIAL").get("dueDate")).isEqualTo(planned.toString());
        Response applied = api.as("rst").post("projects/" + project + "/acceptance-extensions",
                Map.of("kind", "INITIAL", "reasons", "设备到货延迟", "newDate", planned.plusMonths(1).toString()));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.text("$.previousDate")).isEqualTo(planned.toString());
        assertThat(api.as("szsj").post("acceptance-extensions/" + applied.text("$.id") + "/decision",
                Map.of("decision", "APPROVED")).status()).isEqualTo(200);
        assertThat(obligation(project, "INITIAL_ACCEPTANCE", "INITIAL").get("dueDate"))
                .isEqualTo(planned.plusMonths(1).toString());
        try {
            clock.advance(Duration.ofDays(75));
            assertThat(today()).isAfter(planned).isBefore(planned.plusMonths(1).plusDays(1));
            Response ok = api.as("rst").post("projects/" + project + "/initial-acceptance", passed(today(), report, docs));
            assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        }
        finally {
            clock.reset();
        }
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        String docs = api.as("rst").get("/v3/api-docs").body();
        assertThat(docs).contains("/api/v1/projects/{id}/initial-acceptance", "/api/v1/projects/{id}/trial-run",
                "/api/v1/projects/{id}/acceptance-extensions", "/api/v1/acceptance-extensions/{extId}/decision",
                "/api/v1/projects/{id}/acceptance-rectifications/{rectId}/completion");
    }

    Map<String, Object> passed(LocalDate on, String report, Map<String, String> specials) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("acceptedOn", on.toString());
        body.put("reportDocumentId", report);
        List<Map<String, String>> list = new ArrayList<>();
        specials.forEach((code, doc) -> list.add(Map.of("code", code, "documentId", doc)));
        body.put("specialAcceptances", list);
        return body;
    }

    Map<String, String> specialDocuments(String project) {
        Map<String, String> docs = new LinkedHashMap<>();
        for (String code : REQUIRED) {
            docs.put(code, upload(project, code + "-专项验收报告.txt", null));
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> obligation(String project, String type, String subject) {
        List<Map<String, Object>> all = api.as("rst").get("projects/" + project + "/obligations").json("$");
        return all.stream().filter(o -> type.equals(o.get("type")) && subject.equals(o.get("subject"))).findFirst()
                .orElse(null);
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
