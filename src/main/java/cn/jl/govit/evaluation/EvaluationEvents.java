package cn.jl.govit.evaluation;

import java.time.LocalDate;
import java.util.UUID;

/** What the evaluation module tells the others. */
public final class EvaluationEvents {

    private EvaluationEvents() {
    }

    /** The construction unit submitted (a revision of) its self-evaluation report to the authority (Art. 28). */
    public record SelfEvaluationSubmitted(UUID selfEvaluationId, UUID projectId, int revision, LocalDate submittedOn,
            boolean late) {
    }

    /** The authority recorded the report of a third-party post-evaluation (Art. 28). */
    public record PostEvaluationReported(UUID postEvaluationId, UUID projectId, PostEvaluationConclusion conclusion,
            LocalDate reportedOn) {
    }
}
