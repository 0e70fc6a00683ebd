package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Reason;
import cn.jl.govit.rulebook.Violation;

import static cn.jl.govit.project.ApprovalPathType.EMERGENCY;
import static cn.jl.govit.project.ApprovalPathType.IN_PLAN;
import static cn.jl.govit.project.ApprovalPathType.SIMPLE;
import static cn.jl.govit.project.ApprovalPathType.STANDARD;
import static cn.jl.govit.project.EmergencyType.PUBLIC_HEALTH;
import static cn.jl.govit.project.EmergencyType.SOCIAL_SAFETY;
import static cn.jl.govit.project.Stage.FEASIBILITY_STUDY;
import static cn.jl.govit.project.Stage.PRELIMINARY_DESIGN;
import static cn.jl.govit.project.Stage.PROPOSAL;

/** Art. 9: the approval path derived from the project's facts, and the authority's legal simplification. */
class ApprovalPathPolicyTests {

    private final ApprovalPathPolicy policy = new ApprovalPathPolicy();

    private static final List<Stage> ALL = List.of(PROPOSAL, FEASIBILITY_STUDY, PRELIMINARY_DESIGN);
    private static final List<Stage> FS_PD = List.of(FEASIBILITY_STUDY, PRELIMINARY_DESIGN);
    private static final List<Stage> FS = List.of(FEASIBILITY_STUDY);
    private static final List<Stage> PD = List.of(PRELIMINARY_DESIGN);

    /**
     * Every combination of the three flags, with the path the measures give: the shortest lawful path wins;
     * between the two one-stage paths the simple project's feasibility study wins over the emergency's
     * preliminary design. Reasons list each simplification that applies, then ART-9 when several competed.
     */
    static Stream<Arguments> combinations() {
        return Stream.of(
                // inPlan, emergency, simple  -> type, stages, reason rules
                Arguments.of(false, null, false, STANDARD, ALL, List.of("ART-9")),
                Arguments.of(false, null, true, SIMPLE, FS, List.of("ART-9-3")),
                Arguments.of(false, PUBLIC_HEALTH, false, EMERGENCY, PD, List.of("ART-9-2")),
                Arguments.of(false, PUBLIC_HEALTH, true, SIMPLE, FS, List.of("ART-9-3", "ART-9-2", "ART-9")),
                Arguments.of(false, SOCIAL_SAFETY, false, EMERGENCY, PD, List.of("ART-9-2")),
                Arguments.of(false, SOCIAL_SAFETY, true, SIMPLE, FS, List.of("ART-9-3", "ART-9-2", "ART-9")),
                Arguments.of(true, null, false, IN_PLAN, FS_PD, List.of("ART-9-1")),
                Arguments.of(true, null, true, SIMPLE, FS, List.of("ART-9-3", "ART-9-1", "ART-9")),
                Arguments.of(true, PUBLIC_HEALTH, false, EMERGENCY, PD, List.of("ART-9-2", "ART-9-1", "ART-9")),
                Arguments.of(true, PUBLIC_HEALTH, true, SIMPLE, FS, List.of("ART-9-3", "ART-9-2", "ART-9-1", "ART-9")),
                Arguments.of(true, SOCIAL_SAFETY, false, EMERGENCY, PD, List.of("ART-9-2", "ART-9-1", "ART-9")),
                Arguments.of(true, SOCIAL_SAFETY, true, SIMPLE, FS, List.of("ART-9-3", "ART-9-2", "ART-9-1", "ART-9")));
    }

    @ParameterizedTest(name = "inPlan={0}, emergency={1}, simple={2} ⇒ {3} {4} {5}")
    @MethodSource("combinations")
    void derivesTheShortestLawfulPathWithEveryReason(boolean inPlan, EmergencyType emergency, boolean simple,
            ApprovalPathType type, List<Stage> stages, List<String> rules) {
        ApprovalPath path = policy.derive(facts(inPlan, emergency, simple));

        assertThat(path.type()).isEqualTo(type);
        assertThat(path.stages()).containsExactlyElementsOf(stages);
        assertThat(path.reasons()).extracting(Reason::rule).containsExactlyElementsOf(rules);
        assertThat(path.legalBasis()).isNull();
    }

    @Test
    void emergencyReasonNamesTheKindOfEmergency() {
        ApprovalPath path = policy.derive(facts(false, SOCIAL_SAFETY, false));

        assertThat(path.reasons().get(0).args()).containsExactly(new MessageKey("enum.EmergencyType.SOCIAL_SAFETY"));
    }

    @Test
    void whenSeveralApplyTheLastReasonNamesTheChosenPath() {
        ApprovalPath path = policy.derive(facts(true, PUBLIC_HEALTH, false));

        Reason last = path.reasons().get(path.reasons().size() - 1);
        assertThat(last.messageKey()).isEqualTo("reason.ART-9.shortest");
        assertThat(last.args()).containsExactly(new MessageKey("enum.ApprovalPathType.EMERGENCY"));
    }

    @Test
    void reasonsCiteArticleNine() {
        assertThat(policy.derive(facts(true, PUBLIC_HEALTH, true)).reasons())
                .extracting(Reason::article).containsOnly("第九条");
    }

    @Test
    void otherFactsDoNotChangeThePath() {
        ProjectFacts facts = new ProjectFacts(List.of(new FundingLine(FundingSource.CENTRAL_BUDGET, BigDecimal.TEN)),
                false, null, false, true, true, true, true);

        assertThat(policy.derive(facts).type()).isEqualTo(STANDARD);
    }

    @Nested
    class LegalSimplification {

        private final ApprovalPath standard = policy.derive(facts(false, null, false));
        private final ApprovalPath inPlan = policy.derive(facts(true, null, false));

        @Test
        void refusesWithoutLegalBasis() {
            assertThat(policy.checkLegalSimplification(standard, FS_PD, null))
                    .extracting(Violation::rule, Violation::item, Violation::messageKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-9-4", "legalBasis", "violation.ART-9-4.basis"));
            assertThat(policy.checkLegalSimplification(standard, FS_PD, "   "))
                    .extracting(Violation::item).containsExactly("legalBasis");
        }

        @Test
        void refusesAnEmptyPath() {
            assertThat(policy.checkLegalSimplification(standard, List.of(), "《某条例》第五条"))
                    .extracting(Violation::rule, Violation::item, Violation::messageKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-9-4", "stages", "violation.ART-9-4.no-stage"));
            assertThat(policy.checkLegalSimplification(standard, null, "《某条例》第五条"))
                    .extracting(Violation::messageKey).containsExactly("violation.ART-9-4.no-stage");
        }

        @Test
        void refusesAPathThatIsNotShorter() {
            List<Violation> violations = policy.checkLegalSimplification(inPlan, FS_PD, "《某条例》第五条");

            assertThat(violations).extracting(Violation::rule, Violation::item, Violation::messageKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-9-4", "stages", "violation.ART-9-4.not-shorter"));
            assertThat(violations.get(0).args()).containsExactly(2);
            assertThat(policy.checkLegalSimplification(standard, ALL, "《某条例》第五条"))
                    .extracting(Violation::messageKey).containsExactly("violation.ART-9-4.not-shorter");
        }

        @Test
        void refusesAStageTheDerivedPathDoesNotHave() {
            List<Violation> violations = policy.checkLegalSimplification(inPlan, List.of(PROPOSAL), "《某条例》第五条");

            assertThat(violations).extracting(Violation::rule, Violation::item, Violation::messageKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-9-4", "stages", "violation.ART-9-4.not-in-path"));
            assertThat(violations.get(0).args()).containsExactly(new MessageKey("enum.Stage.PROPOSAL"));
        }

        @Test
        void countsAStageNamedTwiceOnce() {
            assertThat(policy.checkLegalSimplification(inPlan, List.of(PRELIMINARY_DESIGN, PRELIMINARY_DESIGN), "《某条例》"))
                    .isEmpty();
            assertThat(policy.legalSimplification(inPlan, List.of(PRELIMINARY_DESIGN, PRELIMINARY_DESIGN), "《某条例》")
                    .stages()).containsExactly(PRELIMINARY_DESIGN);
            assertThat(policy.checkLegalSimplification(inPlan,
                    List.of(FEASIBILITY_STUDY, PRELIMINARY_DESIGN, FEASIBILITY_STUDY), "《某条例》"))
                    .extracting(Violation::messageKey).containsExactly("violation.ART-9-4.not-shorter");
        }

        @Test
        void aOneStagePathCannotBeShortened() {
            ApprovalPath simple = policy.derive(facts(false, null, true));

            assertThat(policy.checkLegalSimplification(simple, List.of(FEASIBILITY_STUDY), "《某条例》"))
                    .extracting(Violation::messageKey).containsExactly("violation.ART-9-4.not-shorter");
        }

        @Test
        void reportsEveryProblemAtOnce() {
            assertThat(policy.checkLegalSimplification(standard, List.of(), ""))
                    .extracting(Violation::item).containsExactly("legalBasis", "stages");
        }

        @Test
        void acceptsAShorterPathWithItsBasis() {
            assertThat(policy.checkLegalSimplification(standard, List.of(PRELIMINARY_DESIGN, FEASIBILITY_STUDY),
                    "《某条例》第五条")).isEmpty();
        }

        @Test
        void anAcceptedSimplificationKeepsTheStagesInLifecycleOrderAndRecordsTheBasis() {
            ApprovalPath path = policy.legalSimplification(standard, List.of(PRELIMINARY_DESIGN, FEASIBILITY_STUDY),
                    "  《某条例》第五条 ");

            assertThat(path.type()).isEqualTo(ApprovalPathType.LEGAL_SIMPLIFICATION);
            assertThat(path.stages()).containsExactly(FEASIBILITY_STUDY, PRELIMINARY_DESIGN);
            assertThat(path.legalBasis()).isEqualTo("《某条例》第五条");
            assertThat(path.reasons()).extracting(Reason::rule).containsExactly("ART-9", "ART-9-4");
            assertThat(path.reasons().get(1).args()).containsExactly("《某条例》第五条");
        }
    }

    static ProjectFacts facts(boolean inPlan, EmergencyType emergency, boolean simple) {
        return new ProjectFacts(List.of(new FundingLine(FundingSource.DIGITAL_JILIN_FUND, new BigDecimal("1000000"))),
                inPlan, emergency, simple, false, false, false, false);
    }

    @Test
    void theTableCoversEveryCombination() {
        long distinct = combinations().map(a -> Arrays.asList(a.get()[0], a.get()[1], a.get()[2])).distinct().count();
        assertThat(distinct).isEqualTo(2 * 3 * 2);
    }
}
