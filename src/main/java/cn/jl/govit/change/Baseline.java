package cn.jl.govit.change;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An approved state of a project (基线): number 1 is the approval itself; each filing and each approved change
 * adds the next. A filing moves content and funds but keeps the total, so its baseline differs in the
 * adjustments in force and the content described. Baselines are never changed or deleted.
 *
 * @param adjustmentsInForce the sum of the adjustments of the changes in force at this baseline
 * @param changeRequestId the change that set this baseline; {@code null} for the approval
 */
public record Baseline(UUID projectId, int number, BaselineKind kind, BigDecimal approvedEstimate,
        int constructionPeriodMonths, BigDecimal adjustmentsInForce, UUID changeRequestId, Integer changeNumber,
        String description, LocalDate establishedOn) {

    /** What set a baseline. */
    public enum BaselineKind {
        APPROVAL, FILING, REAPPROVAL, GOVERNMENT_APPROVAL
    }
}
