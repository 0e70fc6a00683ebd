package cn.jl.govit.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.document.Documents;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * A project's funds over the API on PostgreSQL (Art. 21, 22, 25): who may act, what input is refused, the rules
 * at their limits, the audit trail and the funnel figures.
 */
@GovItTest
class FundingApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    FundPlans fundPlans;

    @Autowired
    Projects projects;

    @Autowired
    Documents documents;

    @Autowired
    UserDetailsService users;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    static Map<String, Object> plan(Object source, Object amount, Object issuedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("amount", amount);
        body.put("issuedOn", issuedOn);
        return body;
    }

    static Map<String, Object> spending(Object amount, String purpose) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("spentOn", today());
        body.put("purpose", purpose);
        return body;
    }

    <T> T as(String username, Supplier<T> work) {
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

    private List<String> actions(String project) {
        return api.as("sjt").get("audit-events?projectId=" + project + "&size=200").json("$.content[*].action");
    }

    private String issue(String project, long amount) {
        Response issued = api.as("czt").post("projects/" + project + "/fund-plans",
                plan("DIGITAL_JILIN_FUND", amount, today()));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.text("$.id");
    }

    private void disburse(String project, String plan, Object amount) {
        Response disbursed = api.as("czt").post("projects/" + project + "/fund-plans/" + plan + "/disbursements",
                Map.of("amount", amount, "disbursedOn", today()));
        assertThat(disbursed.status()).as(disbursed.toString()).isEqualTo(201);
    }

    @Test
    void financeIssuesFundPlansUpToTheApprovedEstimateAndNobodyElse() {
        String project = ApprovedProjects.approved(api, "rst", 10_000_000, 12);
        assertThat(fundPlans.firstIssuedOn(UUID.fromString(project), FundingSource.DIGITAL_JILIN_FUND)).isEmpty();

        Map<String, Object> body = plan("DIGITAL_JILIN_FUND", 6_000_000, today());
        assertThat(api.as("jyt").post("projects/" + project + "/fund-plans", body).status()).isEqualTo(404);
        assertThat(api.as("rst").post("projects/" + project + "/fund-plans", body).status()).isEqualTo(403);
        assertThat(api.as("szsj").post("projects/" + project + "/fund-plans", body).status()).isEqualTo(403);
        // a caller without the role learns nothing about the body
        assertThat(api.as("rst").post("projects/" + project + "/fund-plans", Map.of("amount", -1)).status()).isEqualTo(403);

        Response issued = api.as("czt").post("projects/" + project + "/fund-plans", body);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.text("$.source")).isEqualTo("DIGITAL_JILIN_FUND");
        assertThat(new BigDecimal(issued.text("$.amount"))).isEqualByComparingTo("6000000");
        assertThat(fundPlans.firstIssuedOn(UUID.fromString(project), FundingSource.DIGITAL_JILIN_FUND))
                .contains(LocalDate.parse(today()));
        assertThat(fundPlans.firstIssuedOn(UUID.fromString(project), FundingSource.CENTRAL_BUDGET)).isEmpty();

        Response oneCentOver = api.as("czt").post("projects/" + project + "/fund-plans",
                plan("DIGITAL_JILIN_FUND", new BigDecimal("4000000.01"), today()));
        assertThat(oneCentOver.status()).as(oneCentOver.toString()).isEqualTo(422);
        assertThat(oneCentOver.<List<String>>json("$.violations[*].rule")).containsOnly("ART-21");
        assertThat(oneCentOver.text("$.violations[0].article")).isEqualTo("第二十一条");
        assertThat(api.as("czt").post("projects/" + project + "/fund-plans",
                plan("DIGITAL_JILIN_FUND", new BigDecimal("4000000.00"), today())).status()).isEqualTo(201);

        Response otherSource = api.as("czt").post("projects/" + project + "/fund-plans",
                plan("CENTRAL_BUDGET", 1, today()));
        assertThat(otherSource.status()).isEqualTo(422);
        assertThat(otherSource.<List<String>>json("$.violations[*].item")).containsExactly("source");

        Response list = api.as("jyt").get("projects/" + project + "/fund-plans");
        assertThat(list.status()).isEqualTo(404);
        assertThat(api.as("sjt").get("projects/" + project + "/fund-plans").<List<Object>>json("$[*].id")).hasSize(2);
        assertThat(actions(project)).filteredOn("FUND_PLAN_ISSUED"::equals).hasSize(2);
    }

    @Test
    void badAmountsAndDatesAreFormatErrors() {
        String project = ApprovedProjects.approved(api, "rst", 1_000_000, 12);
        String path = "projects/" + project + "/fund-plans";
        for (Map<String, Object> bad : List.of(plan("DIGITAL_JILIN_FUND", 0, today()),
                plan("DIGITAL_JILIN_FUND", -5, today()), plan("DIGITAL_JILIN_FUND", new BigDecimal("12.345"), today()),
                plan("DIGITAL_JILIN_FUND", new BigDecimal("10000000000000"), today()), plan("DIGITAL_JILIN_FUND", "abc", today()),
                plan("NO_SUCH_FUND", 1, today()), plan(null, 1, today()), plan("DIGITAL_JILIN_FUND", 1, "2026-02-30"),
                plan("DIGITAL_JILIN_FUND", 1, null))) {
            Response response = api.as("czt").post(path, bad);
            assertThat(response.status()).as(bad + " → " + response).isEqualTo(400);
        }
        Response future = api.as("czt").post(path, plan("DIGITAL_JILIN_FUND", 1,
                LocalDate.parse(today()).plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.<List<String>>json("$.errors[*].field")).containsExactly("issuedOn");
        Response beforeApproval = api.as("czt").post(path, plan("DIGITAL_JILIN_FUND", 1,
                LocalDate.parse(today()).minusDays(1).toString()));
        assertThat(beforeApproval.status()).isEqualTo(422);
        assertThat(beforeApproval.<List<String>>json("$.violations[*].item")).containsExactly("issuedOn");
        assertThat(api.as("czt").send(HttpMethod.POST, path, "application/json", "{\"amount\": ").status()).isEqualTo(400);
        assertThat(api.as("czt").get(path).<List<Object>>json("$")).isEmpty();
    }

    @Test
    void aProjectStillInApprovalGetsNoFundPlan() {
        Response created = api.as("rst").post("projects", ApprovedProjects.simpleProposal(Api.unique("未批复"), 500_000, 12));
        Response refused = api.as("czt").post("projects/" + created.text("$.id") + "/fund-plans",
                plan("DIGITAL_JILIN_FUND", 1, today()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-21");
    }

    @Test
    void disbursementsStayWithinTheirPlanAndSpendingWithinTheDisbursedFunds() {
        String project = ApprovedProjects.underConstruction(api, "rst", 3_000_000, 12);
        String plan = issue(project, 2_000_000);
        String disbursements = "projects/" + project + "/fund-plans/" + plan + "/disbursements";
        assertThat(api.as("rst").post(disbursements, Map.of("amount", 1, "disbursedOn", today())).status()).isEqualTo(403);
        assertThat(api.as("jyt").post(disbursements, Map.of("amount", 1, "disbursedOn", today())).status()).isEqualTo(404);
        String other = ApprovedProjects.approved(api, "rst", 1_000_000, 12);
        assertThat(api.as("czt").post("projects/" + other + "/fund-plans/" + plan + "/disbursements",
                Map.of("amount", 1, "disbursedOn", today())).status()).isEqualTo(404);

        disburse(project, plan, new BigDecimal("1500000.00"));
        Response oneCentOver = api.as("czt").post(disbursements, Map.of("amount", new BigDecimal("500000.01"), "disbursedOn", today()));
        assertThat(oneCentOver.status()).isEqualTo(422);
        assertThat(oneCentOver.<List<String>>json("$.violations[*].rule")).containsExactly("ART-21");
        disburse(project, plan, new BigDecimal("500000.00"));
        assertThat(new BigDecimal(api.as("rst").get("projects/" + project + "/fund-plans").text("$[0].disbursed")))
                .isEqualByComparingTo("2000000");

        String spend = "projects/" + project + "/spending";
        assertThat(api.as("czt").post(spend, spending(1, "设备采购")).status()).isEqualTo(403);
        assertThat(api.as("jyt").post(spend, spending(1, "设备采购")).status()).isEqualTo(404);
        assertThat(api.as("rst").post(spend, spending(1, " ")).status()).isEqualTo(400);
        assertThat(api.as("rst").post(spend, spending(new BigDecimal("0.00"), "设备采购")).status()).isEqualTo(400);
        Response first = api.as("rst").post(spend, spending(new BigDecimal("1999999.99"), "服务器采购"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Response above = api.as("rst").post(spend, spending(new BigDecimal("0.02"), "软件开发"));
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.<List<String>>json("$.violations[*].rule")).containsExactly("ART-21");
        assertThat(above.text("$.violations[0].article")).isEqualTo("第二十一条");
        assertThat(api.as("rst").post(spend, spending(new BigDecimal("0.01"), "软件开发")).status()).isEqualTo(201);
        assertThat(api.as("sjt").get(spend + "?size=1").<Integer>json("$.totalElements")).isEqualTo(2);
        assertThat(api.as("sjt").get(spend + "?size=1").<List<Object>>json("$.content")).hasSize(1);

        assertThat(actions(project)).contains("FUND_PLAN_ISSUED", "FUNDS_DISBURSED", "SPENDING_RECORDED");
        assertThat(actions(project)).filteredOn("SPENDING_RECORDED"::equals).hasSize(2);
    }

    @Test
    void aVoucherIsADocumentOfTheSameProject() {
        String project = ApprovedProjects.underConstruction(api, "rst", 1_000_000, 12);
        disburse(project, issue(project, 1_000_000), 1_000_000);
        String elsewhere = ApprovedProjects.approved(api, "rst", 1_000_000, 12);
        UUID own = as("rst", () -> documents.store(UUID.fromString(project), "V1", "voucher.txt", "text/plain",
                "付款凭证".getBytes(StandardCharsets.UTF_8)).id());
        UUID foreign = as("rst", () -> documents.store(UUID.fromString(elsewhere), "V1", "voucher.txt", "text/plain",
                "付款凭证".getBytes(StandardCharsets.UTF_8)).id());
        Map<String, Object> body = spending(1000, "监理服务");
        body.put("contractReference", "JL-2026-001");
        body.put("voucherDocumentId", foreign.toString());
        Response refused = api.as("rst").post("projects/" + project + "/spending", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("voucherDocumentId");
        body.put("voucherDocumentId", own.toString());
        Response recorded = api.as("rst").post("projects/" + project + "/spending", body);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.text("$.voucherDocumentId")).isEqualTo(own.toString());
        assertThat(recorded.text("$.contractReference")).isEqualTo("JL-2026-001");
    }

    @Test
    void aSuspendedProjectTakesNoSpendingButFinanceStillDisburses() {
        String project = ApprovedProjects.underConstruction(api, "rst", 1_000_000, 12);
        String plan = issue(project, 600_000);
        disburse(project, plan, 300_000);
        as("szsj", () -> projects.suspend(UUID.fromString(project), "工程严重逾期"));

        Response refused = api.as("rst").post("projects/" + project + "/spending", spending(1000, "设备采购"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-22");
        Response shares = api.as("rst").send(HttpMethod.PUT, "projects/" + project + "/level-shares", "application/json",
                Map.of("shares", List.of(share("PROVINCIAL", "省人社厅", 1_000_000))));
        assertThat(shares.status()).isEqualTo(422);
        assertThat(shares.<List<String>>json("$.violations[*].rule")).containsExactly("ART-22");
        disburse(project, plan, 300_000);
        assertThat(api.as("czt").post("projects/" + project + "/fund-plans",
                plan("DIGITAL_JILIN_FUND", 400_000, today())).status()).isEqualTo(201);

        as("szsj", () -> projects.resume(UUID.fromString(project), "整改完成"));
        assertThat(api.as("rst").post("projects/" + project + "/spending", spending(1000, "设备采购")).status())
                .isEqualTo(201);
    }

    @Test
    void theSurplusIsReturnedAndFinanceConfirmsIt() {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        disburse(project, issue(project, 1_500_000), 1_500_000);
        assertThat(api.as("rst").post("projects/" + project + "/spending", spending(1_200_000, "系统开发")).status())
                .isEqualTo(201);

        String returns = "projects/" + project + "/surplus-returns";
        assertThat(api.as("czt").post(returns, Map.of("amount", 1, "returnedOn", today())).status()).isEqualTo(403);
        Response tooMuch = api.as("rst").post(returns, Map.of("amount", new BigDecimal("300000.01"), "returnedOn", today()));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.<List<String>>json("$.violations[*].rule")).containsExactly("ART-21");
        Response returned = api.as("rst").post(returns, Map.of("amount", 200_000, "returnedOn", today()));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(201);
        String returnId = returned.text("$.id");

        Response funds = api.as("sjt").get("projects/" + project + "/funds");
        assertThat(new BigDecimal(funds.text("$.surplus"))).isEqualByComparingTo("300000");
        assertThat(new BigDecimal(funds.text("$.returned"))).isEqualByComparingTo("200000");
        assertThat(new BigDecimal(funds.text("$.returnConfirmed"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(funds.text("$.unreturned"))).isEqualByComparingTo("100000");
        assertThat((Boolean) funds.json("$.surplusUnreturned")).as("not due before completion").isFalse();

        String confirmation = returns + "/" + returnId + "/confirmation";
        assertThat(api.as("rst").post(confirmation, Map.of("confirmedOn", today())).status()).isEqualTo(403);
        Response early = api.as("czt").post(confirmation,
                Map.of("confirmedOn", LocalDate.parse(today()).minusDays(1).toString()));
        assertThat(early.status()).isEqualTo(422);
        Response confirmed = api.as("czt").post(confirmation, Map.of("confirmedOn", today(), "version", 0));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.text("$.confirmedOn")).isEqualTo(today());
        assertThat(api.as("czt").post(confirmation, Map.of("confirmedOn", today())).status()).isEqualTo(409);
        assertThat(new BigDecimal(api.as("rst").get("projects/" + project + "/funds").text("$.returnConfirmed")))
                .isEqualByComparingTo("200000");
        assertThat(actions(project)).contains("SURPLUS_RETURNED", "SURPLUS_RETURN_CONFIRMED");
    }

    static Map<String, Object> share(String level, String organization, Object amount) {
        return Map.of("level", level, "organization", organization, "contentResponsibility", "本级平台建设和数据对接",
                "amount", amount);
    }

    @Test
    void levelSharesAddUpToTheEstimateAndAreReplacedAsAWhole() {
        String project = ApprovedProjects.approved(api, "rst", 10_000_000, 12);
        String path = "projects/" + project + "/level-shares";
        Map<String, Object> split = Map.of("version", 0, "shares", List.of(share("PROVINCIAL", "省人社厅", 6_000_000),
                share("CITY", "长春市", 3_000_000), share("COUNTY", "农安县", 1_000_000)));
        assertThat(api.as("jyt").send(HttpMethod.PUT, path, "application/json", split).status()).isEqualTo(404);
        assertThat(api.as("czt").send(HttpMethod.PUT, path, "application/json", split).status()).isEqualTo(403);
        assertThat(api.as("rst").send(HttpMethod.PUT, path, "application/json",
                Map.of("shares", List.of(share("TOWNSHIP", "某乡", 1)))).status()).isEqualTo(400);
        assertThat(api.as("rst").send(HttpMethod.PUT, path, "application/json", Map.of("shares", List.of())).status())
                .isEqualTo(400);

        Response oneCentOff = api.as("rst").send(HttpMethod.PUT, path, "application/json",
                Map.of("shares", List.of(share("PROVINCIAL", "省人社厅", 6_000_000), share("CITY", "长春市", new BigDecimal("3999999.99")))));
        assertThat(oneCentOff.status()).isEqualTo(422);
        assertThat(oneCentOff.<List<String>>json("$.violations[*].rule")).containsExactly("ART-25");
        assertThat(oneCentOff.text("$.violations[0].article")).isEqualTo("第二十五条");

        Response recorded = api.as("rst").send(HttpMethod.PUT, path, "application/json", split);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat((Integer) recorded.json("$.version")).isEqualTo(1);
        assertThat(api.as("rst").send(HttpMethod.PUT, path, "application/json", split).status())
                .as("stale version").isEqualTo(409);
        Response replaced = api.as("rst").send(HttpMethod.PUT, path, "application/json",
                Map.of("version", 1, "shares", List.of(share("PROVINCIAL", "省人社厅", 7_000_000), share("CITY", "长春市", 3_000_000))));
        assertThat(replaced.status()).isEqualTo(200);
        Response funds = api.as("sjt").get("projects/" + project + "/funds");
        assertThat((Integer) funds.json("$.levelSharesVersion")).isEqualTo(2);
        assertThat(funds.<List<String>>json("$.levelShares[*].level")).containsExactly("PROVINCIAL", "CITY");
        assertThat(actions(project)).filteredOn("LEVEL_SHARES_RECORDED"::equals).hasSize(2);
    }

    @Test
    void theFunnelRunsFromTheApprovedEstimateToWhatWasReturned() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 12);
        String plan = issue(project, 4_000_000);
        disburse(project, plan, 3_000_000);
        assertThat(api.as("rst").post("projects/" + project + "/spending", spending(2_500_000, "系统开发")).status())
                .isEqualTo(201);
        assertThat(api.as("rst").post("projects/" + project + "/surplus-returns",
                Map.of("amount", 100_000, "returnedOn", today())).status()).isEqualTo(201);

        assertThat(api.as("jyt").get("projects/" + project + "/funds").status()).isEqualTo(404);
        Response funds = api.as("sjt").get("projects/" + project + "/funds");
        assertThat(funds.status()).isEqualTo(200);
        assertThat(new BigDecimal(funds.text("$.approved"))).isEqualByComparingTo("5000000");
        assertThat(new BigDecimal(funds.text("$.contracted"))).isEqualByComparingTo("0");
        assertThat(new BigDecimal(funds.text("$.planned"))).isEqualByComparingTo("4000000");
        assertThat(new BigDecimal(funds.text("$.disbursed"))).isEqualByComparingTo("3000000");
        assertThat(new BigDecimal(funds.text("$.spent"))).isEqualByComparingTo("2500000");
        assertThat(new BigDecimal(funds.text("$.returned"))).isEqualByComparingTo("100000");
        assertThat(new BigDecimal(funds.text("$.surplus"))).isEqualByComparingTo("500000");
        assertThat(new BigDecimal(funds.text("$.estimateRemaining"))).isEqualByComparingTo("2500000");
        assertThat(new BigDecimal(funds.text("$.unreturned"))).isEqualByComparingTo("400000");
        assertThat((Integer) funds.json("$.levelSharesVersion")).isZero();
    }

    @Test
    void concurrentPlansCannotTogetherExceedTheEstimate() throws Exception {
        String project = ApprovedProjects.approved(api, "rst", 1_000_000, 12);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.as("czt").post("projects/" + project + "/fund-plans",
                            plan("DIGITAL_JILIN_FUND", 400_000, today())).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 422).filteredOn(s -> s == 201).hasSize(2);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(new BigDecimal(api.as("czt").get("projects/" + project + "/funds").text("$.planned")))
                .isEqualByComparingTo("800000");
    }

    @Test
    void theEndpointsArePublishedInTheOpenApiDocument() {
        Response docs = api.as("sjt").get("/v3/api-docs");
        assertThat(docs.body()).contains("/api/v1/projects/{id}/fund-plans", "/api/v1/projects/{id}/funds",
                "/api/v1/projects/{id}/level-shares", "/api/v1/projects/{id}/surplus-returns/{returnId}/confirmation");
        Response rules = api.as("sjt").get("rules");
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-25')].article")).containsExactly("第二十五条");
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-25')].summary")).singleElement().asString().contains("批复概算");
    }
}
