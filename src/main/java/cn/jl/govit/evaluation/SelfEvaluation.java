package cn.jl.govit.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The self-evaluation report (自评价报告) of a project in operation (Art. 28), one per project. The construction unit
 * submits it within the window; the approval authority accepts it or returns it with an opinion, and a returned
 * report is submitted again as a new revision (every revision is kept as submitted). A report first submitted after
 * the due day is late: it still meets the obligation and shows as late.
 *
 * @param windowStart the first day of the window the report belongs to
 * @param dueDate its last day, still in time
 */
public record SelfEvaluation(UUID id, UUID projectId, SelfEvaluationStatus status, SelfEvaluationContent content,
        int revision, LocalDate windowStart, LocalDate dueDate, LocalDate firstSubmittedOn, LocalDate lastSubmittedOn,
        String decisionOpinion, LocalDate decidedOn, String createdBy, Instant createdAt, long version) {

    /** Whether the report was first submitted after the window closed. */
    public boolean late() {
        return firstSubmittedOn.isAfter(dueDate);
    }
}
