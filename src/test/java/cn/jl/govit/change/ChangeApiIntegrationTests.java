package cn.jl.govit.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Art. 23 through the REST API on PostgreSQL: the assessment changes nothing; a filing is in force and
 * acknowledged; a second filing crossing the cumulative 15 % goes to re-approval, which runs through the approval
 * module's decision and revises the approved estimate; the Digital Jilin fund's increase after its fund plan goes to
 * the provincial government; scope, role, input and suspension are refused in the contract's order.
 */
@GovItTest
class ChangeApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Projects projects;

    @Autowired
    UserDetailsService users;

    @Autowired
    Notifications notifications;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static Map<String, Object> change(Object adjustment, Object newTotal, boolean goals, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("adjustmentAmount", adjustment);
        body.put("newTotalInvestment", newTotal);
        body.put("goalsUnchanged", goals);
        body.put("reason", reason);
        body.put("description", "将部分硬件采购调整为政务云资源租用。");
        return body;
    }

    private String underConstruction() {
        return ApprovedProjects.underConstruction(api, "rst", 10_000_000, 12);
    }

    @Test
    void theAssessmentAnswersTheRouteWithEveryReasonAndChangesNothing() {
        String project = underConstruction();
        Response assessed = api.as("rst").post("projects/" + project + "/change-requests/assessment",
                change(1_500_000, 10_000_000, true, "TECHNICAL_OPTIMIZATION"));
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(200);
        assertThat(assessed.text("$.route")).isEqualTo("FILING");
        assertThat(assessed.<Number>json("$.threshold").doubleValue()).isEqualTo(1_500_000d);
        assertThat(assessed.<Number>json("$.cumulativeAdjustment").doubleValue()).isEqualTo(1_500_000d);
        assertThat(assessed.<List<String>>json("$.reasons[*].rule")).containsOnly("ART-23-1", "ART-23-3").contains("ART-23-1");
        assertThat(assessed.<List<String>>json("$.reasons[*].article")).containsOnly("第二十三条");
        assertThat(assessed.<List<String>>json("$.reasons[*].message")).anyMatch(m -> m.contains("1,500,000"));
        assertThat(assessed.<Boolean>json("$.mayRequest")).isTrue();

        Response english = api.as("szsj").english().post("projects/" + project + "/change-requests/assessment",
                change(new java.math.BigDecimal("1500000.01"), 10_000_000, true, "TECHNICAL_OPTIMIZATION"));
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.text("$.route")).isEqualTo("REAPPROVAL");
        assertThat(english.text("$.reasons[0].rule")).isEqualTo("ART-23-2");
        assertThat(english.text("$.reasons[0].message")).contains("exceeds 15%", "1,500,000.01");

        assertThat(api.as("rst").get("projects/" + project + "/change-requests").<Number>json("$.totalElements").intValue())
                .isZero();
        Response baselines = api.as("rst").get("projects/" + project + "/baselines");
        assertThat(baselines.<List<Integer>>json("$[*].number")).containsExactly(1);
        assertThat(baselines.text("$[0].kind")).isEqualTo("APPROVAL");
        assertThat(baselines.<Number>json("$[0].approvedEstimate").doubleValue()).isEqualTo(10_000_000d);
        assertThat(baselines.<Integer>json("$[0].constructionPeriodMonths")).isEqualTo(12);
    }

    @Test
    void aFilingIsInForceAndAcknowledgedAndASecondOneCrossingTheCumulativeThresholdNeedsReapproval() {
        String project = underConstruction();
        Response filed = api.as("rst").post("projects/" + project + "/change-requests",
                change(1_000_000, 10_000_000, true, "BUSINESS_DEVELOPMENT"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.text("$.id");
        assertThat(filed.headers().getLocation()).hasToString("/api/v1/change-requests/" + id);
        assertThat(filed.text("$.route")).isEqualTo("FILING");
        assertThat(filed.text("$.status")).isEqualTo("FILED");
        assertThat(filed.<Integer>json("$.number")).isEqualTo(1);
        assertThat(filed.<Integer>json("$.version")).isZero();

        Response baselines = api.as("sjt").get("projects/" + project + "/baselines");
        assertThat(baselines.<List<String>>json("$[*].kind")).containsExactly("APPROVAL", "FILING");
        assertThat(baselines.<Number>json("$[1].approvedEstimate").doubleValue()).isEqualTo(10_000_000d);
        assertThat(baselines.<Number>json("$[1].adjustmentsInForce").doubleValue()).isEqualTo(1_000_000d);
        assertThat(baselines.<Integer>json("$[1].changeNumber")).isEqualTo(1);

        // the authority's approvers are told to acknowledge it, with a link to the change page
        assertThat(as("szsj", () -> everyUnread()))
                .anySatisfy(n -> {
                    assertThat(n.messageKey()).isEqualTo("change.notice.filed");
                    assertThat(n.link()).isEqualTo("/projects/" + project + "/changes");
                });
        assertThat(as("fgw", () -> everyUnread()))
                .noneMatch(n -> project.equals(String.valueOf(n.projectId())));

        assertThat(api.as("rst").post("change-requests/" + id + "/acknowledgement", Map.of()).status()).isEqualTo(403);
        Response acknowledged = api.as("szsj").post("change-requests/" + id + "/acknowledgement", Map.of("version", 0));
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        assertThat(acknowledged.text("$.acknowledgedBy")).isEqualTo("szsj");
        Response again = api.as("szsj").post("change-requests/" + id + "/acknowledgement", Map.of());
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text("$.violations[0].rule")).isEqualTo("ART-23-1");

        Map<String, Object> second = change(600_000, 9_800_000, true, "TECHNICAL_OPTIMIZATION");
        Response assessed = api.as("rst").post("projects/" + project + "/change-requests/assessment", second);
        assertThat(assessed.text("$.route")).isEqualTo("REAPPROVAL");
        assertThat(assessed.<Number>json("$.cumulativeAdjustment").doubleValue()).isEqualTo(1_600_000d);
        assertThat(assessed.text("$.reasons[0].rule")).isEqualTo("ART-23-2");
        assertThat(assessed.text("$.reasons[0].message")).contains("1,600,000", "1,000,000");

        Response atLimit = api.as("rst").post("projects/" + project + "/change-requests/assessment",
                change(500_000, 9_800_000, true, "TECHNICAL_OPTIMIZATION"));
        assertThat(atLimit.text("$.route")).isEqualTo("FILING");

        Response list = api.as("rst").get("projects/" + project + "/change-requests?size=500");
        assertThat(list.<Integer>json("$.size")).isEqualTo(200);
        assertThat(list.<List<Integer>>json("$.content[*].number")).containsExactly(1);
    }

    @Test
    void aReapprovalRunsThroughTheApprovalDecisionAndRevisesTheApprovedEstimate() {
        String project = underConstruction();
        Response filed = api.as("rst").post("projects/" + project + "/change-requests",
                change(2_000_000, 11_800_000, true, "BUSINESS_DEVELOPMENT"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.text("$.route")).isEqualTo("REAPPROVAL");
        assertThat(filed.text("$.status")).isEqualTo("IN_REAPPROVAL");
        String change = filed.text("$.id");
        String submission = filed.text("$.submissionId");
        assertThat(submission).isNotNull();

        Response revised = api.as("rst").get("submissions/" + submission);
        assertThat(revised.text("$.changeRequestId")).isEqualTo(change);
        assertThat(revised.text("$.stage")).isEqualTo("FEASIBILITY_STUDY");
        assertThat(revised.text("$.status")).isEqualTo("DRAFT");

        Response pending = api.as("rst").post("projects/" + project + "/change-requests",
                change(100_000, 10_000_000, true, "TECHNICAL_OPTIMIZATION"));
        assertThat(pending.status()).isEqualTo(422);
        assertThat(pending.text("$.violations[0].rule")).isEqualTo("ART-23");

        Response submitted = api.as("rst").post("submissions/" + submission + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(api.as("szsj").get("me/awaiting-decision").<List<String>>json("$[*].submissionId")).contains(submission);

        Response decided = api.as("szsj").post("submissions/" + submission + "/decision", decision("APPROVED", 11_500_000));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);

        Response projectNow = api.as("rst").get("projects/" + project);
        assertThat(projectNow.<Number>json("$.approvedEstimate").doubleValue()).isEqualTo(11_500_000d);
        assertThat(projectNow.text("$.status")).isEqualTo("UNDER_CONSTRUCTION");

        Response changeNow = api.as("rst").get("change-requests/" + change);
        assertThat(changeNow.text("$.status")).isEqualTo("APPROVED");
        assertThat(changeNow.<Number>json("$.approvedTotalInvestment").doubleValue()).isEqualTo(11_500_000d);
        assertThat(changeNow.text("$.decisionDocumentNumber")).isEqualTo(decided.text("$.documentNumber"));

        Response baselines = api.as("rst").get("projects/" + project + "/baselines");
        assertThat(baselines.<List<String>>json("$[*].kind")).containsExactly("APPROVAL", "REAPPROVAL");
        assertThat(baselines.<Number>json("$[1].approvedEstimate").doubleValue()).isEqualTo(11_500_000d);

        Response compared = api.as("rst").get("projects/" + project + "/baselines/compare?from=1&to=2");
        assertThat(compared.status()).as(compared.toString()).isEqualTo(200);
        assertThat(compared.<List<String>>json("$.differences[*].field")).contains("approvedEstimate", "adjustmentsInForce");
        assertThat(compared.<List<Number>>json("$.differences[?(@.field == 'approvedEstimate')].delta"))
                .singleElement().satisfies(delta -> assertThat(delta.doubleValue()).isEqualTo(1_500_000d));
        assertThat(compared.<List<String>>json("$.changes[*].id")).containsExactly(change);
        assertThat(api.as("rst").get("projects/" + project + "/baselines/compare?from=1&to=9").status()).isEqualTo(404);

        // the next change is judged against the new estimate and counts the approved one
        Response next = api.as("rst").post("projects/" + project + "/change-requests/assessment",
                change(100_000, 11_500_000, true, "TECHNICAL_OPTIMIZATION"));
        assertThat(next.<Number>json("$.threshold").doubleValue()).isEqualTo(1_725_000d);
        assertThat(next.<Number>json("$.cumulativeAdjustment").doubleValue()).isEqualTo(2_100_000d);
        assertThat(next.text("$.route")).isEqualTo("REAPPROVAL");
    }

    @Test
    void aReapprovalThatExtendsThePeriodMovesInitialAcceptanceAndOpensTheAnnualReports() {
        String project = underConstruction();
        java.time.LocalDate start = java.time.LocalDate.parse(api.as("rst").get("projects/" + project).text("$.constructionStartedOn"));
        assertThat(api.as("rst").get("projects/" + project + "/obligations").<List<String>>json("$[*].type"))
                .containsExactly("INITIAL_ACCEPTANCE");
        Response filed = api.as("rst").post("projects/" + project + "/change-requests",
                change(3_000_000, 10_000_000, true, "BUSINESS_DEVELOPMENT"));
        String submission = filed.text("$.submissionId");
        assertThat(api.as("rst").post("submissions/" + submission + "/submit", Map.of()).status()).isEqualTo(200);
        Map<String, Object> longer = decision("APPROVED", 10_000_000);
        longer.put("constructionPeriodMonths", 24);
        Response decided = api.as("szsj").post("submissions/" + submission + "/decision", longer);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);

        Response projectNow = api.as("rst").get("projects/" + project);
        assertThat((Integer) projectNow.json("$.approvedConstructionPeriodMonths")).isEqualTo(24);
        assertThat(projectNow.text("$.plannedCompletion")).isEqualTo(start.plusMonths(24).toString());
        Response obligations = api.as("rst").get("projects/" + project + "/obligations");
        assertThat(obligations.<List<String>>json("$[?(@.type == 'INITIAL_ACCEPTANCE')].dueDate"))
                .containsExactly(start.plusMonths(24).toString());
        assertThat(obligations.<List<String>>json("$[?(@.type == 'PERFORMANCE_REPORT')].dueDate")).hasSize(2)
                .allSatisfy(d -> assertThat(d).endsWith("-12-31"));
        assertThat(api.as("rst").get("projects/" + project + "/baselines").<List<Integer>>json("$[*].constructionPeriodMonths"))
                .containsExactly(12, 24);
    }

    @Test
    void aRejectedReapprovalRejectsTheChangeOnlyAndAReturnedOneComesBackForRevision() {
        String project = underConstruction();
        Response filed = api.as("rst").post("projects/" + project + "/change-requests",
                change(100_000, 10_000_000, false, "TECHNICAL_OPTIMIZATION"));
        assertThat(filed.text("$.route")).isEqualTo("REAPPROVAL");
        String change = filed.text("$.id");
        String submission = filed.text("$.submissionId");
        assertThat(api.as("rst").post("submissions/" + submission + "/submit", Map.of()).status()).isEqualTo(200);

        Response returned = api.as("szsj").post("submissions/" + submission + "/decision", decision("RETURNED", null));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(201);
        assertThat(api.as("rst").get("submissions/" + submission).text("$.status")).isEqualTo("RETURNED");
        assertThat(api.as("rst").get("change-requests/" + change).text("$.status")).isEqualTo("IN_REAPPROVAL");

        assertThat(api.as("rst").post("submissions/" + submission + "/submit", Map.of()).status()).isEqualTo(200);
        Response rejected = api.as("szsj").post("submissions/" + submission + "/decision", decision("REJECTED", null));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(201);

        assertThat(api.as("rst").get("change-requests/" + change).text("$.status")).isEqualTo("REJECTED");
        Response projectNow = api.as("rst").get("projects/" + project);
        assertThat(projectNow.text("$.status")).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(projectNow.<Number>json("$.approvedEstimate").doubleValue()).isEqualTo(10_000_000d);
        assertThat(api.as("rst").get("projects/" + project + "/baselines").<List<Integer>>json("$[*].number"))
                .containsExactly(1);
        // the rejected change is no longer pending: a new one may be filed
        assertThat(api.as("rst").post("projects/" + project + "/change-requests",
                change(100_000, 10_000_000, true, "TECHNICAL_OPTIMIZATION")).status()).isEqualTo(201);
    }

    @Test
    void anIncreaseOfADigitalJilinFundProjectAfterItsFundPlanGoesToTheProvincialGovernment() {
        String project = underConstruction();
        Map<String, Object> increase = change(1_000_000, 11_000_000, true, "PROVINCIAL_ORDER");
        assertThat(api.as("rst").post("projects/" + project + "/change-requests/assessment", increase).text("$.route"))
                .isEqualTo("REAPPROVAL");

        LocalDate today = LocalDate.now(Projects.ZONE);
        Response plan = api.as("czt").post("projects/" + project + "/fund-plans",
                Map.of("source", "DIGITAL_JILIN_FUND", "amount", 5_000_000, "issuedOn", today.toString()));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);

        Response filed = api.as("rst").post("projects/" + project + "/change-requests", increase);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.text("$.route")).isEqualTo("GOVERNMENT_APPROVAL");
        assertThat(filed.text("$.status")).isEqualTo("AWAITING_GOVERNMENT");
        assertThat(filed.text("$.reasons[0].rule")).isEqualTo("ART-23-3");
        assertThat(filed.text("$.reasons[0].message")).contains(today.toString());
        String id = filed.text("$.id");

        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", "APPROVED");
        decision.put("documentNumber", "吉政函〔2026〕18号");
        decision.put("decidedOn", today.plusDays(1).toString());
        decision.put("approvedTotalInvestment", 10_800_000);
        assertThat(api.as("rst").post("change-requests/" + id + "/government-decision", decision).status()).isEqualTo(403);
        Response future = api.as("szsj").post("change-requests/" + id + "/government-decision", decision);
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.text("$.errors[0].field")).isEqualTo("decidedOn");
        decision.put("decidedOn", today.toString());
        decision.remove("approvedTotalInvestment");
        assertThat(api.as("szsj").post("change-requests/" + id + "/government-decision", decision).status()).isEqualTo(400);
        decision.put("approvedTotalInvestment", 10_800_000);
        decision.put("version", 7);
        assertThat(api.as("szsj").post("change-requests/" + id + "/government-decision", decision).status()).isEqualTo(409);
        decision.remove("version");

        Response recorded = api.as("szsj").post("change-requests/" + id + "/government-decision", decision);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.text("$.status")).isEqualTo("APPROVED");
        assertThat(recorded.text("$.decisionDocumentNumber")).isEqualTo("吉政函〔2026〕18号");
        assertThat(api.as("rst").get("projects/" + project).<Number>json("$.approvedEstimate").doubleValue())
                .isEqualTo(10_800_000d);
        Response baselines = api.as("rst").get("projects/" + project + "/baselines");
        assertThat(baselines.<List<String>>json("$[*].kind")).containsExactly("APPROVAL", "GOVERNMENT_APPROVAL");
        assertThat(baselines.<Number>json("$[1].approvedEstimate").doubleValue()).isEqualTo(10_800_000d);
        assertThat(api.as("szsj").post("change-requests/" + id + "/government-decision", decision).status())
                .isEqualTo(422);
    }

    @Test
    void aClassifiedProjectFilesItsReapprovalOffline() {
        Map<String, Object> proposal = ApprovedProjects.simpleProposal(Api.unique("涉密系统变更"), 10_000_000, 12);
        proposal.put("classified", true);
        String project = api.as("rst").post("projects", proposal).text("$.id");
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode",
                Map.of("mode", "SELF_BUILT", "exception", "CLASSIFIED", "justification", "涉密项目，自行建设")).status())
                .isEqualTo(200);
        Response first = api.as("rst").post("projects/" + project + "/submissions/offline",
                Map.of("stage", "FEASIBILITY_STUDY", "offlineReference", "机要载体 JM-CHG-1"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(api.as("szsj").post("submissions/" + first.text("$.id") + "/decision", decision("APPROVED", 10_000_000))
                .status()).isEqualTo(201);
        ApprovedProjects.startConstruction(api, "rst", project, LocalDate.now(Projects.ZONE));

        Response filed = api.as("rst").post("projects/" + project + "/change-requests",
                change(3_000_000, 10_000_000, true, "TECHNICAL_OPTIMIZATION"));
        assertThat(filed.text("$.route")).isEqualTo("REAPPROVAL");
        String submission = filed.text("$.submissionId");
        Response offline = api.as("rst").post("projects/" + project + "/submissions/offline",
                Map.of("stage", "FEASIBILITY_STUDY", "offlineReference", "机要载体 JM-CHG-2"));
        assertThat(offline.status()).as(offline.toString()).isEqualTo(201);
        assertThat(offline.text("$.id")).isEqualTo(submission);
        assertThat(offline.text("$.status")).isEqualTo("SUBMITTED");

        assertThat(api.as("szsj").post("submissions/" + submission + "/decision", decision("APPROVED", 10_000_000))
                .status()).isEqualTo(201);
        assertThat(api.as("rst").get("change-requests/" + filed.text("$.id")).text("$.status")).isEqualTo("APPROVED");
        assertThat(api.as("rst").get("projects/" + project + "/baselines").<List<String>>json("$[*].kind"))
                .containsExactly("APPROVAL", "REAPPROVAL");
    }

    @Test
    void theRulesAreRegisteredWithTheirParametersAndTheApiIsPublished() {
        Response rules = api.as("rst").get("rules");
        assertThat(rules.<List<String>>json("$[*].id")).contains("ART-23", "ART-23-1", "ART-23-2", "ART-23-3");
        assertThat(rules.<List<Object>>json("$[?(@.id == 'ART-23-1')].parameters['change-filing-threshold']"))
                .singleElement().satisfies(v -> assertThat(((Number) v).doubleValue()).isEqualTo(0.15));
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-23-1')].parameters['change-threshold-basis']"))
                .containsExactly("CUMULATIVE");
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-23-3')].summary")).singleElement().asString()
                .contains("数字吉林");

        Response docs = api.as("rst").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/projects/{id}/change-requests/assessment",
                "/api/v1/projects/{id}/change-requests", "/api/v1/change-requests/{id}/acknowledgement",
                "/api/v1/change-requests/{id}/government-decision", "/api/v1/projects/{id}/baselines/compare",
                "ChangeBody");
    }

    @Test
    void scopeRoleAndInputAreCheckedInTheContractsOrder() {
        String project = underConstruction();
        Map<String, Object> valid = change(100_000, 10_000_000, true, "TECHNICAL_OPTIMIZATION");
        Map<String, Object> malformed = change(-1, 10_000_000, true, "TECHNICAL_OPTIMIZATION");

        assertThat(api.anonymous().post("projects/" + project + "/change-requests", valid).status()).isEqualTo(401);
        assertThat(api.as("wjw").post("projects/" + project + "/change-requests", malformed).status()).isEqualTo(404);
        assertThat(api.as("wjw").post("projects/" + project + "/change-requests/assessment", valid).status()).isEqualTo(404);
        assertThat(api.as("wjw").get("projects/" + project + "/change-requests").status()).isEqualTo(404);
        assertThat(api.as("wjw").get("projects/" + project + "/baselines").status()).isEqualTo(404);
        assertThat(api.as("szsj").post("projects/" + project + "/change-requests", malformed).status()).isEqualTo(403);
        assertThat(api.as("sjt").post("projects/" + project + "/change-requests/assessment", valid).status()).isEqualTo(403);

        Response negative = api.as("rst").post("projects/" + project + "/change-requests", malformed);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.text("$.errors[0].field")).isEqualTo("adjustmentAmount");
        Map<String, Object> unknownReason = change(100_000, 10_000_000, true, "WHIM");
        assertThat(api.as("rst").post("projects/" + project + "/change-requests", unknownReason).status()).isEqualTo(400);
        Map<String, Object> cents = change(new java.math.BigDecimal("100000.001"), 10_000_000, true, "TECHNICAL_OPTIMIZATION");
        assertThat(api.as("rst").post("projects/" + project + "/change-requests", cents).status()).isEqualTo(400);
        Map<String, Object> zeroTotal = change(100_000, 0, true, "TECHNICAL_OPTIMIZATION");
        assertThat(api.as("rst").post("projects/" + project + "/change-requests", zeroTotal).status()).isEqualTo(400);
        Map<String, Object> noDescription = change(100_000, 10_000_000, true, "TECHNICAL_OPTIMIZATION");
        noDescription.remove("description");
        Response missing = api.as("rst").post("projects/" + project + "/change-requests", noDescription);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("$.errors[0].field")).isEqualTo("description");
        assertThat(api.as("rst").post("projects/" + project + "/change-requests/assessment", noDescription).status())
                .isEqualTo(200);
        assertThat(api.as("rst").send(org.springframework.http.HttpMethod.POST, "projects/" + project + "/change-requests",
                "application/json", "{\"adjustmentAmount\": ").status()).isEqualTo(400);

        assertThat(api.as("rst").get("change-requests/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.as("rst").post("projects/" + project + "/change-requests", valid).status()).isEqualTo(201);
        String id = api.as("rst").get("projects/" + project + "/change-requests").text("$.content[0].id");
        assertThat(api.as("wjw").get("change-requests/" + id).status()).isEqualTo(404);
        assertThat(api.as("wjw").post("change-requests/" + id + "/acknowledgement", Map.of()).status()).isEqualTo(404);
        assertThat(api.as("fgw").post("change-requests/" + id + "/acknowledgement", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aSuspendedProjectRefusesAChangeRequestButStillAnswersTheAssessmentWithTheRefusal() {
        String project = underConstruction();
        as("szsj", () -> projects.suspend(java.util.UUID.fromString(project), "严重逾期，责令整改"));
        Map<String, Object> body = change(100_000, 10_000_000, true, "TECHNICAL_OPTIMIZATION");

        Response refused = api.as("rst").post("projects/" + project + "/change-requests", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.text("$.violations[0].rule")).isEqualTo("ART-22");
        assertThat(refused.text("$.violations[0].article")).isEqualTo("第二十二条");

        Response assessed = api.as("rst").post("projects/" + project + "/change-requests/assessment", body);
        assertThat(assessed.status()).isEqualTo(200);
        assertThat(assessed.text("$.route")).isEqualTo("FILING");
        assertThat(assessed.<Boolean>json("$.mayRequest")).isFalse();
        assertThat(assessed.text("$.refusals[0].rule")).isEqualTo("ART-22");
        assertThat(api.as("rst").get("projects/" + project + "/change-requests").<Number>json("$.totalElements").intValue())
                .isZero();

        String approvedOnly = ApprovedProjects.approved(api, "rst", 10_000_000, 12);
        Response notStarted = api.as("rst").post("projects/" + approvedOnly + "/change-requests", body);
        assertThat(notStarted.status()).isEqualTo(422);
        assertThat(notStarted.text("$.violations[0].rule")).isEqualTo("ART-14");
    }

    private static Map<String, Object> decision(String outcome, Object investment) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", outcome);
        if (investment != null) {
            decision.put("approvedInvestment", investment);
            decision.put("constructionPeriodMonths", 12);
        }
        decision.put("sharingOpinion", "信息资源纳入省级共享平台目录。");
        decision.put("opinion", "调整后的可行性研究报告原则同意。");
        return decision;
    }

    private <T> T as(String username, Supplier<T> work) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Every unread notice of the signed-in user: other tests of the shared application fill the first pages too. */
    private List<cn.jl.govit.notification.Notification> everyUnread() {
        List<cn.jl.govit.notification.Notification> all = new java.util.ArrayList<>();
        for (int page = 0;; page++) {
            var batch = notifications.mine(true, page, 200).content();
            all.addAll(batch);
            if (batch.size() < 200) {
                return all;
            }
        }
    }
}
