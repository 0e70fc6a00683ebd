package cn.jl.govit.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.http.MediaType;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Construction records on PostgreSQL beyond the main flow: procurement documents of the project only, a classified
 * project's procurement filed offline (Art. 8), stale versions, and a new milestone baseline through change control.
 */
@GovItTest
class ConstructionRecordsIntegrationTests {

    private static final String BOUNDARY = "construction-test-boundary";

    @LocalServerPort
    int port;

    @Autowired
    Milestones milestones;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static Map<String, Object> procurement() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", "COMPETITIVE_CONSULTATION");
        body.put("subject", "等保测评服务");
        body.put("budgetAmount", 80000);
        body.put("announcedOn", today().toString());
        return body;
    }

    private String upload(String project) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tender.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n";
        byte[] body = (head + "招标文件" + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Response stored = api.as("rst").send(HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + BOUNDARY, body);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return stored.text("$.id");
    }

    @Test
    void aProcurementCarriesDocumentsOfItsOwnProjectOnly() {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        String other = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        String own = upload(project);
        String foreign = upload(other);

        Map<String, Object> body = procurement();
        body.put("documentIds", List.of(own, foreign));
        Response refused = api.as("rst").post("projects/" + project + "/procurements", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("documentIds[1]");

        body.put("documentIds", List.of(own));
        Response recorded = api.as("rst").post("projects/" + project + "/procurements", body);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.<List<String>>json("$.documentIds")).containsExactly(own);
        assertThat(api.as("sjt").get("projects/" + project + "/procurements").<List<String>>json("$.content[0].documentIds"))
                .containsExactly(own);

        body.remove("documentIds");
        body.put("offlineReference", "JM-1");
        assertThat(api.as("rst").post("projects/" + project + "/procurements", body).status()).isEqualTo(400);

        String award = "projects/" + project + "/procurements/" + recorded.text("$.id") + "/award";
        assertThat(api.as("rst").post(award, Map.of("supplier", "乙公司", "awardedOn", today().plusDays(1).toString()))
                .status()).isEqualTo(400);
        assertThat(api.as("czt").post(award, Map.of("supplier", "乙公司", "awardedOn", today().toString())).status())
                .isEqualTo(403);
        Response awarded = api.as("rst").post(award, Map.of("supplier", "乙公司", "awardedOn", today().toString()));
        assertThat(awarded.status()).as(awarded.toString()).isEqualTo(200);
        assertThat(awarded.text("$.supplier")).isEqualTo("乙公司");
        assertThat(awarded.text("$.awardedOn")).isEqualTo(today().toString());
        assertThat(api.as("rst").post(award, Map.of("supplier", "丙公司", "awardedOn", today().toString())).status())
                .isEqualTo(400);
        assertThat(api.as("rst").post("projects/" + other + "/procurements/" + recorded.text("$.id") + "/award",
                Map.of("supplier", "丙公司", "awardedOn", today().toString())).status()).isEqualTo(404);
    }

    @Test
    void aClassifiedProjectsProcurementIsFiledOfflineOnly() {
        Map<String, Object> proposal = ApprovedProjects.simpleProposal(Api.unique("涉密建设"), 700_000, 12);
        proposal.put("classified", true);
        String project = api.as("rst").post("projects", proposal).text("$.id");
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode",
                Map.of("mode", "SELF_BUILT", "exception", "CLASSIFIED", "justification", "涉密项目，自行建设")).status())
                .isEqualTo(200);
        Response filed = api.as("rst").post("projects/" + project + "/submissions/offline",
                Map.of("stage", "FEASIBILITY_STUDY", "offlineReference", "机要载体 JM-2026-101"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", "APPROVED");
        decision.put("approvedInvestment", 700_000);
        decision.put("constructionPeriodMonths", 12);
        decision.put("sharingOpinion", "涉密信息不予共享。");
        decision.put("opinion", "经线下专家评审，同意。");
        assertThat(api.as("szsj").post("submissions/" + filed.text("$.id") + "/decision", decision).status()).isEqualTo(201);
        ApprovedProjects.startConstruction(api, "rst", project, today());
        Response offlineDocument = api.as("rst").post("projects/" + project + "/documents",
                Map.of("code", "zb1", "title", "招标文件", "offlineReference", "JM-2026-102"));
        assertThat(offlineDocument.status()).as(offlineDocument.toString()).isEqualTo(201);

        Response withoutReference = api.as("rst").post("projects/" + project + "/procurements", procurement());
        assertThat(withoutReference.status()).isEqualTo(422);
        assertThat(withoutReference.<List<String>>json("$.violations[*].item")).containsExactly("offlineReference");
        assertThat(withoutReference.<List<String>>json("$.violations[*].rule")).containsExactly("ART-8");

        Map<String, Object> body = procurement();
        body.put("offlineReference", "JM-2026-103");
        body.put("documentIds", List.of(offlineDocument.text("$.id")));
        Response withDocuments = api.as("rst").post("projects/" + project + "/procurements", body);
        assertThat(withDocuments.status()).isEqualTo(422);
        assertThat(withDocuments.<List<String>>json("$.violations[*].item")).containsExactly("documentIds");

        body.remove("documentIds");
        Response recorded = api.as("rst").post("projects/" + project + "/procurements", body);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat((Boolean) recorded.json("$.classified")).isTrue();
        assertThat(recorded.text("$.offlineReference")).isEqualTo("JM-2026-103");
    }

    @Test
    void aStaleVersionOfThePartiesIsAConflict() {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        String path = "projects/" + project + "/legal-person";
        Response first = api.as("rst").send(HttpMethod.PUT, path, MediaType.APPLICATION_JSON_VALUE, Map.of("name", "甲中心",
                "legalRepresentative", "张三", "unifiedSocialCreditCode", "12220000MB1234567X"));
        assertThat(first.status()).isEqualTo(200);
        long version = ((Number) first.json("$.version")).longValue();
        Map<String, Object> correction = new LinkedHashMap<>(Map.of("name", "乙中心", "legalRepresentative", "李四",
                "unifiedSocialCreditCode", "12220000MB1234567X", "version", version));
        assertThat(api.as("rst").send(HttpMethod.PUT, path, MediaType.APPLICATION_JSON_VALUE, correction).status())
                .isEqualTo(200);
        assertThat(api.as("rst").send(HttpMethod.PUT, path, MediaType.APPLICATION_JSON_VALUE, correction).status())
                .isEqualTo(409);
        assertThat(api.as("sjt").get(path).text("$.legalPersonName")).isEqualTo("乙中心");
    }

    @Test
    void aNewBaselineComesOnlyThroughChangeControlAndKeepsTheOldOne() {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        String base = "projects/" + project + "/";
        Response planned = api.as("rst").post(base + "milestones", Map.of("name", "需求确认", "plannedOn", today().toString()));
        assertThat(planned.status()).isEqualTo(201);
        api.as("rst").post(base + "milestones", Map.of("name", "上线", "plannedOn", today().plusMonths(6).toString()));
        assertThat(api.as("rst").post(base + "milestones/" + planned.text("$.id") + "/reached",
                Map.of("reachedOn", today().toString())).status()).isEqualTo(200);
        assertThat(api.as("rst").post(base + "progress-reports", Map.of("periodStart", today().toString(),
                "periodEnd", today().toString(), "percentComplete", 5, "workDone", "启动。")).status()).isEqualTo(201);
        UUID id = UUID.fromString(project);

        assertThatThrownBy(() -> milestones.rebaseline(id, List.of(new PlannedMilestone("上线",
                today().plusMonths(12).plusDays(1))), "变更批复"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.rule()).containsExactly("ART-14"));

        Milestones.Baseline rebased = milestones.rebaseline(id, List.of(new PlannedMilestone("需求确认", today()),
                new PlannedMilestone("上线", today().plusMonths(9)), new PlannedMilestone("数据迁移", today().plusMonths(7))),
                "变更批复 吉数改〔2026〕1号");
        assertThat(rebased.version()).isEqualTo(1);
        assertThat(rebased.milestones()).extracting(Milestone::name).containsExactly("需求确认", "数据迁移", "上线");
        assertThat(rebased.milestones().get(0).reachedOn()).isEqualTo(today());

        Response current = api.as("rst").get(base + "milestones");
        assertThat((Integer) current.json("$.version")).isEqualTo(1);
        assertThat(current.text("$.basis")).isEqualTo("变更批复 吉数改〔2026〕1号");
        assertThat(api.as("rst").get(base + "milestones/baselines").<List<Integer>>json("$[*].version")).containsExactly(0, 1);
        assertThat(api.as("rst").get(base + "milestones/baselines").<List<String>>json("$[0].milestones[*].plannedOn"))
                .containsExactly(today().toString(), today().plusMonths(6).toString());
        assertThat(api.as("rst").post(base + "milestones", Map.of("name", "x", "plannedOn", today().toString()))
                .<List<String>>json("$.violations[*].rule")).containsExactly("ART-23");
        assertThat(api.as("rst").get("audit-events?projectId=" + project + "&size=200").<List<String>>json("$.content[*].action"))
                .contains("MILESTONES_REBASELINED");
    }
}
