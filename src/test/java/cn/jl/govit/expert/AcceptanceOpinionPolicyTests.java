package cn.jl.govit.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/** Annex 4 §7 (Art. 26): an acceptance assessment opinion addresses all eight aspects, a conclusion and an overall opinion. */
class AcceptanceOpinionPolicyTests {

    static Map<AcceptanceAspect, String> allAspects() {
        Map<AcceptanceAspect, String> aspects = new EnumMap<>(AcceptanceAspect.class);
        for (AcceptanceAspect a : AcceptanceAspect.values()) {
            aspects.put(a, "评估：" + a.name());
        }
        return aspects;
    }

    static AcceptanceOpinionInput complete() {
        return new AcceptanceOpinionInput(allAspects(), AcceptanceConclusion.RECOMMEND_PASS, "同意通过竣工验收");
    }

    final AcceptanceOpinionPolicy policy = new AcceptanceOpinionPolicy();

    @Test
    void aCompleteOpinionPasses() {
        assertThat(policy.check(complete())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AcceptanceAspect.class)
    void eachMissingAspectIsOneViolationNamingIt(AcceptanceAspect missing) {
        Map<AcceptanceAspect, String> aspects = allAspects();
        aspects.remove(missing);

        assertThat(policy.check(new AcceptanceOpinionInput(aspects, AcceptanceConclusion.RECOMMEND_FAIL, "不同意")))
                .singleElement().satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("ART-26");
                    assertThat(v.item()).isEqualTo(missing.name());
                    assertThat(v.messageKey()).isEqualTo("violation.ART-26.committee-aspect-missing");
                });
    }

    @ParameterizedTest
    @EnumSource(AcceptanceAspect.class)
    void eachBlankAspectCountsAsMissing(AcceptanceAspect blank) {
        Map<AcceptanceAspect, String> aspects = allAspects();
        aspects.put(blank, " \t\n\u3000");

        assertThat(policy.check(new AcceptanceOpinionInput(aspects, AcceptanceConclusion.RECOMMEND_PASS, "同意")))
                .extracting(Violation::item).containsExactly(blank.name());
    }

    @Test
    void aMissingConclusionIsOneViolation() {
        assertThat(policy.check(new AcceptanceOpinionInput(allAspects(), null, "同意")))
                .singleElement().satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("ART-26");
                    assertThat(v.item()).isEqualTo("conclusion");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void aBlankOverallOpinionIsOneViolation(String overall) {
        assertThat(policy.check(new AcceptanceOpinionInput(allAspects(), AcceptanceConclusion.RECOMMEND_PASS, overall)))
                .extracting(Violation::item).containsExactly("overallOpinion");
        assertThat(policy.check(new AcceptanceOpinionInput(allAspects(), AcceptanceConclusion.RECOMMEND_PASS, null)))
                .extracting(Violation::item).containsExactly("overallOpinion");
    }

    @Test
    void anEmptyOpinionNamesEveryPartInOrder() {
        assertThat(policy.check(new AcceptanceOpinionInput(null, null, null))).extracting(Violation::item)
                .containsExactly("GOALS_AND_SCALE", "INVESTMENT", "DESIGN_SUPERVISION_CONSTRUCTION", "PROCUREMENT",
                        "SECURITY_AND_RISK", "CRYPTOGRAPHY", "ARCHIVES", "BUDGET_AND_ACCOUNTS", "conclusion",
                        "overallOpinion");
        assertThat(policy.check(null)).hasSize(AcceptanceAspect.values().length + 2);
    }

    @Test
    void filingClosesTheAssignmentOnceAndRefusesAnIncompleteOpinion() {
        CommitteeRequest request = new CommitteeRequest(UUID.randomUUID(), UUID.randomUUID(), "JL-2026-001", "项目",
                java.util.List.of(), java.util.Set.of());
        AcceptanceAssignment assignment = AcceptanceAssignment.open(UUID.randomUUID(), request, "expert1", Instant.EPOCH);
        Map<AcceptanceAspect, String> aspects = allAspects();
        aspects.remove(AcceptanceAspect.CRYPTOGRAPHY);

        assertThatThrownBy(() -> assignment.file(new AcceptanceOpinionInput(aspects, AcceptanceConclusion.RECOMMEND_PASS, "同意"),
                Instant.EPOCH)).isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations()).extracting(Violation::item).containsExactly("CRYPTOGRAPHY"));
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.OPEN);

        Instant at = Instant.parse("2026-11-27T02:00:00Z");
        assignment.file(complete(), at);
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.FILED);
        assertThat(assignment.opinion().conclusion()).isEqualTo(AcceptanceConclusion.RECOMMEND_PASS);
        assertThat(assignment.filedAt()).isEqualTo(at);
        assertThatThrownBy(() -> assignment.file(complete(), at)).isInstanceOf(AssignmentClosedException.class);
    }
}
