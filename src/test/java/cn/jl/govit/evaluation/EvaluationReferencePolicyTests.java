package cn.jl.govit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.Violation;

/** Art. 32: a finding rests on an evaluation result that exists — a post-evaluation only once reported. */
class EvaluationReferencePolicyTests {

    @Test
    void aPostEvaluationWithoutItsReportGivesNoFinding() {
        assertThat(EvaluationReferencePolicy.postEvaluationReported(PostEvaluationStatus.REPORTED)).isEmpty();
        assertThat(EvaluationReferencePolicy.postEvaluationReported(PostEvaluationStatus.COMMISSIONED))
                .extracting(Violation::rule, Violation::item, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-32", "sourceRef", "violation.ART-32.source-not-reported"));
    }
}
