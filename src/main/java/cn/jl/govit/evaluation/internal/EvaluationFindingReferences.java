package cn.jl.govit.evaluation.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.evaluation.EvaluationReferencePolicy;
import cn.jl.govit.evaluation.PostEvaluation;
import cn.jl.govit.evaluation.PostEvaluations;
import cn.jl.govit.evaluation.SelfEvaluations;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.supervision.SupervisionFindingReferences;

/**
 * Checks, for supervision, the evaluation record a finding from an evaluation rests on (Art. 32): the project's
 * self-evaluation, or one of its post-evaluations with its report recorded. Supervision keeps only the id, so it
 * never depends on this module.
 */
@Component
class EvaluationFindingReferences implements SupervisionFindingReferences {

    private final SelfEvaluations selfEvaluations;
    private final PostEvaluations postEvaluations;

    EvaluationFindingReferences(SelfEvaluations selfEvaluations, PostEvaluations postEvaluations) {
        this.selfEvaluations = selfEvaluations;
        this.postEvaluations = postEvaluations;
    }

    @Override
    public void checkEvaluation(UUID projectId, UUID evaluationId) {
        if (selfEvaluations.forProject(projectId).stream().anyMatch(s -> s.id().equals(evaluationId))) {
            return;
        }
        PostEvaluation post = postEvaluations.forProject(projectId).stream()
                .filter(p -> p.id().equals(evaluationId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("sourceRef", "evaluation.finding.source-unknown",
                        String.valueOf(evaluationId)));
        RuleViolationException.throwIfAny(EvaluationReferencePolicy.postEvaluationReported(post.status()));
    }
}
