package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpMethod;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.expert.AcceptanceAspect;
import cn.jl.govit.expert.AcceptanceAssignment;
import cn.jl.govit.expert.AcceptanceCommittees;
import cn.jl.govit.expert.AcceptanceConclusion;
import cn.jl.govit.expert.AcceptanceOpinionInput;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;

/**
 * The earlier steps of a project up to its final acceptance application, for the final acceptance tests: a project
 * under construction, its initial acceptance passed, its trial run stable, documents for the materials, the archive
 * acceptance, and the experts' opinions.
 */
final class FinalAcceptanceSetUp {

    static final String BOUNDARY = "govit-final-acceptance";

    private final Api api;
    private final RunAs runAs;
    private final Projects projects;
    private final TrialRuns trialRuns;
    private final AcceptanceCommittees committees;

    FinalAcceptanceSetUp(Api api, RunAs runAs, Projects projects, TrialRuns trialRuns, AcceptanceCommittees committees) {
        this.api = api;
        this.runAs = runAs;
        this.projects = projects;
        this.trialRuns = trialRuns;
        this.committees = committees;
    }

    LocalDate today() {
        return projects.today();
    }

    /** A simple project of RST (szsj approves it) in acceptance with a stable trial run. */
    String ready() {
        return ready(ApprovedProjects.underConstruction(api, "rst", 5_000_000, 12));
    }

    /**
     * Through the acceptance API: the trial run recorded stable since today, then the initial acceptance passed today
     * with the report and every required special acceptance.
     */
    String ready(String project) {
        String today = today().toString();
        Response trialRun = api.as("rst").post("projects/" + project + "/trial-run",
                Map.of("startedOn", today, "stableSince", today));
        assertThat(trialRun.status()).as(trialRun.toString()).isIn(200, 201);
        List<Map<String, Object>> specials = new ArrayList<>();
        for (String code : List.of("SA-QUALITY", "SA-ARCHIVES", "SA-SECURITY-RISK", "SA-CRYPTO", "SA-FINAL-ACCOUNTS",
                "SA-AUDIT")) {
            specials.add(material(code, document(project, code)));
        }
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("acceptedOn", today);
        initial.put("result", "PASSED");
        initial.put("specialAcceptances", specials);
        initial.put("reportDocumentId", document(project, "AM9"));
        Response accepted = api.as("rst").post("projects/" + project + "/initial-acceptance", initial);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        return project;
    }

    /** A document for the code: uploaded, or registered by offline reference for a classified project. */
    private String document(String project, String code) {
        if (classified(project)) {
            Response registered = api.as("rst").post("projects/" + project + "/documents",
                    Map.of("code", code, "title", code + " 材料", "offlineReference", "机要载体 JM-" + code));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            return registered.text("$.id");
        }
        return upload(project, code + ".txt", code);
    }

    private boolean classified(String project) {
        return Boolean.TRUE.equals(api.as("rst").get("projects/" + project).json("$.classified"));
    }

    /** A proposed project of RST that is neither simple nor equipment-only (szsj is its authority). */
    String notSimple() {
        Map<String, Object> proposal = Api.proposal(Api.unique("综合业务平台"));
        Response created = api.as("rst").post("projects", proposal);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("$.id");
    }

    /** Uploads a text document for the project as its construction unit; returns its id. */
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

    /** One uploaded document per code, as the application's materials list. */
    List<Map<String, Object>> materials(String project, List<String> codes) {
        List<Map<String, Object>> materials = new ArrayList<>();
        for (String code : codes) {
            materials.add(material(code, upload(project, code + ".txt", code)));
        }
        return materials;
    }

    static Map<String, Object> material(String code, String documentId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("documentId", documentId);
        return m;
    }

    static Map<String, Object> application(boolean softwareDeveloped, List<Map<String, Object>> materials) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("softwareDeveloped", softwareDeveloped);
        body.put("materials", materials);
        return body;
    }

    static Map<String, Object> result(String outcome, LocalDate decidedOn, String opinion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("decidedOn", decidedOn.toString());
        body.put("opinion", opinion);
        return body;
    }

    /** The unit registers one archive entry and applies; the Archives Bureau passes it. */
    void archivesAccepted(String project) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("categoryCode", "AR-ACCEPTANCE");
        entry.put("documentId", upload(project, "验收归档.txt", null));
        entry.put("title", "验收文件");
        entry.put("retention", "PERMANENT");
        entry.put("carrier", "ELECTRONIC");
        Response registered = api.as("rst").post("projects/" + project + "/archive-entries", entry);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Response applied = api.as("rst").post("projects/" + project + "/archive-acceptance/application", Map.of());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        Response passed = api.as("daj").post("projects/" + project + "/archive-acceptance",
                Map.of("result", "PASSED", "acceptedOn", today().toString()));
        assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
    }

    /** Every expert of the application's committee files a complete opinion recommending a pass. */
    void everyExpertFiles(UUID applicationId) {
        List<String> experts = committees.committeeOf(applicationId).orElseThrow().members().stream()
                .map(AcceptanceAssignment::expertUsername).toList();
        for (String expert : experts) {
            runAs.run(expert, () -> {
                AcceptanceAssignment mine = committees.myAssignments().stream()
                        .filter(a -> a.applicationId().equals(applicationId)).findFirst().orElseThrow();
                Map<AcceptanceAspect, String> aspects = new EnumMap<>(AcceptanceAspect.class);
                for (AcceptanceAspect aspect : AcceptanceAspect.values()) {
                    aspects.put(aspect, "经审阅，" + aspect.name() + " 符合要求。");
                }
                committees.fileOpinion(mine.id(), null,
                        new AcceptanceOpinionInput(aspects, AcceptanceConclusion.RECOMMEND_PASS, "建议通过竣工验收。"));
            });
        }
    }
}
