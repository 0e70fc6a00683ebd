package cn.jl.govit.funding;

import java.math.BigDecimal;

/**
 * The investment funnel of a project (Art. 21): the approved estimate, what was contracted, what Finance planned
 * and disbursed, what the construction unit spent and what it returned; and the surplus.
 *
 * @param approved the current approved estimate ({@code null} before the approval)
 * @param surplus disbursed funds not spent: what is to be returned
 * @param estimateRemaining the approved estimate not spent (the estimate's surplus)
 * @param returned returns recorded by the construction unit; {@code returnConfirmed} the part Finance confirmed
 * @param unreturned the surplus not yet returned
 * @param completed whether construction is over (in acceptance, in operation or terminated): only then is an
 *        unreturned surplus due
 */
public record FundsSummary(BigDecimal approved, BigDecimal contracted, BigDecimal planned, BigDecimal disbursed,
        BigDecimal spent, BigDecimal returned, BigDecimal returnConfirmed, BigDecimal surplus,
        BigDecimal estimateRemaining, BigDecimal unreturned, boolean completed, LevelShares levelShares) {

    /** Whether construction is over and a surplus is left that has not been returned (Art. 21). */
    public boolean surplusUnreturned() {
        return completed && unreturned.signum() > 0;
    }
}
