package cn.jl.govit.evaluation;

import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 32: the approval authority raises rectification opinions from the results of evaluations, so a finding rests
 * on a result that exists — a submitted self-evaluation, or a post-evaluation whose report is recorded (a merely
 * commissioned one has no results yet). The finding itself is a supervision finding with source EVALUATION. Plain
 * Java; never throws for a rule.
 */
public final class EvaluationReferencePolicy {

    static final String RULE = "ART-32";

    private EvaluationReferencePolicy() {
    }

    /** A post-evaluation gives results to act on only once its report is recorded. */
    public static List<Violation> postEvaluationReported(PostEvaluationStatus status) {
        return status == PostEvaluationStatus.REPORTED ? List.of()
                : List.of(Violation.of(RULE, "sourceRef", "violation.ART-32.source-not-reported"));
    }
}
