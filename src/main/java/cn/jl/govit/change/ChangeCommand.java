package cn.jl.govit.change;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the construction unit proposes to change (Art. 23): the absolute sum it moves, the total afterwards, whether
 * the goals stay, the ground and a description of the content adjusted.
 */
public record ChangeCommand(BigDecimal adjustmentAmount, BigDecimal newTotalInvestment, boolean goalsUnchanged,
        ChangeReason reason, String description) {

    public ChangeCommand {
        Objects.requireNonNull(adjustmentAmount, "adjustmentAmount");
        Objects.requireNonNull(newTotalInvestment, "newTotalInvestment");
        Objects.requireNonNull(reason, "reason");
    }
}
