package cn.jl.govit.change;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What Art. 23 judges a change on.
 *
 * @param approvedEstimate the project's approved estimate now (批复概算)
 * @param adjustmentAmount the absolute sum the change moves, in yuan (≥ 0)
 * @param newTotalInvestment the total investment after the change
 * @param goalsUnchanged whether the construction goals stay as approved
 * @param reason the ground of the change
 * @param previousAdjustments the adjustments of the changes already in force (filed or approved)
 * @param usesDigitalJilinFund whether the project is funded from the Digital Jilin special fund
 * @param digitalJilinFundPlanIssuedOn when the first fund plan of that fund was issued; {@code null} if none was
 */
public record ChangeFacts(BigDecimal approvedEstimate, BigDecimal adjustmentAmount, BigDecimal newTotalInvestment,
        boolean goalsUnchanged, ChangeReason reason, BigDecimal previousAdjustments, boolean usesDigitalJilinFund,
        LocalDate digitalJilinFundPlanIssuedOn) {

    public ChangeFacts {
        Objects.requireNonNull(approvedEstimate, "approvedEstimate");
        Objects.requireNonNull(adjustmentAmount, "adjustmentAmount");
        Objects.requireNonNull(newTotalInvestment, "newTotalInvestment");
        Objects.requireNonNull(reason, "reason");
        previousAdjustments = previousAdjustments == null ? BigDecimal.ZERO : previousAdjustments;
        if (adjustmentAmount.signum() < 0) {
            throw new IllegalArgumentException("an adjustment is the absolute sum moved");
        }
    }
}
