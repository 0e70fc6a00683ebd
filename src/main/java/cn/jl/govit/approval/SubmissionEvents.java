package cn.jl.govit.approval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import cn.jl.govit.project.Stage;

/** What happened to a submission, for the modules that follow it (expert review, decision, obligations). */
public final class SubmissionEvents {

    private SubmissionEvents() {
    }

    /** The construction unit filed a submission that passed its formal review; {@code revision} counts from 1. */
    public record SubmissionFiled(UUID submissionId, UUID projectId, Stage stage, int revision) {
    }

    /**
     * The construction unit opened the re-approval of an approved stage after a change (Art. 23): a revised
     * submission linked to the change request.
     */
    public record ReapprovalOpened(UUID submissionId, UUID projectId, Stage stage, UUID changeRequestId) {
    }

    /**
     * The approval authority approved a revised submission after a change (Art. 23) with a new total investment;
     * the change module revises the approved estimate and records the change as approved. Published inside the
     * decision's transaction, so that the listener's work commits or fails with it.
     */
    public record ReapprovalApproved(UUID submissionId, UUID projectId, Stage stage, UUID changeRequestId,
            BigDecimal approvedInvestment, Integer constructionPeriodMonths, String documentNumber, LocalDate issuedOn) {
    }

    /**
     * The approval authority rejected a revised submission after a change: the change is refused, the project
     * goes on as approved before.
     */
    public record ReapprovalRejected(UUID submissionId, UUID projectId, Stage stage, UUID changeRequestId,
            String documentNumber, LocalDate issuedOn) {
    }

    /** The approval authority returned a filed submission for revision. */
    public record SubmissionReturned(UUID submissionId, UUID projectId, Stage stage, int revision) {
    }
}
