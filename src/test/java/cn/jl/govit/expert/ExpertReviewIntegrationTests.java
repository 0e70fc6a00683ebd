package cn.jl.govit.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jl.govit.audit.AuditTrail;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Expert review through the Java API the approval module calls (panels, consolidated report) and the REST API
 * the experts use (their reviews, their opinions), with the demo pool expert1…expert5 (expert5 in RST).
 */
@GovItTest
class ExpertReviewIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ReviewPanels panels;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuditTrail audit;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
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

    static Map<String, Object> opinion() {
        Map<String, Object> aspects = new LinkedHashMap<>();
        aspects.put("NECESSITY", "项目建设必要，符合全省规划。");
        aspects.put("TECHNICAL_FEASIBILITY_SECURITY", "技术路线成熟，安全方案可行。");
        aspects.put("INVESTMENT", "投资估算基本合理，建议核减软件开发费用。");
        aspects.put("INFRASTRUCTURE_RESOURCES", "依托吉林祥云部署，无需新建机房。");
        aspects.put("INFORMATION_SHARING", "参保信息应有条件共享至省共享平台。");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aspects", aspects);
        body.put("conclusion", "APPROVE_WITH_CHANGES");
        body.put("recommendedInvestment", 11500000);
        return body;
    }

    Response putOpinion(String expert, String reviewId, Object body) {
        return api.as(expert).send(HttpMethod.PUT, "reviews/" + reviewId + "/opinion", MediaType.APPLICATION_JSON_VALUE,
                body instanceof String s ? s : tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(body));
    }

    @Test
    void anExpertSeesOnlyOwnReviewsAndFilesACompleteOpinionOnce() {
        UUID submission = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        ReviewPanel panel = as("szsj", () -> panels.name(submission, project, List.of("expert1", "expert2"), Set.of("RST")));
        String mine = panel.reviews().stream().filter(r -> r.expertUsername().equals("expert1")).findFirst().orElseThrow().id().toString();

        assertThat(as("expert1", () -> panels.isReviewer(submission))).isTrue();
        assertThat(as("expert3", () -> panels.isReviewer(submission))).isFalse();
        assertThat(as("szsj", () -> panels.isReviewer(submission))).isFalse();

        Response list = api.as("expert1").get("me/reviews");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.<List<String>>json("$[*].id")).contains(mine);
        assertThat(list.<List<String>>json("$[*].expertUsername")).containsOnly("expert1");
        assertThat(api.as("expert3").get("me/reviews").<List<String>>json("$[*].id")).doesNotContain(mine);

        assertThat(api.as("expert1").get("reviews/" + mine).status()).isEqualTo(200);
        assertThat(api.as("expert2").get("reviews/" + mine).status()).isEqualTo(404);
        assertThat(api.as("szsj").get("reviews/" + mine).status()).isEqualTo(404);
        assertThat(api.as("rst").get("reviews/" + mine).status()).isEqualTo(404);
        assertThat(putOpinion("expert2", mine, opinion()).status()).isEqualTo(404);
        assertThat(putOpinion("expert2", mine, "{not json").status()).as("404 before 400").isEqualTo(404);

        Map<String, Object> stale = opinion();
        stale.put("version", 7);
        assertThat(putOpinion("expert1", mine, stale).status()).as("stale version").isEqualTo(409);

        Map<String, Object> current = opinion();
        current.put("version", 0);
        Response filed = putOpinion("expert1", mine, current);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
        assertThat(filed.text("$.status")).isEqualTo("SUBMITTED");
        assertThat(filed.text("$.opinion.conclusion")).isEqualTo("APPROVE_WITH_CHANGES");
        assertThat(filed.text("$.opinion.aspects.INFORMATION_SHARING")).contains("共享");

        Response again = putOpinion("expert1", mine, opinion());
        assertThat(again.status()).as("a filed opinion is final").isEqualTo(409);

        List<String> statuses = api.as("expert1").get("me/reviews").json("$[*].status");
        int firstSubmitted = statuses.indexOf("SUBMITTED");
        assertThat(statuses.subList(firstSubmitted, statuses.size())).as("open reviews first").containsOnly("SUBMITTED");

        ConsolidatedReview report = panels.consolidated(submission);
        assertThat(report.complete()).isFalse();
        assertThat(report.conclusions()).containsEntry(Conclusion.APPROVE_WITH_CHANGES, 1L);
        assertThat(report.medianRecommendedInvestment()).isEqualByComparingTo("11500000");
        assertThat(audit.page(project, 0, 10)).extracting(e -> e.action()).contains("REVIEW_PANEL_NAMED", "REVIEW_OPINION_FILED");
    }

    @Test
    void anOpinionMissingAspectsIsRefusedNamingEachWithItsRule() {
        UUID submission = UUID.randomUUID();
        ReviewPanel panel = as("fgw", () -> panels.name(submission, UUID.randomUUID(), List.of("expert3"), Set.of()));
        String id = panel.reviews().get(0).id().toString();
        Map<String, Object> body = opinion();
        @SuppressWarnings("unchecked")
        Map<String, Object> aspects = (Map<String, Object>) body.get("aspects");
        aspects.remove("NECESSITY");
        aspects.put("INVESTMENT", "  ");
        aspects.put("INFORMATION_SHARING", "");

        Response refused = putOpinion("expert3", id, body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].item"))
                .containsExactly("NECESSITY", "INVESTMENT", "INFORMATION_SHARING");
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-10", "ART-10", "ART-13-3");
        assertThat(refused.text("$.violations[0].article")).isEqualTo("第十条");
        assertThat(refused.text("$.violations[2].article")).isEqualTo("第十三条");
        assertThat(api.as("expert3").get("reviews/" + id).text("$.status")).isEqualTo("OPEN");

        Map<String, Object> noConclusion = opinion();
        noConclusion.remove("conclusion");
        noConclusion.put("aspects", Map.of());
        Response malformed = putOpinion("expert3", id, noConclusion);
        assertThat(malformed.status()).as("400 before 422").isEqualTo(400);
        assertThat(malformed.<List<String>>json("$.errors[*].field")).contains("conclusion");

        Map<String, Object> noAmount = opinion();
        noAmount.remove("recommendedInvestment");
        assertThat(putOpinion("expert3", id, noAmount).status()).isEqualTo(400);
    }

    @Test
    void aDrawExcludesConflictingOrganisationsAndRefusesWhenTooFewAreEligible() {
        List<Map<String, Object>> pool = api.as("admin").get("experts").json("$");
        int eligible = (int) pool.stream()
                .filter(e -> Boolean.TRUE.equals(e.get("active")) && !"RST".equals(e.get("organizationCode"))).count();
        assertThat(eligible).isGreaterThanOrEqualTo(4);

        UUID project = UUID.randomUUID();
        ReviewPanel all = as("szsj", () -> panels.draw(UUID.randomUUID(), project, eligible, Set.of("rst", "WJW")));
        assertThat(all.reviews()).hasSize(eligible).extracting(ExpertReview::expertUsername).doesNotContain("expert5");
        assertThat(all.reviews()).extracting(ExpertReview::status).containsOnly(ReviewStatus.OPEN);
        assertThat(audit.page(project, 0, 5)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("REVIEW_PANEL_DRAWN");
            assertThat(e.summary()).contains("eligible [expert1", "drawn [", "[RST, WJW]").doesNotContain("expert5");
        });

        assertThatThrownBy(() -> as("szsj", () -> panels.draw(UUID.randomUUID(), UUID.randomUUID(), eligible + 1, Set.of("RST"))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.rule()).isEqualTo("ART-10");
                        assertThat(v.args()).containsExactly(eligible + 1, eligible);
                    });
                });

        assertThatThrownBy(() -> as("szsj", () -> panels.name(UUID.randomUUID(), UUID.randomUUID(),
                List.of("expert1", "expert5"), Set.of("RST"))))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.item()).containsExactly("expert5"));

        UUID again = all.submissionId();
        assertThatThrownBy(() -> as("szsj", () -> panels.draw(again, project, 1, Set.of())))
                .as("one panel per submission version").isInstanceOf(PanelExistsException.class);
        assertThatThrownBy(() -> as("rst", () -> panels.draw(UUID.randomUUID(), project, 1, Set.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thePoolIsManagedByTheAdministratorAndTheApproversOnly() {
        assertThat(api.as("admin").get("experts").<List<String>>json("$[*].username"))
                .contains("expert1", "expert2", "expert3", "expert4", "expert5");
        assertThat(api.as("szsj").get("experts/expert5").text("$.organizationCode")).isEqualTo("RST");
        assertThat(api.as("rst").get("experts").status()).isEqualTo(403);
        assertThat(api.as("expert1").get("experts").status()).isEqualTo(403);
        assertThat(api.as("expert1").post("experts", "{bad").status()).as("403 before 400").isEqualTo(403);

        Response notExpert = api.as("fgw").post("experts", Map.of("username", "rst", "fields", List.of("DATA")));
        assertThat(notExpert.status()).isEqualTo(400);
        assertThat(api.as("fgw").post("experts", Map.of("username", "expert1", "fields", List.of("DATA"))).status())
                .isEqualTo(400);

        Response read = api.as("admin").get("experts/expert4");
        long version = ((Number) read.json("$.version")).longValue();
        Response updated = api.as("admin").send(HttpMethod.PUT, "experts/expert4", MediaType.APPLICATION_JSON_VALUE,
                Map.of("fields", List.of("INVESTMENT", "DATA"), "active", true, "version", version));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.<List<String>>json("$.fields")).containsExactly("DATA", "INVESTMENT");
        Response stale = api.as("admin").send(HttpMethod.PUT, "experts/expert4", MediaType.APPLICATION_JSON_VALUE,
                Map.of("fields", List.of("INVESTMENT"), "active", true, "version", version));
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void onlyExpertsHaveReviews() {
        assertThat(api.as("rst").get("me/reviews").status()).isEqualTo(403);
        assertThat(api.anonymous().get("me/reviews").status()).isEqualTo(401);
        assertThat(api.as("expert4").get("reviews/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void theRulesAreRegistered() {
        assertThat(api.as("rst").get("rules").<List<String>>json("$[*].id")).contains("ART-10", "ART-13-3", "ART-8");
    }
}
