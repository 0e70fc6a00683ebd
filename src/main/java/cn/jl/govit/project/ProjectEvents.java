package cn.jl.govit.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What happens to a project, published for the other lifecycle modules. */
public final class ProjectEvents {

    private ProjectEvents() {
    }

    /** A department proposed a project; its authority and path are derived. */
    public record ProjectProposed(UUID projectId, String code, String leadOrganizationCode,
            ApprovalAuthority approvalAuthority, ApprovalPathType pathType, List<Stage> stages,
            BigDecimal estimatedInvestment) {
    }

    /** The Digital Bureau decided unified or self construction (Art. 7–8). */
    public record ConstructionModeDecided(UUID projectId, ConstructionMode mode, SelfBuildException exception) {
    }

    /** The authority set a shorter path on another legal basis (Art. 9 (4)). */
    public record ApprovalPathSimplified(UUID projectId, List<Stage> stages, String legalBasis) {
    }

    /** The construction unit filed the submission of a stage. */
    public record StageSubmitted(UUID projectId, Stage stage) {
    }

    /** The approval authority approved a stage. */
    public record StageApproved(UUID projectId, Stage stage, BigDecimal approvedInvestment) {
    }

    /** The last stage of the path is approved: the project has its approved estimate (Art. 9, 21). */
    public record ProjectApproved(UUID projectId, BigDecimal approvedEstimate) {
    }

    /** The approval authority rejected the project. */
    public record ProjectRejected(UUID projectId, Stage stage) {
    }

    /** Construction started (Art. 14); the approved construction period runs from {@code startedOn}. */
    public record ConstructionStarted(UUID projectId, java.time.LocalDate startedOn, int constructionPeriodMonths,
            java.time.LocalDate plannedCompletion) {
    }

    /** The approval authority suspended construction (Art. 22). */
    public record ConstructionSuspended(UUID projectId, String reason) {
    }

    /** The approval authority let construction resume (Art. 22). */
    public record ConstructionResumed(UUID projectId, String reason) {
    }

    /** The approved estimate changed through an approval (Art. 21, 23). */
    public record ApprovedEstimateRevised(UUID projectId, BigDecimal previousEstimate, BigDecimal newEstimate,
            String basis) {
    }

    /**
     * A re-approval changed the construction period (Art. 23); {@code startedOn} and {@code plannedCompletion} are
     * {@code null} before construction started.
     */
    public record ConstructionPeriodRevised(UUID projectId, int previousMonths, int newMonths,
            java.time.LocalDate startedOn, java.time.LocalDate plannedCompletion, String basis) {
    }

    /** The initial acceptance passed: construction is over and the project is in acceptance (Art. 26). */
    public record InitialAcceptancePassed(UUID projectId, java.time.LocalDate acceptedOn) {
    }

    /**
     * The final acceptance passed and the project is in operation from {@code startedOn}: self-evaluation (Art. 28)
     * and the periodic security and cryptography assessments (Art. 16, 17, 36) are counted from that day.
     */
    public record OperationStarted(UUID projectId, java.time.LocalDate startedOn) {
    }

    /** Finance suspended the project's funds as an Art. 31 sanction: no further disbursement until lifted. */
    public record FundsSuspended(UUID projectId, String reason) {
    }

    /** The suspension of the project's funds was lifted. */
    public record FundsResumed(UUID projectId, String reason) {
    }

    /**
     * The project was terminated (Art. 31), from {@code previousStatus}; it keeps only read access and its pending
     * obligations lapse.
     */
    public record ProjectTerminated(UUID projectId, ProjectStatus previousStatus, java.time.LocalDate terminatedOn,
            String reason) {
    }
}
