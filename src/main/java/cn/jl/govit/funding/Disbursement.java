package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import cn.jl.govit.project.FundingSource;

/** Funds that Finance paid out (资金拨付) against one of the project's fund plans. */
public record Disbursement(UUID id, UUID projectId, UUID fundPlanId, FundingSource source, BigDecimal amount,
        LocalDate disbursedOn, String recordedBy) {
}
