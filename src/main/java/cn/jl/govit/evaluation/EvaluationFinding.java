package cn.jl.govit.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A finding of an evaluation (评价发现的问题, Art. 32), raised by the approval authority from a self-evaluation or a
 * post-evaluation, with a rectification deadline that is the construction unit's RECTIFICATION obligation
 * ({@code obligationSubject}). The unit reports its rectification; the authority accepts it (the finding closes and
 * the obligation is met) or rejects it (the finding is open again, the obligation stays pending). Not to be confused
 * with the findings of supervision (Art. 31), which another module keeps.
 *
 * @param rounds how many rectifications the unit has reported
 */
public record EvaluationFinding(UUID id, UUID projectId, EvaluationSource source, UUID sourceId, String description,
        LocalDate raisedOn, LocalDate rectificationDue, String obligationSubject, EvaluationFindingStatus status,
        int rounds, LocalDate closedOn, String raisedBy, Instant raisedAt, long version,
        List<Rectification> rectifications) {

    public EvaluationFinding {
        rectifications = rectifications == null ? List.of() : List.copyOf(rectifications);
    }

    /** The obligation subject of a finding: a short, readable form of its id. */
    static String subjectOf(UUID id) {
        return "EVAL-FINDING-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** One rectification the unit reported, with the authority's review when there is one. */
    public record Rectification(int round, LocalDate rectifiedOn, String summary, UUID documentId, String reportedBy,
            Instant reportedAt, ReviewDecision decision, String opinion, String reviewedBy, LocalDate reviewedOn) {
    }
}
