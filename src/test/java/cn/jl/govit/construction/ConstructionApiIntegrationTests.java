package cn.jl.govit.construction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/** The construction phase through the API on PostgreSQL: records, contracts within the estimate, progress, Art. 22. */
@GovItTest
class ConstructionApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DelayFlags delayFlags;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static Map<String, Object> contract(Object amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contractor", "吉林数字科技有限公司");
        body.put("subject", "平台开发");
        body.put("kind", "CONSTRUCTION");
        body.put("amount", amount);
        body.put("signedOn", today().toString());
        return body;
    }

    private Response put(String user, String path, Object body) {
        return api.as(user).send(HttpMethod.PUT, path, MediaType.APPLICATION_JSON_VALUE, body);
    }

    private List<String> auditActions(String project) {
        return api.as("rst").get("audit-events?projectId=" + project + "&size=200").json("$.content[*].action");
    }

    @Test
    void theUnitRecordsItsConstructionAndContractsStayWithinTheEstimate() {
        String project = ApprovedProjects.underConstruction(api, "rst", 1_000_000, 12);
        String base = "projects/" + project + "/";

        Response legal = put("rst", base + "legal-person", Map.of("name", "吉林省人社信息中心",
                "legalRepresentative", "张三", "unifiedSocialCreditCode", "12220000MB1234567X"));
        assertThat(legal.status()).as(legal.toString()).isEqualTo(200);
        Response supervisor = put("rst", base + "supervision-contractor",
                Map.of("name", "长春监理咨询有限公司", "contractReference", "JL-2026-001"));
        assertThat(supervisor.status()).as(supervisor.toString()).isEqualTo(200);
        assertThat(supervisor.text("$.legalPersonName")).isEqualTo("吉林省人社信息中心");
        assertThat(supervisor.text("$.supervisorName")).isEqualTo("长春监理咨询有限公司");

        Map<String, Object> procurement = new LinkedHashMap<>();
        procurement.put("method", "PUBLIC_TENDER");
        procurement.put("subject", "平台开发服务");
        procurement.put("budgetAmount", 950000);
        procurement.put("supplier", "吉林数字科技有限公司");
        procurement.put("announcedOn", today().toString());
        procurement.put("awardedOn", today().toString());
        Response procured = api.as("rst").post(base + "procurements", procurement);
        assertThat(procured.status()).as(procured.toString()).isEqualTo(201);
        assertThat((Boolean) procured.json("$.classified")).isFalse();

        Map<String, Object> first = contract(500000);
        first.put("procurementId", procured.text("$.id"));
        Response signed = api.as("rst").post(base + "contracts", first);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        assertThat(signed.<List<Object>>json("$.warnings")).isEmpty();

        Response warned = api.as("rst").post(base + "contracts", contract(400000));
        assertThat(warned.status()).as(warned.toString()).isEqualTo(201);
        assertThat(warned.<List<String>>json("$.warnings[*].rule")).containsExactly("ART-21");
        assertThat(warned.text("$.warnings[0].article")).isEqualTo("第二十一条");
        assertThat(warned.text("$.warnings[0].message")).contains("90%");

        Response refused = api.as("rst").post(base + "contracts", contract(100000.01));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-21");

        Response exactly = api.as("rst").post(base + "contracts", contract(100000));
        assertThat(exactly.status()).as(exactly.toString()).isEqualTo(201);
        assertThat(exactly.text("$.budget.contractedTotal")).isEqualTo("1000000.0");
        assertThat(api.as("sjt").get(base + "contracts").<Integer>json("$.totalElements")).isEqualTo(3);

        Response milestone = api.as("rst").post(base + "milestones",
                Map.of("name", "系统上线", "plannedOn", today().plusMonths(6).toString()));
        assertThat(milestone.status()).as(milestone.toString()).isEqualTo(201);
        Response late = api.as("rst").post(base + "milestones",
                Map.of("name", "竣工", "plannedOn", today().plusMonths(12).plusDays(1).toString()));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.<List<String>>json("$.violations[*].rule")).containsExactly("ART-14");

        Response report = api.as("rst").post(base + "progress-reports", Map.of("periodStart", today().toString(),
                "periodEnd", today().toString(), "percentComplete", 10, "workDone", "完成需求调研。"));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        Response frozen = api.as("rst").post(base + "milestones",
                Map.of("name", "初验", "plannedOn", today().plusMonths(8).toString()));
        assertThat(frozen.status()).isEqualTo(422);
        assertThat(frozen.<List<String>>json("$.violations[*].rule")).containsExactly("ART-23");
        Response reached = api.as("rst").post(base + "milestones/" + milestone.text("$.id") + "/reached",
                Map.of("reachedOn", today().toString()));
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);

        Response overview = api.as("czt").get(base + "construction");
        assertThat(overview.status()).isEqualTo(200);
        assertThat((Boolean) overview.json("$.baseline.frozen")).isTrue();
        assertThat(overview.text("$.baseline.milestones[0].reachedOn")).isEqualTo(today().toString());
        assertThat(overview.text("$.nextReportPeriod.start")).isEqualTo(today().plusDays(1).toString());

        assertThat(auditActions(project)).contains("LEGAL_PERSON_RECORDED", "SUPERVISION_CONTRACTOR_RECORDED",
                "PROCUREMENT_RECORDED", "CONTRACT_RECORDED", "MILESTONE_PLANNED", "PROGRESS_REPORTED", "MILESTONE_REACHED");
    }

    @Test
    void onlyTheConstructionUnitRecordsAndOthersOutsideScopeSeeNothing() {
        // A department that is not involved sees nothing (404); the provincial bodies read but do not act (403).
        String project = ApprovedProjects.underConstruction(api, "rst", 800_000, 12);
        String base = "projects/" + project + "/";

        assertThat(api.as("wjw").post(base + "contracts", contract(1000)).status()).isEqualTo(404);
        assertThat(api.as("czt").post(base + "contracts", contract(1000)).status()).isEqualTo(403);
        assertThat(api.as("sjt").post(base + "milestones", Map.of("name", "x", "plannedOn", today().toString())).status())
                .isEqualTo(403);
        assertThat(api.as("szsj").post(base + "contracts", contract(1000)).status()).isEqualTo(403);
        assertThat(api.as("jyt").post(base + "contracts", contract(1000)).status()).isEqualTo(404);
        assertThat(api.as("jyt").get(base + "construction").status()).isEqualTo(404);
        assertThat(api.as("jyt").post(base + "contracts", "{not json").status()).isEqualTo(404);
        assertThat(api.anonymous().get(base + "construction").status()).isEqualTo(401);
        assertThat(api.as("czt").get(base + "construction").status()).isEqualTo(200);
        assertThat(api.as("szsj").post(base + "contracts", "{not json").status()).isEqualTo(403);
        assertThat(api.as("rst").post(base + "suspension", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.as("czt").post(base + "rectification-orders",
                Map.of("requirements", "整改", "deadline", today().plusDays(30).toString())).status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400NeverA500() {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        String base = "projects/" + project + "/";
        Map<String, Object> future = contract(1000);
        future.put("signedOn", today().plusDays(1).toString());
        Response futureSigned = api.as("rst").post(base + "contracts", future);
        assertThat(futureSigned.status()).isEqualTo(400);
        assertThat(futureSigned.<List<String>>json("$.errors[*].field")).containsExactly("signedOn");

        assertThat(api.as("rst").post(base + "contracts", contract(0)).status()).isEqualTo(400);
        assertThat(api.as("rst").post(base + "contracts", contract(1.001)).status()).isEqualTo(400);
        assertThat(api.as("rst").post(base + "contracts", contract(10_000_000_000_000L)).status()).isEqualTo(400);
        Map<String, Object> kind = contract(1000);
        kind.put("kind", "BRIBERY");
        assertThat(api.as("rst").post(base + "contracts", kind).status()).isEqualTo(400);
        assertThat(api.as("rst").post(base + "contracts", "{not json").status()).isEqualTo(400);
        Map<String, Object> foreign = contract(1000);
        foreign.put("procurementId", java.util.UUID.randomUUID().toString());
        assertThat(api.as("rst").post(base + "contracts", foreign).status()).isEqualTo(400);

        Map<String, Object> procurement = new LinkedHashMap<>();
        procurement.put("method", "SINGLE_SOURCE");
        procurement.put("subject", "运维服务");
        procurement.put("budgetAmount", 1000);
        procurement.put("supplier", "甲公司");
        procurement.put("announcedOn", today().toString());
        procurement.put("awardedOn", today().minusDays(1).toString());
        Response awardBefore = api.as("rst").post(base + "procurements", procurement);
        assertThat(awardBefore.status()).isEqualTo(400);
        assertThat(awardBefore.<List<String>>json("$.errors[*].field")).containsExactly("awardedOn");
        procurement.put("awardedOn", today().toString());
        procurement.put("documentIds", List.of(java.util.UUID.randomUUID().toString()));
        Response foreignDocument = api.as("rst").post(base + "procurements", procurement);
        assertThat(foreignDocument.status()).isEqualTo(400);
        assertThat(foreignDocument.<List<String>>json("$.errors[*].field")).containsExactly("documentIds[0]");

        assertThat(put("rst", base + "legal-person", Map.of("name", "甲", "legalRepresentative", "乙",
                "unifiedSocialCreditCode", "12345")).status()).isEqualTo(400);
        assertThat(api.as("rst").post(base + "progress-reports", Map.of("periodStart", today().toString(),
                "periodEnd", today().plusDays(1).toString(), "percentComplete", 10, "workDone", "x")).status()).isEqualTo(400);
        assertThat(api.as("rst").post(base + "progress-reports", Map.of("periodStart", today().toString(),
                "periodEnd", today().toString(), "percentComplete", 101, "workDone", "x")).status()).isEqualTo(400);
        assertThat(api.as("rst").post(base + "incidents", Map.of("kind", "SERIOUS_DELAY", "occurredOn",
                today().plusDays(1).toString(), "facts", "f", "measures", "m")).status()).isEqualTo(400);
        assertThat(api.as("szsj").post(base + "rectification-orders",
                Map.of("requirements", "整改", "deadline", today().toString())).status()).isEqualTo(400);
    }

    @Test
    void aSuspendedProjectRefusesContractsUntilItResumesWhileIncidentsAndRectificationGoOn() {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        String base = "projects/" + project + "/";

        Response incident = api.as("rst").post(base + "incidents", Map.of("kind", "MAJOR_LOSS",
                "occurredOn", today().toString(), "facts", "机房进水，服务器损毁。", "measures", "启用备份机房。"));
        assertThat(incident.status()).as(incident.toString()).isEqualTo(201);

        Response order = api.as("szsj").post(base + "rectification-orders", Map.of("requirements", "恢复机房并加固防水。",
                "deadline", today().plusDays(30).toString(), "incidentId", incident.text("$.id")));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderId = order.text("$.id");
        assertThat(api.as("rst").get(base + "obligations").<List<String>>json("$[*].subject")).contains(orderId);

        Response suspended = api.as("szsj").post(base + "suspension", Map.of("reason", "重大损失，整改前暂停建设。"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.text("$.status")).isEqualTo("SUSPENDED");

        Response refused = api.as("rst").post(base + "contracts", contract(1000));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-22");
        assertThat(api.as("rst").post(base + "progress-reports", Map.of("periodStart", today().toString(),
                "periodEnd", today().toString(), "percentComplete", 5, "workDone", "x")).status()).isEqualTo(422);
        assertThat(api.as("rst").get(base + "contracts").status()).isEqualTo(200);
        assertThat(api.as("rst").post(base + "incidents", Map.of("kind", "SERIOUS_DELAY",
                "occurredOn", today().toString(), "facts", "停工。", "measures", "整改。")).status()).isEqualTo(201);

        Response reported = api.as("rst").post(base + "rectification-orders/" + orderId + "/report",
                Map.of("rectification", "机房已修复，防水已加固。"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
        assertThat(reported.text("$.status")).isEqualTo("REPORTED");
        Response rejected = api.as("szsj").post(base + "rectification-orders/" + orderId + "/review",
                Map.of("accepted", false));
        assertThat(rejected.status()).isEqualTo(400);
        Response reopened = api.as("szsj").post(base + "rectification-orders/" + orderId + "/review",
                Map.of("accepted", false, "opinion", "请补充验收记录。"));
        assertThat(reopened.text("$.status")).isEqualTo("OPEN");
        api.as("rst").post(base + "rectification-orders/" + orderId + "/report", Map.of("rectification", "已补充验收记录。"));
        Response accepted = api.as("szsj").post(base + "rectification-orders/" + orderId + "/review",
                Map.of("accepted", true, "opinion", "同意。"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.text("$.status")).isEqualTo("ACCEPTED");
        assertThat(api.as("rst").get(base + "obligations").<List<String>>json("$[?(@.subject == '" + orderId + "')].status"))
                .containsExactly("MET");

        Response resumed = api.as("szsj").post(base + "resumption", Map.of("reason", "整改完成。"));
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.text("$.status")).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(api.as("rst").post(base + "contracts", contract(1000)).status()).isEqualTo(201);

        assertThat(auditActions(project)).contains("INCIDENT_REPORTED", "RECTIFICATION_ORDERED", "CONSTRUCTION_SUSPENDED",
                "RECTIFICATION_REPORTED", "RECTIFICATION_REJECTED", "RECTIFICATION_ACCEPTED", "CONSTRUCTION_RESUMED",
                "CONTRACT_RECORDED");
    }

    @Test
    void theDailyCheckFlagsAnOverdueMilestoneAndAMissingReportOnceEach() {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        String base = "projects/" + project + "/";
        Response milestone = api.as("rst").post(base + "milestones",
                Map.of("name", "需求确认", "plannedOn", today().plusMonths(1).toString()));
        assertThat(milestone.status()).isEqualTo(201);

        LocalDate marginEnd = today().plusMonths(1).plusMonths(3);
        delayFlags.check(marginEnd);
        assertThat(api.as("rst").get(base + "delay-flags").<List<String>>json("$[*].kind")).isEmpty();

        delayFlags.check(marginEnd.plusDays(1));
        delayFlags.check(marginEnd.plusDays(2));
        assertThat(api.as("rst").get(base + "delay-flags").<List<String>>json("$[*].kind"))
                .containsExactly("MILESTONE_OVERDUE");

        delayFlags.check(today().plusMonths(6).plusDays(1));
        assertThat(api.as("rst").get(base + "delay-flags").<List<String>>json("$[*].kind"))
                .containsExactlyInAnyOrder("MILESTONE_OVERDUE", "PROGRESS_REPORT_MISSING");
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient = 'rst' AND project_id = :p AND link = :l")
                .param("p", java.util.UUID.fromString(project)).param("l", "/projects/" + project + "/construction")
                .query(Long.class).single()).isEqualTo(2);

        api.as("rst").post(base + "incidents", Map.of("kind", "SERIOUS_DELAY", "occurredOn", today().toString(),
                "facts", "需求确认延误。", "measures", "增派人员。"));
        assertThat(api.as("rst").get(base + "delay-flags").<List<Object>>json("$[?(@.incidentId == null)]")).isEmpty();
        assertThat(auditActions(project)).contains("DELAY_FLAGGED");
    }

    @Test
    void theObligationModulesDailyScanRunsTheDelayCheck() throws InterruptedException {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        LocalDate day = today().plusMonths(6).plusDays(1);
        transactions.executeWithoutResult(status -> events.publishEvent(
                new cn.jl.govit.obligation.ObligationEvents.DailyScanCompleted(day)));
        List<String> kinds = List.of();
        for (int i = 0; i < 100 && kinds.isEmpty(); i++) {
            Thread.sleep(200);
            kinds = api.as("rst").get("projects/" + project + "/delay-flags").json("$[*].kind");
        }
        assertThat(kinds).containsExactly("PROGRESS_REPORT_MISSING");
    }

    @Test
    void theApiIsDocumented() {
        Response docs = api.as("rst").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/projects/{id}/contracts", "/api/v1/projects/{id}/legal-person",
                "/api/v1/projects/{id}/rectification-orders/{orderId}/review", "/api/v1/projects/{id}/delay-flags",
                "/api/v1/projects/{id}/suspension", "/api/v1/projects/{id}/milestones/{milestoneId}/reached");
    }
}
