package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import cn.jl.govit.project.FundingSource;

/**
 * A fund plan (资金计划下达) that Finance issued for one funding source of a project, with what has been disbursed
 * against it so far.
 */
public record FundPlan(UUID id, UUID projectId, FundingSource source, BigDecimal amount, LocalDate issuedOn,
        String issuedBy, BigDecimal disbursed) {

    /** What can still be disbursed against this plan. */
    public BigDecimal remaining() {
        return amount.subtract(disbursed);
    }
}
