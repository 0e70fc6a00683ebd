package cn.jl.govit.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
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
import cn.jl.govit.obligation.Obligation;
import cn.jl.govit.obligation.ObligationStatus;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * The annual performance report through the API on PostgreSQL (Art. 20): the due year only, every missing part named,
 * the obligation met on submission (late too), return and resubmission with every version kept, the authority alone
 * deciding, and the contract's order of answers.
 */
@GovItTest
class PerformanceReportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Projects projects;

    @Autowired
    Obligations obligations;

    @Autowired
    UserDetailsService users;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static int thisYear() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    }

    static Map<String, Object> complete(int year) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("constructionProgress", "完成需求分析和系统设计，应用开发完成 60%");
        body.put("plannedInvestment", 3_000_000);
        body.put("executedInvestment", 2_500_000.5);
        body.put("investmentExecution", "年度投资计划执行 83%，主要为软件开发款");
        body.put("trialRunEffect", "系统尚未投入试运行");
        body.put("problemsAndMeasures", "接口联调滞后，已增派人员并调整计划");
        body.put("userUnitOpinions", List.of(Map.of("name", "省社会保险事业管理局", "opinion", "同意报告内容")));
        body.put("supervisionOpinion", Map.of("name", "吉林某工程监理有限公司", "opinion", "进度基本符合计划"));
        return body;
    }

    @Test
    void aThirteenMonthProjectReportsForTheDueYearWhichMeetsTheObligation() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 13);
        int year = thisYear();
        String base = "projects/" + project + "/performance-reports";

        Response wrongYear = api.as("rst").post(base, Map.of("year", year - 1));
        assertThat(wrongYear.status()).as(wrongYear.toString()).isEqualTo(422);
        assertThat(wrongYear.<List<String>>json("$.violations[*].rule")).containsExactly("ART-20");
        assertThat(wrongYear.text("$.violations[0].article")).isEqualTo("第二十条");
        assertThat(wrongYear.text("$.violations[0].message")).contains(String.valueOf(year));

        Response drafted = api.as("rst").post(base, Map.of("year", year));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String report = drafted.text("$.id");
        assertThat(drafted.text("$.status")).isEqualTo("DRAFT");
        assertThat(drafted.text("$.dueDate")).isEqualTo(year + "-12-31");
        assertThat(api.as("rst").post(base, Map.of("year", year)).<List<String>>json("$.violations[*].rule"))
                .containsExactly("ART-20");

        Response incomplete = api.as("rst").post("performance-reports/" + report + "/submit", Map.of());
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.<List<String>>json("$.violations[*].item")).containsExactly("constructionProgress",
                "plannedInvestment", "executedInvestment", "investmentExecution", "trialRunEffect", "problemsAndMeasures",
                "userUnitOpinions", "supervisionOpinion");
        assertThat(obligation(project, year).status()).isEqualTo(ObligationStatus.OPEN);

        Response revised = put("rst", "performance-reports/" + report, complete(year));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        Response submitted = api.as("rst").post("performance-reports/" + report + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.text("$.status")).isEqualTo("SUBMITTED");
        assertThat((Boolean) submitted.json("$.late")).isFalse();
        assertThat((Integer) submitted.json("$.revision")).isEqualTo(1);

        Obligation met = obligation(project, year);
        assertThat(met.status()).isEqualTo(ObligationStatus.MET);
        assertThat(met.metOn()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")));

        assertThat(api.as("daj").get(base).status()).isEqualTo(200);
        assertThat(api.as("sjt").get("performance-reports/" + report).status()).isEqualTo(200);
        assertThat(api.as("rst").get("audit-events?projectId=" + project).<List<String>>json("$.content[*].action"))
                .contains("PERFORMANCE_REPORT_DRAFTED", "PERFORMANCE_REPORT_REVISED", "PERFORMANCE_REPORT_SUBMITTED",
                        "OBLIGATION_MET");
    }

    @Test
    void aTwelveMonthProjectOwesNoReport() {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        Response refused = api.as("rst").post("projects/" + project + "/performance-reports", complete(thisYear()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-20");
        assertThat(refused.<List<String>>json("$.violations[*].item")).containsExactly("year");
        assertThat(refused.text("$.violations[0].message")).contains("12");
        assertThat(api.as("rst").get("projects/" + project + "/performance-reports").<List<Object>>json("$")).isEmpty();
    }

    @Test
    void aReturnedReportIsRevisedAndSubmittedAgainEveryVersionKept() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 24);
        String report = submittedReport(project);

        assertThat(decide("rst", report, "ACCEPTED", "自己采纳").status()).isEqualTo(403);
        assertThat(decide("fgw", report, "ACCEPTED", "不是审批部门").status()).isEqualTo(403);
        assertThat(decide("daj", report, "ACCEPTED", "档案局").status()).isEqualTo(403);
        assertThat(decide("jyt", report, "ACCEPTED", "范围外").status()).isEqualTo(404);
        Response noOpinion = decide("szsj", report, "RETURNED", " ");
        assertThat(noOpinion.status()).isEqualTo(400);
        assertThat(noOpinion.<List<String>>json("$.errors[*].field")).containsExactly("opinion");
        assertThat(decide("szsj", report, "MAYBE", "x").status()).isEqualTo(400);

        Response returned = decide("szsj", report, "RETURNED", "投资执行情况请按合同分列");
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(returned.text("$.status")).isEqualTo("RETURNED");
        assertThat(returned.text("$.decisionOpinion")).isEqualTo("投资执行情况请按合同分列");
        assertThat(decide("szsj", report, "ACCEPTED", "再次决定").status()).isEqualTo(422);

        Map<String, Object> second = complete(thisYear());
        second.put("investmentExecution", "合同一执行 100 万元，合同二执行 150 万元");
        assertThat(put("rst", "performance-reports/" + report, second).status()).isEqualTo(200);
        Response resubmitted = api.as("rst").post("performance-reports/" + report + "/submit", Map.of());
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
        assertThat((Integer) resubmitted.json("$.revision")).isEqualTo(2);

        Response accepted = decide("szsj", report, "ACCEPTED", "同意");
        assertThat(accepted.text("$.status")).isEqualTo("ACCEPTED");
        assertThat(api.as("rst").post("performance-reports/" + report + "/submit", Map.of()).status()).isEqualTo(422);
        assertThat(put("rst", "performance-reports/" + report, second).status()).isEqualTo(422);

        Response versions = api.as("sjt").get("performance-reports/" + report + "/versions");
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.<List<Integer>>json("$[*].revision")).containsExactly(1, 2);
        assertThat(versions.<List<String>>json("$[*].outcome")).containsExactly("RETURNED", "ACCEPTED");
        assertThat(versions.<List<String>>json("$[*].content.investmentExecution"))
                .containsExactly("年度投资计划执行 83%，主要为软件开发款", "合同一执行 100 万元，合同二执行 150 万元");
        assertThat(api.as("rst").get("audit-events?projectId=" + project).<List<String>>json("$.content[*].action"))
                .contains("PERFORMANCE_REPORT_RETURNED", "PERFORMANCE_REPORT_ACCEPTED");
    }

    @Test
    void aLateReportStillMeetsTheObligationAndShowsAsLate() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 24);
        int year = thisYear();
        Response drafted = api.as("rst").post("projects/" + project + "/performance-reports", complete(year));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, LocalDate.of(year + 1, 1, 5));
        clock.advance(Duration.ofDays(days));
        Response submitted = api.as("rst").post("performance-reports/" + drafted.text("$.id") + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat((Boolean) submitted.json("$.late")).isTrue();
        assertThat(submitted.text("$.firstSubmittedOn")).isEqualTo((year + 1) + "-01-05");
        Obligation met = obligation(project, year);
        assertThat(met.status()).isEqualTo(ObligationStatus.MET);
        assertThat(met.metOn()).isEqualTo(LocalDate.of(year + 1, 1, 5));
    }

    @Test
    void aSuspendedProjectStillReports() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 24);
        as("szsj", () -> projects.suspend(UUID.fromString(project), "严重逾期，暂停建设"));
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("SUSPENDED");
        Response drafted = api.as("rst").post("projects/" + project + "/performance-reports", complete(thisYear()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        assertThat(api.as("rst").post("performance-reports/" + drafted.text("$.id") + "/submit", Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void answersComeInTheContractsOrder() {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 24);
        String base = "projects/" + project + "/performance-reports";
        String malformed = "{\"year\": ";
        assertThat(api.anonymous().get(base).status()).isEqualTo(401);
        assertThat(api.as("jyt").get(base).status()).isEqualTo(404);
        assertThat(api.as("jyt").send(HttpMethod.POST, base, "application/json", malformed).status()).isEqualTo(404);
        assertThat(api.as("szsj").send(HttpMethod.POST, base, "application/json", malformed).status()).isEqualTo(403);
        assertThat(api.as("sjt").post(base, complete(thisYear())).status()).isEqualTo(403);
        assertThat(api.as("rst").send(HttpMethod.POST, base, "application/json", malformed).status()).isEqualTo(400);
        assertThat(api.as("rst").post(base, Map.of()).<List<String>>json("$.errors[*].field")).containsExactly("year");

        Map<String, Object> negative = complete(thisYear());
        negative.put("executedInvestment", -1);
        Response refused = api.as("rst").post(base, negative);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("executedInvestment");

        Map<String, Object> foreign = complete(thisYear());
        foreign.put("attachments", List.of(UUID.randomUUID().toString()));
        Response unknown = api.as("rst").post(base, foreign);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.<List<String>>json("$.errors[*].field")).containsExactly("attachments[0]");

        Response drafted = api.as("rst").post(base, complete(thisYear()));
        String report = drafted.text("$.id");
        assertThat(api.as("jyt").get("performance-reports/" + report).status()).isEqualTo(404);
        assertThat(api.as("rst").get("performance-reports/" + UUID.randomUUID()).status()).isEqualTo(404);
        Map<String, Object> stale = complete(thisYear());
        stale.put("version", 7);
        assertThat(put("rst", "performance-reports/" + report, stale).status()).isEqualTo(409);
        Map<String, Object> otherYear = complete(thisYear() + 1);
        assertThat(put("rst", "performance-reports/" + report, otherYear).status()).isEqualTo(400);
        assertThat(api.as("rst").header("If-Match", "\"9\"").post("performance-reports/" + report + "/submit", Map.of())
                .status()).isEqualTo(409);
        Response english = api.as("rst").english().post(base, complete(thisYear()));
        assertThat(english.text("$.violations[0].message")).contains("already exists");
    }

    private String submittedReport(String project) {
        Response drafted = api.as("rst").post("projects/" + project + "/performance-reports", complete(thisYear()));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        Response submitted = api.as("rst").post("performance-reports/" + drafted.text("$.id") + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return drafted.text("$.id");
    }

    private Response decide(String user, String report, String outcome, String opinion) {
        return api.as(user).post("performance-reports/" + report + "/acceptance", Map.of("outcome", outcome, "opinion", opinion));
    }

    private Response put(String user, String path, Object body) {
        return api.as(user).send(HttpMethod.PUT, path, "application/json",
                tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(body));
    }

    private Obligation obligation(String project, int year) {
        return obligations.find(UUID.fromString(project), ObligationType.PERFORMANCE_REPORT, String.valueOf(year))
                .orElseThrow(() -> new AssertionError("no PERFORMANCE_REPORT obligation for " + year));
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
}
