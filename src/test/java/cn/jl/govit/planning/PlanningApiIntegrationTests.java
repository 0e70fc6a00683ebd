package cn.jl.govit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/** Planning through the REST API: plans and versions, the demand call, demands, scope, triage into projects. */
@GovItTest
class PlanningApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A plan for the current year, approved today, so that it is the one in force; answers its first item code. */
    String planInForce() {
        String code = "I" + Api.unique("").substring(1);
        int year = today().getYear();
        Map<String, Object> plan = plan(year, List.of(Map.of("code", code, "title", "一网通办"),
                Map.of("code", code + "B", "title", "数据共享")));
        Response created = api.as("szsj").post("construction-plans", plan);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    static Map<String, Object> plan(int year, List<Map<String, Object>> items) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", "吉林省数字政府建设规划");
        plan.put("periodFrom", year - 1);
        plan.put("periodTo", year + 3);
        plan.put("items", items);
        plan.put("approvedOn", today().toString());
        plan.put("approvalDocument", "吉政函〔" + year + "〕1号");
        return plan;
    }

    /** The call of the current year, opened if there is none; answers its id and closing date. */
    Map<String, Object> currentCall() {
        int year = today().getYear();
        Response calls = api.as("szsj").get("demand-calls?size=200");
        List<Map<String, Object>> found = calls.json("$.content[?(@.year == " + year + ")]");
        if (!found.isEmpty()) {
            return found.get(0);
        }
        Response opened = api.as("szsj").post("demand-calls", Map.of("year", year, "opensOn", today().toString(),
                "closesOn", today().plusDays(30).toString(), "focusAreas", List.of("一网通办")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json("$");
    }

    static Map<String, Object> demand(String title, String item, List<String> participants) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", title);
        d.put("content", "建设内容：" + title);
        d.put("estimate", 3000000.50);
        d.put("planItemCode", item);
        d.put("participatingOrganizationCodes", participants);
        return d;
    }

    static Map<String, Object> outline(String name) {
        return Map.of("name", name, "categories", List.of("BUSINESS_SYSTEM"), "constructionPeriodMonths", 12);
    }

    @Test
    void aDepartmentFilesADemandThatOnlyItAndTheProvincialBodiesSee() {
        String item = planInForce();
        String call = (String) currentCall().get("id");

        Response filed = api.as("rst").post("demand-calls/" + call + "/demands", demand(Api.unique("社保需求"), item, List.of("WJW")));

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.text("$.id");
        assertThat(filed.headers().getLocation()).hasToString("/api/v1/demands/" + id);
        assertThat(filed.text("$.organizationCode")).isEqualTo("RST");
        assertThat(filed.text("$.status")).isEqualTo("OPEN");
        assertThat(filed.text("$.planItemCode")).isEqualTo(item);
        assertThat(api.as("rst").get("demands/" + id).status()).isEqualTo(200);
        assertThat(api.as("szsj").get("demands/" + id).status()).isEqualTo(200);
        assertThat(api.as("sjt").get("demands/" + id).status()).isEqualTo(200);
        assertThat(api.as("wjw").get("demands/" + id).status()).isEqualTo(404);
        assertThat(api.as("admin").get("demands/" + id).status()).isEqualTo(404);
        assertThat(api.as(null).get("demands/" + id).status()).isEqualTo(401);
        List<String> wjwSees = api.as("wjw").get("demand-calls/" + call + "/demands?size=200").json("$.content[*].id");
        assertThat(wjwSees).doesNotContain(id);
        List<String> bureauSees = api.as("szsj").get("demand-calls/" + call + "/demands?size=200").json("$.content[*].id");
        assertThat(bureauSees).contains(id);
    }

    @Test
    void aDemandOutsideTheCurrentPlanOrWithABadParticipantIsAFieldError() {
        String item = planInForce();
        String call = (String) currentCall().get("id");

        Response unknownItem = api.as("rst").post("demand-calls/" + call + "/demands", demand("需求", "NO-SUCH-ITEM", List.of()));
        assertThat(unknownItem.status()).as(unknownItem.toString()).isEqualTo(400);
        assertThat(unknownItem.<List<String>>json("$.errors[*].field")).containsExactly("planItemCode");

        Response self = api.as("rst").post("demand-calls/" + call + "/demands", demand("需求", item, List.of("RST", "SZSJ")));
        assertThat(self.status()).as(self.toString()).isEqualTo(400);
        assertThat(self.<List<String>>json("$.errors[*].field"))
                .containsExactly("participatingOrganizationCodes[0]", "participatingOrganizationCodes[1]");

        Map<String, Object> tooPrecise = demand("需求", item, List.of());
        tooPrecise.put("estimate", 1.234);
        assertThat(api.as("rst").post("demand-calls/" + call + "/demands", tooPrecise).status()).isEqualTo(400);
        tooPrecise.put("estimate", 0);
        assertThat(api.as("rst").post("demand-calls/" + call + "/demands", tooPrecise).status()).isEqualTo(400);
    }

    @Test
    void afterTheClosingDateADemandIsRefusedNamingTheDate() {
        String item = planInForce();
        Map<String, Object> call = currentCall();
        LocalDate closesOn = LocalDate.parse((String) call.get("closesOn"));
        long days = ChronoUnit.DAYS.between(today(), closesOn) + 1;
        clock.advance(Duration.ofDays(days));

        Response refused = api.as("rst").post("demand-calls/" + call.get("id") + "/demands", demand("迟交需求", item, List.of()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-6");
        assertThat(refused.text("$.violations[0].message")).contains(closesOn.toString()).contains("第六条");
        Response english = api.as("rst").english().post("demand-calls/" + call.get("id") + "/demands", demand("late", item, List.of()));
        assertThat(english.text("$.violations[0].message")).contains("closed on " + closesOn);
    }

    @Test
    void beforeTheCallOpensADemandIsRefusedNamingTheOpeningDay() {
        int year = 2040 + new java.util.Random().nextInt(50);
        LocalDate opens = today().plusDays(10);
        Response opened = api.as("szsj").post("demand-calls", Map.of("year", year, "opensOn", opens.toString(),
                "closesOn", opens.plusDays(20).toString()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(api.as("szsj").post("demand-calls", Map.of("year", year, "closesOn", opens.toString())).status())
                .isEqualTo(400);

        Response refused = api.as("wjw").post("demand-calls/" + opened.text("$.id") + "/demands", demand("早交需求", "X", List.of()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).contains("ART-6");
        assertThat(refused.text("$.violations[0].message")).contains(opens.toString());
        assertThat(api.as("wjw").post("demand-calls", Map.of("year", year + 1, "closesOn", opens.toString())).status())
                .isEqualTo(403);
    }

    @Test
    void theCallsDemandsListInRankOrderAndATriagedDemandKeepsItsScore() {
        String item = planInForce();
        String call = (String) currentCall().get("id");
        String low = api.as("jyt").post("demand-calls/" + call + "/demands", demand(Api.unique("低分"), item, List.of())).text("$.id");
        String high = api.as("jyt").post("demand-calls/" + call + "/demands", demand(Api.unique("高分"), item, List.of())).text("$.id");
        assertThat(api.as("szsj").post("demands/" + low + "/score", Map.of("score", 0, "note", "可缓建")).status()).isEqualTo(200);
        assertThat(api.as("szsj").post("demands/" + high + "/score", Map.of("score", 100)).status()).isEqualTo(200);
        assertThat(api.as("szsj").post("demands/" + high + "/score", Map.of("score", 101)).status()).isEqualTo(400);
        assertThat(api.as("szsj").post("demands/" + high + "/score", Map.of("score", 90, "version", 0)).status()).isEqualTo(409);
        assertThat(api.as("jyt").post("demands/" + high + "/score", Map.of("score", 90)).status()).isEqualTo(403);

        List<String> ranked = api.as("szsj").get("demand-calls/" + call + "/demands?size=200").json("$.content[*].id");
        assertThat(ranked.indexOf(high)).isLessThan(ranked.indexOf(low));
        List<Integer> scores = api.as("szsj").get("demand-calls/" + call + "/demands?size=200").json("$.content[*].score");
        List<Integer> scored = scores.stream().takeWhile(java.util.Objects::nonNull).toList();
        assertThat(scored).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(scores.subList(scored.size(), scores.size())).containsOnlyNulls();

        assertThat(api.as("szsj").post("demands/" + low + "/decline", Map.of("reason", "可缓建")).status()).isEqualTo(200);
        Response rescore = api.as("szsj").post("demands/" + low + "/score", Map.of("score", 50));
        assertThat(rescore.status()).isEqualTo(422);
        assertThat(rescore.<List<String>>json("$.violations[*].rule")).containsExactly("ART-7");
    }

    @Test
    void aYearWithoutACallRefusesDemands() {
        Map<String, Object> body = demand("远期需求", "X", List.of());
        body.put("year", 2099);

        Response refused = api.as("rst").post("demands", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-6");
        assertThat(refused.text("$.violations[0].message")).contains("2099");
    }

    @Test
    void theBureauMergesDemandsOfTwoDepartmentsIntoOneProjectLedByTheFirst() {
        String item = planInForce();
        String call = (String) currentCall().get("id");
        String rst = api.as("rst").post("demand-calls/" + call + "/demands", demand(Api.unique("就业服务"), item, List.of("JYT")))
                .text("$.id");
        String wjw = api.as("wjw").post("demand-calls/" + call + "/demands", demand(Api.unique("医保协同"), item, List.of()))
                .text("$.id");
        assertThat(api.as("szsj").post("demands/" + rst + "/score", Map.of("score", 88, "note", "急需")).status()).isEqualTo(200);

        assertThat(api.as("rst").post("demands/merge", Map.of("demandIds", List.of(rst, wjw), "project", outline("x"))).status())
                .isEqualTo(403);
        Response otherLead = api.as("szsj").post("demands/merge",
                Map.of("demandIds", List.of(rst, wjw), "leadOrganizationCode", "JYT", "project", outline("x")));
        assertThat(otherLead.status()).as(otherLead.toString()).isEqualTo(422);
        assertThat(otherLead.<List<String>>json("$.violations[*].rule")).containsExactly("ART-12");
        Response single = api.as("szsj").post("demands/merge", Map.of("demandIds", List.of(rst), "project", outline("x")));
        assertThat(single.<List<String>>json("$.violations[*].rule")).containsExactly("ART-7");
        Response merged = api.as("szsj").post("demands/merge",
                Map.of("demandIds", List.of(rst, wjw), "project", outline(Api.unique("人社卫健协同平台"))));

        assertThat(merged.status()).as(merged.toString()).isEqualTo(201);
        String project = merged.text("$.projectId");
        assertThat(merged.text("$.leadOrganizationCode")).isEqualTo("RST");
        assertThat(merged.<List<String>>json("$.participatingOrganizationCodes")).containsExactlyInAnyOrder("WJW", "JYT");
        assertThat(merged.text("$.constructionModeUrl")).isEqualTo("/api/v1/projects/" + project + "/construction-mode");
        Response read = api.as("rst").get("projects/" + project);
        assertThat(read.text("$.leadOrganizationCode")).isEqualTo("RST");
        assertThat(read.text("$.estimatedInvestment")).isEqualTo("6000001.0");
        Response sources = api.as("wjw").get("projects/" + project + "/demands");
        assertThat(sources.status()).as(sources.toString()).isEqualTo(200);
        assertThat(sources.<List<String>>json("$[*].id")).containsExactlyInAnyOrder(rst, wjw);
        assertThat(sources.<List<String>>json("$[*].status")).containsOnly("MERGED");
        assertThat(api.as("fgw").get("projects/" + project + "/demands").status()).isEqualTo(200);

        Response again = api.as("szsj").post("demands/" + wjw + "/decline", Map.of("reason", "重复"));
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.<List<String>>json("$.violations[*].rule")).containsExactly("ART-7");
        Response mode = api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED"));
        assertThat(mode.status()).as(mode.toString()).isEqualTo(200);
    }

    @Test
    void aDeclineNeedsAReasonAndOnlyTheBureauTriages() {
        String item = planInForce();
        String call = (String) currentCall().get("id");
        String id = api.as("jyt").post("demand-calls/" + call + "/demands", demand(Api.unique("教育需求"), item, List.of()))
                .text("$.id");

        assertThat(api.as("wjw").post("demands/" + id + "/decline", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(api.as("jyt").post("demands/" + id + "/decline", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.as("fgw").post("demands/" + id + "/decline", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.as("jyt").send(HttpMethod.POST, "demands/" + id + "/decline", "application/json", "{bad").status())
                .isEqualTo(403);
        Response noReason = api.as("szsj").post("demands/" + id + "/decline", Map.of());
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(422);
        assertThat(noReason.<List<String>>json("$.violations[*].rule")).containsExactly("ART-7");

        Response declined = api.as("szsj").post("demands/" + id + "/decline", Map.of("reason", "与已有系统重复"));
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.text("$.status")).isEqualTo("DECLINED");
        assertThat(api.as("jyt").get("demands/" + id).text("$.declineReason")).isEqualTo("与已有系统重复");
        Response project = api.as("szsj").post("demands/" + id + "/project", outline("x"));
        assertThat(project.status()).as(project.toString()).isEqualTo(422);
        assertThat(project.<List<String>>json("$.violations[*].rule")).containsExactly("ART-7");
    }

    @Test
    void theBureauCreatesAProjectFromOneDemandAndTheLeadRecordsResponsibilities() {
        String item = planInForce();
        String call = (String) currentCall().get("id");
        String id = api.as("rst").post("demand-calls/" + call + "/demands", demand(Api.unique("人才服务"), item, List.of("WJW")))
                .text("$.id");

        Response created = api.as("szsj").post("demands/" + id + "/project", outline(Api.unique("人才服务平台")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String project = created.text("$.projectId");
        assertThat(created.<List<String>>json("$.participatingOrganizationCodes")).containsExactly("WJW");
        assertThat(api.as("rst").get("demands/" + id).text("$.projectId")).isEqualTo(project);

        Map<String, Object> body = Map.of("responsibilities",
                List.of(Map.of("organizationCode", "WJW", "constructionScope", "医疗数据接口", "obligations", "按期提供数据")));
        assertThat(api.as("jyt").send(HttpMethod.PUT, "projects/" + project + "/responsibilities", "application/json", body).status())
                .isEqualTo(404);
        assertThat(api.as("wjw").send(HttpMethod.PUT, "projects/" + project + "/responsibilities", "application/json", body).status())
                .isEqualTo(403);
        assertThat(api.as("szsj").send(HttpMethod.PUT, "projects/" + project + "/responsibilities", "application/json", body).status())
                .isEqualTo(403);
        Response notParticipant = api.as("rst").send(HttpMethod.PUT, "projects/" + project + "/responsibilities", "application/json",
                Map.of("responsibilities", List.of(Map.of("organizationCode", "JYT", "constructionScope", "a", "obligations", "b"))));
        assertThat(notParticipant.status()).as(notParticipant.toString()).isEqualTo(422);
        assertThat(notParticipant.<List<String>>json("$.violations[*].rule")).containsExactly("ART-15");

        Response recorded = api.as("rst").send(HttpMethod.PUT, "projects/" + project + "/responsibilities", "application/json", body);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.headers().getETag()).isEqualTo("\"1\"");
        Response read = api.as("wjw").get("projects/" + project + "/responsibilities");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("$.responsibilities[0].constructionScope")).isEqualTo("医疗数据接口");
        Response stale = api.as("rst").header("If-Match", "\"0\"")
                .send(HttpMethod.PUT, "projects/" + project + "/responsibilities", "application/json", body);
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void anAdjustmentKeepsEveryVersionAndNeedsEvaluationAndApproval() {
        int year = today().getYear();
        Response created = api.as("szsj").post("construction-plans", plan(year, List.of(Map.of("code", "A1", "title", "一"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("$.id");
        assertThat(api.as("rst").post("construction-plans", plan(year, List.of(Map.of("code", "A1", "title", "一")))).status())
                .isEqualTo(403);
        Map<String, Object> noApproval = plan(year, List.of(Map.of("code", "A1", "title", "一")));
        noApproval.remove("approvedOn");
        Response refusedPlan = api.as("szsj").post("construction-plans", noApproval);
        assertThat(refusedPlan.status()).isEqualTo(422);
        assertThat(refusedPlan.<List<String>>json("$.violations[*].rule")).containsExactly("ART-6");

        Map<String, Object> adjustment = plan(year, List.of(Map.of("code", "A1", "title", "一"), Map.of("code", "A2", "title", "二")));
        adjustment.remove("approvedOn");
        Response refused = api.as("szsj").post("construction-plans/" + id + "/versions", adjustment);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-6", "ART-6");
        assertThat(refused.<List<String>>json("$.violations[*].item")).containsExactly("evaluation", "approvedOn");

        adjustment.put("approvedOn", today().toString());
        adjustment.put("evaluation", "经专家评估论证，同意调整");
        adjustment.put("adjustmentReason", "新增数据共享工程");
        Response adjusted = api.as("szsj").header("If-Match", "\"1\"").post("construction-plans/" + id + "/versions", adjustment);
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(201);
        assertThat((Integer) adjusted.json("$.version")).isEqualTo(2);
        Response stale = api.as("szsj").header("If-Match", "\"1\"").post("construction-plans/" + id + "/versions", adjustment);
        assertThat(stale.status()).isEqualTo(409);

        assertThat(api.as("rst").get("construction-plans/" + id).<Integer>json("$.version")).isEqualTo(2);
        Response versions = api.as("rst").get("construction-plans/" + id + "/versions");
        assertThat(versions.<List<Integer>>json("$[*].version")).containsExactly(1, 2);
        assertThat(api.as("rst").get("construction-plans/" + id + "/versions/1").<List<String>>json("$.items[*].code"))
                .containsExactly("A1");
        assertThat(api.as("admin").get("construction-plans/" + id).status()).isEqualTo(404);
    }
}
