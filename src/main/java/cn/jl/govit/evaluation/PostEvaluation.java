package cn.jl.govit.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A third-party post-evaluation (后评价, Art. 28) the approval authority commissioned for a project in operation
 * from a consulting institution, with the scope of the commission; once the institution reported, the authority
 * records the report: its date, graded conclusion, summary and document. Its results may lead to findings (Art. 32).
 */
public record PostEvaluation(UUID id, UUID projectId, String evaluator, LocalDate commissionedOn, String scope,
        PostEvaluationStatus status, LocalDate reportedOn, PostEvaluationConclusion conclusion, String summary,
        UUID documentId, String commissionedBy, Instant commissionedAt, String reportedBy, long version) {
}
