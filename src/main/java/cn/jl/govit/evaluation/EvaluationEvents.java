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

    /** The authority raised a finding from an evaluation, to rectify by {@code rectificationDue} (Art. 32). */
    public record EvaluationFindingRaised(UUID findingId, UUID projectId, EvaluationSource source,
            LocalDate rectificationDue) {
    }

    /** The authority accepted the rectification of a finding, which is closed (Art. 32). */
    public record EvaluationFindingClosed(UUID findingId, UUID projectId, LocalDate closedOn) {
    }
}
