package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.jl.govit.rulebook.Violation;

/** Art. 7–8: unified construction is the norm; self-construction only on an Art. 8 ground, before submission. */
class ConstructionModePolicyTests {

    private final ConstructionModePolicy policy = new ConstructionModePolicy();

    @Test
    void unifiedConstructionIsAlwaysAllowedInDraft() {
        assertThat(policy.check(ProjectStatus.DRAFT, false, ConstructionMode.UNIFIED, null, null)).isEmpty();
        assertThat(policy.check(ProjectStatus.DRAFT, true, ConstructionMode.UNIFIED, null, "统一建设")).isEmpty();
    }

    @Test
    void unifiedConstructionTakesNoException() {
        assertThat(policy.check(ProjectStatus.DRAFT, false, ConstructionMode.UNIFIED,
                SelfBuildException.CENTRAL_OR_PROVINCIAL_DIRECTIVE, null))
                .extracting(Violation::rule, Violation::item, Violation::messageKey)
                .containsExactly(tuple("ART-8", "exception", "violation.ART-8.unified-with-exception"));
    }

    @ParameterizedTest
    @EnumSource(value = SelfBuildException.class, names = {"CENTRAL_OR_PROVINCIAL_DIRECTIVE", "SUPERIOR_OR_SPECIAL_REQUIREMENT"})
    void selfConstructionOnANonClassifiedGroundIsAllowed(SelfBuildException exception) {
        assertThat(policy.check(ProjectStatus.DRAFT, false, ConstructionMode.SELF_BUILT, exception, "省政府专题会议部署"))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SelfBuildException.class)
    void aClassifiedProjectMaySelfBuildOnAnyGround(SelfBuildException exception) {
        assertThat(policy.check(ProjectStatus.DRAFT, true, ConstructionMode.SELF_BUILT, exception, "涉密")).isEmpty();
    }

    @Test
    void theClassifiedGroundNeedsAClassifiedProject() {
        assertThat(policy.check(ProjectStatus.DRAFT, false, ConstructionMode.SELF_BUILT, SelfBuildException.CLASSIFIED, "涉密"))
                .extracting(Violation::rule, Violation::item, Violation::messageKey)
                .containsExactly(tuple("ART-8", "exception", "violation.ART-8.not-classified"));
    }

    @Test
    void selfConstructionNeedsAGround() {
        assertThat(policy.check(ProjectStatus.DRAFT, false, ConstructionMode.SELF_BUILT, null, "理由"))
                .extracting(Violation::rule, Violation::item, Violation::messageKey)
                .containsExactly(tuple("ART-8", "exception", "violation.ART-8.exception-required"));
    }

    @Test
    void selfConstructionNeedsAJustification() {
        assertThat(policy.check(ProjectStatus.DRAFT, false, ConstructionMode.SELF_BUILT,
                SelfBuildException.SUPERIOR_OR_SPECIAL_REQUIREMENT, null))
                .extracting(Violation::rule, Violation::item, Violation::messageKey)
                .containsExactly(tuple("ART-8", "justification", "violation.ART-8.justification-required"));
        assertThat(policy.check(ProjectStatus.DRAFT, false, ConstructionMode.SELF_BUILT,
                SelfBuildException.SUPERIOR_OR_SPECIAL_REQUIREMENT, " \n "))
                .extracting(Violation::item).containsExactly("justification");
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void theModeIsSettledBeforeTheFirstSubmission(ProjectStatus status) {
        assertThat(policy.check(status, false, ConstructionMode.UNIFIED, null, null))
                .extracting(Violation::rule, Violation::item, Violation::messageKey)
                .containsExactly(tuple("ART-7", "mode", "violation.ART-7.after-submission"));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        assertThat(policy.check(ProjectStatus.IN_APPROVAL, false, ConstructionMode.SELF_BUILT, null, ""))
                .extracting(Violation::rule, Violation::item)
                .containsExactly(tuple("ART-7", "mode"), tuple("ART-8", "exception"), tuple("ART-8", "justification"));
    }

    @Test
    void violationsCiteTheirArticles() {
        assertThat(policy.check(ProjectStatus.APPROVED, false, ConstructionMode.SELF_BUILT, SelfBuildException.CLASSIFIED, "x"))
                .extracting(Violation::article).containsExactly("第七条", "第八条");
    }
}
