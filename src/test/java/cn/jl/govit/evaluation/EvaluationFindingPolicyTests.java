package cn.jl.govit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.Violation;

/** Art. 32 and the report's completeness (Art. 28), at their boundaries. */
class EvaluationFindingPolicyTests {

    final EvaluationFindingPolicy policy = new EvaluationFindingPolicy(6);

    @Test
    void theDefaultDeadlineIsTheRectificationWindowInCalendarMonths() {
        assertThat(policy.rectificationDue(LocalDate.parse("2027-08-31"), null)).isEqualTo(LocalDate.parse("2028-02-29"));
        assertThat(policy.rectificationDue(LocalDate.parse("2026-08-31"), null)).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(policy.rectificationDue(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01")))
                .isEqualTo(LocalDate.parse("2026-04-01"));
    }

    @Test
    void aPostEvaluationWithoutItsReportGivesNoFinding() {
        assertThat(policy.postEvaluationReported(PostEvaluationStatus.COMMISSIONED)).extracting(Violation::rule)
                .containsExactly("ART-32");
        assertThat(policy.postEvaluationReported(PostEvaluationStatus.REPORTED)).isEmpty();
    }

    @Test
    void answersFollowTheFindingsState() {
        assertThat(policy.answerable(EvaluationFindingStatus.OPEN)).isEmpty();
        assertThat(policy.answerable(EvaluationFindingStatus.RECTIFIED)).extracting(Violation::item).containsExactly("status");
        assertThat(policy.answerable(EvaluationFindingStatus.CLOSED)).hasSize(1);
        assertThat(policy.reviewable(EvaluationFindingStatus.RECTIFIED)).isEmpty();
        assertThat(policy.reviewable(EvaluationFindingStatus.OPEN)).extracting(Violation::rule).containsExactly("ART-32");
    }

    @Test
    void aRectificationOnTheDayOfTheFindingIsFineTheDayBeforeIsNot() {
        LocalDate raised = LocalDate.parse("2027-05-10");
        assertThat(policy.rectifiedAfterRaised(raised, raised)).isEmpty();
        assertThat(policy.rectifiedAfterRaised(raised, raised.minusDays(1))).extracting(Violation::item)
                .containsExactly("rectifiedOn");
    }

    @Test
    void everyMissingPartOfTheSelfEvaluationIsNamed() {
        SelfEvaluationContent empty = new SelfEvaluationContent(LocalDate.parse("2027-05-10"), null, " ", null, null,
                null, null);
        assertThat(SelfEvaluationReportPolicy.completeness(empty)).extracting(Violation::item)
                .containsExactlyElementsOf(SelfEvaluationReportPolicy.PARTS);
        SelfEvaluationContent full = new SelfEvaluationContent(LocalDate.parse("2027-05-10"), "a", "b", "c", "d", "e",
                UUID.randomUUID());
        assertThat(SelfEvaluationReportPolicy.completeness(full)).isEmpty();
    }
}
