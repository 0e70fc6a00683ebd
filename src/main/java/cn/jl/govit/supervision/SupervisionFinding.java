package cn.jl.govit.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A supervision finding (监督检查发现的问题, Art. 31) that a supervising body raised on a project in one of its duty
 * areas, with the facts, the evidence (documents of the project) and a rectification deadline, which is the lead
 * department's RECTIFICATION obligation ({@code obligationSubject}). The unit reports rectifications; the body
 * accepts one (closed, the obligation met) or rejects it (open again). A withdrawn finding keeps its reason.
 * {@code source} says where it comes from; {@code sourceRef} is the evaluation record or the obligation it rests on
 * (none for a direct finding). Findings from evaluations were once kept apart (evaluation_finding, up to V5_31).
 *
 * @param overdue derived: open and past its deadline on the day it was read
 */
public record SupervisionFinding(UUID id, UUID projectId, String leadOrgCode, String bodyOrgCode, SupervisionArea area,
        SupervisionFindingSource source, UUID sourceRef, String facts, List<UUID> evidenceDocumentIds, LocalDate raisedOn, LocalDate rectificationDue,
        String obligationSubject, FindingStatus status, int rounds, LocalDate closedOn, String withdrawnReason,
        LocalDate withdrawnOn, String raisedBy, Instant raisedAt, long version, boolean overdue,
        List<Rectification> rectifications) {

    public SupervisionFinding {
        evidenceDocumentIds = evidenceDocumentIds == null ? List.of() : List.copyOf(evidenceDocumentIds);
        rectifications = rectifications == null ? List.of() : List.copyOf(rectifications);
    }

    /** The obligation subject of a finding: a short, readable form of its id. */
    static String subjectOf(UUID id) {
        return "FINDING-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    SupervisionFinding with(List<Rectification> all) {
        return new SupervisionFinding(id, projectId, leadOrgCode, bodyOrgCode, area, source, sourceRef, facts, evidenceDocumentIds,
                raisedOn, rectificationDue, obligationSubject, status, rounds, closedOn, withdrawnReason, withdrawnOn,
                raisedBy, raisedAt, version, overdue, all);
    }

    /** One rectification the unit reported, with the body's review when there is one. */
    public record Rectification(int round, LocalDate rectifiedOn, String summary, List<UUID> evidenceDocumentIds,
            String reportedBy, Instant reportedAt, ReviewDecision decision, String opinion, String reviewedBy,
            LocalDate reviewedOn) {
    }
}
