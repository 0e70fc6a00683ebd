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
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Final acceptance committees (Annex 4 §7) on PostgreSQL: through the Java API the acceptance module calls
 * (forming, opinions, consolidated report) and the REST API of the experts, with the demo pool expert1…expert5
 * (expert5 works in RST).
 */
@GovItTest
class AcceptanceCommitteesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AcceptanceCommittees committees;

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

    static CommitteeRequest request(Set<String> conflicts) {
        return new CommitteeRequest(UUID.randomUUID(), UUID.randomUUID(), "JL-2026-AC-" + UUID.randomUUID().toString().substring(0, 6),
                "社会保障卡一卡通平台",
                List.of(new MaterialRef("AM1", "项目竣工验收申请函", UUID.randomUUID(), "a".repeat(64)),
                        new MaterialRef("AM5", "项目合同书", UUID.randomUUID(), "b".repeat(64))),
                conflicts);
    }

    static Map<String, Object> opinion() {
        Map<String, Object> aspects = new LinkedHashMap<>();
        aspects.put("GOALS_AND_SCALE", "建设目标、规模和内容与批复一致。");
        aspects.put("INVESTMENT", "投资完成率 98%，预期效益基本实现。");
        aspects.put("DESIGN_SUPERVISION_CONSTRUCTION", "设计、监理、施工文件齐全。");
        aspects.put("PROCUREMENT", "招标采购程序合规。");
        aspects.put("SECURITY_AND_RISK", "等保测评通过，风险评估问题已整改。");
        aspects.put("CRYPTOGRAPHY", "密码应用安全性评估通过。");
        aspects.put("ARCHIVES", "档案已通过专项验收。");
        aspects.put("BUDGET_AND_ACCOUNTS", "概算执行良好，财务决算已审计。");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aspects", aspects);
        body.put("conclusion", "RECOMMEND_PASS");
        body.put("overallOpinion", "同意通过竣工验收。");
        return body;
    }

    Response putOpinion(String expert, Object assignmentId, Object body) {
        return api.as(expert).send(HttpMethod.PUT, "acceptance-assignments/" + assignmentId + "/opinion",
                MediaType.APPLICATION_JSON_VALUE,
                body instanceof String s ? s : tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(body));
    }

    static UUID assignmentOf(AcceptanceCommittee committee, String expert) {
        return committee.members().stream().filter(m -> m.expertUsername().equals(expert)).findFirst().orElseThrow().id();
    }

    @Test
    void aDrawExcludesTheConflictingOrganisationsExpertsAndRefusesWhenTooFewAreEligible() {
        List<Map<String, Object>> pool = api.as("admin").get("experts").json("$");
        int eligible = (int) pool.stream()
                .filter(e -> Boolean.TRUE.equals(e.get("active")) && !"RST".equals(e.get("organizationCode"))).count();
        assertThat(eligible).isGreaterThanOrEqualTo(3);

        CommitteeRequest request = request(Set.of("rst", " WJW "));
        AcceptanceCommittee committee = as("szsj", () -> committees.draw(request, eligible));

        assertThat(committee.method()).isEqualTo(AcceptanceCommittee.Method.DRAW);
        assertThat(committee.members()).hasSize(eligible).extracting(AcceptanceAssignment::expertUsername)
                .doesNotContain("expert5").doesNotHaveDuplicates();
        assertThat(committee.members()).extracting(AcceptanceAssignment::status).containsOnly(AssignmentStatus.OPEN);
        AcceptanceCommittee stored = committees.committeeOf(request.applicationId()).orElseThrow();
        assertThat(stored.materials()).containsExactlyElementsOf(request.materials());
        assertThat(stored.conflictingOrganizationCodes()).containsExactlyInAnyOrder("RST", "WJW");
        assertThat(stored.formedBy()).isEqualTo("szsj");
        assertThat(stored.projectCode()).isEqualTo(request.projectCode());
        assertThat(audit.page(request.projectId(), 0, 5)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("COMMITTEE_DRAWN");
            assertThat(e.summary()).contains("[RST, WJW]", "drawn [").doesNotContain("expert5");
        });

        assertThatThrownBy(() -> as("szsj", () -> committees.draw(request(Set.of("RST")), eligible + 1)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.rule()).isEqualTo("ART-10");
                            assertThat(v.args()).containsExactly(eligible + 1, eligible);
                        }));

        CommitteeRequest withoutConflict = request(Set.of());
        assertThat(as("fgw", () -> committees.draw(withoutConflict, eligible + 1)).members())
                .as("without a conflict expert5 is eligible too").hasSize(eligible + 1);
    }

    @Test
    void namedExpertsMustBeInThePoolWithoutAConflict() {
        assertThatThrownBy(() -> as("szsj", () -> committees.name(request(Set.of("RST")), List.of("expert1", "expert5"))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.rule()).isEqualTo("ART-10");
                            assertThat(v.item()).isEqualTo("expert5");
                        }));
        assertThatThrownBy(() -> as("szsj", () -> committees.name(request(Set.of()), List.of("expert1", "rst"))))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations()).extracting(v -> v.item()).containsExactly("rst"));
        assertThatThrownBy(() -> as("szsj", () -> committees.name(request(Set.of()), List.of("expert1", "EXPERT1"))))
                .as("a duplicate is malformed input").isInstanceOf(cn.jl.govit.rulebook.InvalidInputException.class);

        CommitteeRequest request = request(Set.of("RST"));
        AcceptanceCommittee committee = as("szsj", () -> committees.name(request, List.of(" Expert2", "expert3")));
        assertThat(committee.method()).isEqualTo(AcceptanceCommittee.Method.NAMED);
        assertThat(committee.members()).extracting(AcceptanceAssignment::expertUsername).containsExactly("expert2", "expert3");
        assertThat(audit.page(request.projectId(), 0, 5)).extracting(e -> e.action()).containsExactly("COMMITTEE_NAMED");
    }

    @Test
    void onlyAnApproverFormsACommitteeAndOnlyOnePerApplication() {
        for (String notApprover : List.of("rst", "czt", "daj", "expert1", "ldxz")) {
            assertThatThrownBy(() -> as(notApprover, () -> committees.draw(request(Set.of()), 1)))
                    .as(notApprover).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(notApprover, () -> committees.name(request(Set.of()), List.of("expert1"))))
                    .as(notApprover).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as("rst", () -> committees.draw(request(Set.of()), 0)))
                .as("403 before 400").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("szsj", () -> committees.draw(request(Set.of()), 0)))
                .isInstanceOf(cn.jl.govit.rulebook.InvalidInputException.class);

        CommitteeRequest request = request(Set.of());
        as("szsj", () -> committees.draw(request, 2));
        assertThatThrownBy(() -> as("szsj", () -> committees.draw(request, 2)))
                .isInstanceOf(CommitteeExistsException.class);
        assertThatThrownBy(() -> as("fgw", () -> committees.name(request, List.of("expert4"))))
                .isInstanceOf(CommitteeExistsException.class);
        assertThat(committees.committeeOf(request.applicationId()).orElseThrow().members()).hasSize(2);
    }

    @Test
    void eachExpertSeesAndFilesOnlyOwnAssignmentAndTheReportCountsTheOpinions() {
        CommitteeRequest request = request(Set.of("RST"));
        AcceptanceCommittee committee = as("szsj", () -> committees.name(request, List.of("expert1", "expert2")));
        UUID mine = assignmentOf(committee, "expert1");
        UUID theirs = assignmentOf(committee, "expert2");
        assertThat(committees.allOpinionsIn(request.applicationId())).isFalse();
        assertThat(committees.allOpinionsIn(UUID.randomUUID())).as("no committee").isFalse();
        assertThat(as("expert1", () -> committees.isMember(request.applicationId()))).isTrue();
        assertThat(as("expert3", () -> committees.isMember(request.applicationId()))).isFalse();

        assertThat(as("expert1", () -> committees.myAssignment(mine)).projectName()).isEqualTo(request.projectName());
        assertThatThrownBy(() -> as("expert2", () -> committees.myAssignment(mine))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as("szsj", () -> committees.myAssignment(mine))).isInstanceOf(RecordNotFoundException.class);

        Response list = api.as("expert1").get("me/acceptance-assignments?size=200");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.<List<String>>json("$.content[*].id")).contains(mine.toString()).doesNotContain(theirs.toString());
        assertThat(list.<List<String>>json("$.content[*].expertUsername")).containsOnly("expert1");
        assertThat(api.as("rst").get("me/acceptance-assignments").status()).isEqualTo(403);
        assertThat(api.anonymous().get("me/acceptance-assignments").status()).isEqualTo(401);
        assertThat(api.as("expert1").get("me/acceptance-assignments?page=-1").status()).isEqualTo(400);

        Response read = api.as("expert1").get("acceptance-assignments/" + mine);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.<List<String>>json("$.materials[*].code")).containsExactly("AM1", "AM5");
        assertThat(read.text("$.materials[0].sm3")).isEqualTo("a".repeat(64));
        assertThat(api.as("expert2").get("acceptance-assignments/" + mine).status()).isEqualTo(404);
        assertThat(api.as("szsj").get("acceptance-assignments/" + mine).status()).isEqualTo(404);
        assertThat(putOpinion("expert2", mine, opinion()).status()).isEqualTo(404);
        assertThat(putOpinion("expert2", mine, "{not json").status()).as("404 before 400").isEqualTo(404);
        assertThat(putOpinion("expert1", mine, "{not json").status()).isEqualTo(400);

        Map<String, Object> incomplete = opinion();
        @SuppressWarnings("unchecked")
        Map<String, Object> aspects = (Map<String, Object>) incomplete.get("aspects");
        aspects.remove("CRYPTOGRAPHY");
        aspects.put("ARCHIVES", "  ");
        incomplete.remove("conclusion");
        Response refused = putOpinion("expert1", mine, incomplete);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].item")).containsExactly("CRYPTOGRAPHY", "ARCHIVES", "conclusion");
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsOnly("ART-26");
        assertThat(refused.text("$.violations[0].article")).isEqualTo("第二十六条");
        assertThat(refused.text("$.violations[0].message")).contains("密码应用安全性");

        Map<String, Object> stale = opinion();
        stale.put("version", 5);
        assertThat(putOpinion("expert1", mine, stale).status()).isEqualTo(409);

        Map<String, Object> current = opinion();
        current.put("version", 0);
        Response filed = putOpinion("expert1", mine, current);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
        assertThat(filed.text("$.status")).isEqualTo("FILED");
        assertThat(filed.text("$.opinion.aspects.CRYPTOGRAPHY")).contains("密码");
        assertThat(putOpinion("expert1", mine, opinion()).status()).as("a filed opinion is final").isEqualTo(409);

        assertThat(committees.allOpinionsIn(request.applicationId())).isFalse();
        assertThat(committees.opinions(request.applicationId())).singleElement()
                .satisfies(o -> assertThat(o.expertUsername()).isEqualTo("expert1"));
        CommitteeReport partial = committees.consolidated(request.applicationId());
        assertThat(partial.complete()).isFalse();
        assertThat(partial.filed()).isEqualTo(1);
        assertThat(partial.conclusions()).containsEntry(AcceptanceConclusion.RECOMMEND_PASS, 1L)
                .containsEntry(AcceptanceConclusion.RECOMMEND_FAIL, 0L);

        AcceptanceOpinionInput rectify = new AcceptanceOpinionInput(AcceptanceOpinionPolicyTests.allAspects(),
                AcceptanceConclusion.RECOMMEND_PASS_AFTER_RECTIFICATION, "整改等保测评问题后通过。");
        as("expert2", () -> committees.fileOpinion(theirs, null, rectify));

        assertThat(committees.allOpinionsIn(request.applicationId())).isTrue();
        CommitteeReport report = committees.consolidated(request.applicationId());
        assertThat(report.complete()).isTrue();
        assertThat(report.filed()).isEqualTo(2);
        assertThat(report.members()).extracting(AcceptanceAssignment::expertUsername).containsExactly("expert1", "expert2");
        assertThat(report.conclusions()).containsEntry(AcceptanceConclusion.RECOMMEND_PASS, 1L)
                .containsEntry(AcceptanceConclusion.RECOMMEND_PASS_AFTER_RECTIFICATION, 1L)
                .containsEntry(AcceptanceConclusion.RECOMMEND_FAIL, 0L);
        assertThat(committees.opinions(request.applicationId())).extracting(AcceptanceOpinion::overallOpinion)
                .containsExactly("同意通过竣工验收。", "整改等保测评问题后通过。");
        assertThat(audit.page(request.projectId(), 0, 10)).extracting(e -> e.action())
                .containsExactlyInAnyOrder("COMMITTEE_NAMED", "ACCEPTANCE_OPINION_FILED", "ACCEPTANCE_OPINION_FILED");
        assertThatThrownBy(() -> committees.consolidated(UUID.randomUUID())).isInstanceOf(RecordNotFoundException.class);
    }
}
