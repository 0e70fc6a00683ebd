package cn.jl.govit.funding.web;

import java.math.BigDecimal;
import java.util.List;

import cn.jl.govit.funding.FundsSummary;
import cn.jl.govit.funding.LevelShare;

/** The investment funnel of {@code GET /projects/{id}/funds}: six figures, the surplus and the split by level. */
record FundsView(BigDecimal approved, BigDecimal contracted, BigDecimal planned, BigDecimal disbursed,
        BigDecimal spent, BigDecimal returned, BigDecimal returnConfirmed, BigDecimal surplus,
        BigDecimal estimateRemaining, BigDecimal unreturned, boolean surplusUnreturned, long levelSharesVersion,
        List<LevelShare> levelShares) {

    static FundsView of(FundsSummary s) {
        return new FundsView(s.approved(), s.contracted(), s.planned(), s.disbursed(), s.spent(), s.returned(),
                s.returnConfirmed(), s.surplus(), s.estimateRemaining(), s.unreturned(), s.surplusUnreturned(),
                s.levelShares().version(), s.levelShares().shares());
    }
}
