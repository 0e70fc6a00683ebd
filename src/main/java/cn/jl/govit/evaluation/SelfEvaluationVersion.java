package cn.jl.govit.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One submitted revision as it was submitted, with the authority's decision on it ({@code null} while pending). */
public record SelfEvaluationVersion(UUID selfEvaluationId, int revision, LocalDate submittedOn, String submittedBy,
        Instant submittedAt, boolean late, SelfEvaluationContent content, SelfEvaluationOutcome outcome, String opinion,
        String decidedBy, LocalDate decidedOn) {
}
