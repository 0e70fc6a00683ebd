package cn.jl.govit.change;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * A change request (变更) of a project under construction (Art. 23). It is filed by the construction unit with
 * the facts Art. 23 judges — kept as they were, so that its route and reasons read the same later — and takes the
 * route they give: a filing is in force at once and the authority acknowledges it; a re-approval waits for the
 * decision on the revised submission; a government approval for the provincial government's decision, which the
 * authority records. Decided requests never change again.
 */
public class ChangeRequest {

    private final UUID id;
    private final UUID projectId;
    private final int number;
    private final ChangeFacts facts;
    private final String description;
    private final ChangeRoute route;
    private final String requestedBy;
    private final Instant requestedAt;
    private final LocalDate requestedOn;
    private ChangeStatus status;
    private UUID submissionId;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private BigDecimal approvedTotalInvestment;
    private String decisionDocumentNumber;
    private LocalDate decidedOn;
    private String decidedBy;
    private long version;

    /** Restores a change request as stored. */
    public ChangeRequest(UUID id, UUID projectId, int number, ChangeFacts facts, String description, ChangeRoute route,
            String requestedBy, Instant requestedAt, LocalDate requestedOn, ChangeStatus status, UUID submissionId,
            String acknowledgedBy, Instant acknowledgedAt, BigDecimal approvedTotalInvestment,
            String decisionDocumentNumber, LocalDate decidedOn, String decidedBy, long version) {
        this.id = Objects.requireNonNull(id);
        this.projectId = Objects.requireNonNull(projectId);
        this.number = number;
        this.facts = Objects.requireNonNull(facts);
        this.description = description;
        this.route = Objects.requireNonNull(route);
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.requestedOn = requestedOn;
        this.status = Objects.requireNonNull(status);
        this.submissionId = submissionId;
        this.acknowledgedBy = acknowledgedBy;
        this.acknowledgedAt = acknowledgedAt;
        this.approvedTotalInvestment = approvedTotalInvestment;
        this.decisionDocumentNumber = decisionDocumentNumber;
        this.decidedOn = decidedOn;
        this.decidedBy = decidedBy;
        this.version = version;
    }

    /** The construction unit files a change; it starts in the status its route gives. */
    public static ChangeRequest request(UUID id, UUID projectId, int number, ChangeFacts facts, String description,
            ChangeRoute route, String requestedBy, Instant requestedAt, LocalDate requestedOn) {
        ChangeStatus status = switch (route) {
            case FILING -> ChangeStatus.FILED;
            case REAPPROVAL -> ChangeStatus.IN_REAPPROVAL;
            case GOVERNMENT_APPROVAL -> ChangeStatus.AWAITING_GOVERNMENT;
        };
        return new ChangeRequest(id, projectId, number, facts, description, route, requestedBy, requestedAt,
                requestedOn, status, null, null, null, null, null, null, null, 0);
    }

    /** The approval authority acknowledges a filing (备案); once. */
    public void acknowledge(String by, Instant at) {
        if (status != ChangeStatus.FILED || acknowledgedAt != null) {
            throw new RuleViolationException(Violation.of("ART-23-1", "status", "violation.ART-23-1.not-awaiting-acknowledgement",
                    new MessageKey("enum.ChangeStatus." + status.name())));
        }
        acknowledgedBy = Objects.requireNonNull(by);
        acknowledgedAt = Objects.requireNonNull(at);
    }

    /** The revised submission that carries the re-approval (Art. 23: 重新审批). */
    public void reapprovalOpened(UUID submissionId) {
        requireStatus(ChangeStatus.IN_REAPPROVAL, "ART-23-2");
        this.submissionId = Objects.requireNonNull(submissionId);
    }

    /** The authority approved the revised submission with a new total. */
    public void reapproved(BigDecimal approvedTotal, String documentNumber, LocalDate on, String by) {
        requireStatus(ChangeStatus.IN_REAPPROVAL, "ART-23-2");
        decide(ChangeStatus.APPROVED, Objects.requireNonNull(approvedTotal), documentNumber, on, by);
    }

    /** The authority rejected the revised submission: the change is refused, the project goes on as approved. */
    public void reapprovalRejected(String documentNumber, LocalDate on, String by) {
        requireStatus(ChangeStatus.IN_REAPPROVAL, "ART-23-2");
        decide(ChangeStatus.REJECTED, null, documentNumber, on, by);
    }

    /**
     * The authority records the provincial government's decision (Art. 23 (3)): approved with a new total, or
     * refused. The decision may not predate the request.
     */
    public void governmentDecided(boolean approved, BigDecimal approvedTotal, String documentNumber, LocalDate on,
            String by) {
        requireStatus(ChangeStatus.AWAITING_GOVERNMENT, "ART-23-3");
        if (on.isBefore(requestedOn)) {
            throw new RuleViolationException(Violation.of("ART-23-3", "decidedOn", "violation.ART-23-3.before-request",
                    on.toString(), requestedOn.toString()));
        }
        decide(approved ? ChangeStatus.APPROVED : ChangeStatus.REJECTED, approved ? Objects.requireNonNull(approvedTotal) : null,
                documentNumber, on, by);
    }

    private void decide(ChangeStatus outcome, BigDecimal approvedTotal, String documentNumber, LocalDate on, String by) {
        status = outcome;
        approvedTotalInvestment = approvedTotal;
        decisionDocumentNumber = documentNumber;
        decidedOn = on;
        decidedBy = by;
    }

    private void requireStatus(ChangeStatus expected, String rule) {
        if (status != expected) {
            throw new RuleViolationException(Violation.of(rule, "status", "violation.ART-23.not-pending",
                    new MessageKey("enum.ChangeStatus." + status.name())));
        }
    }

    /** The adjustment that counts toward the cumulative threshold while the change is in force. */
    public BigDecimal adjustmentAmount() {
        return facts.adjustmentAmount();
    }

    public UUID id() { return id; }
    public UUID projectId() { return projectId; }
    public int number() { return number; }
    public ChangeFacts facts() { return facts; }
    public String description() { return description; }
    public ChangeRoute route() { return route; }
    public String requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public LocalDate requestedOn() { return requestedOn; }
    public ChangeStatus status() { return status; }
    public UUID submissionId() { return submissionId; }
    public String acknowledgedBy() { return acknowledgedBy; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public BigDecimal approvedTotalInvestment() { return approvedTotalInvestment; }
    public String decisionDocumentNumber() { return decisionDocumentNumber; }
    public LocalDate decidedOn() { return decidedOn; }
    public String decidedBy() { return decidedBy; }
    public long version() { return version; }
}
