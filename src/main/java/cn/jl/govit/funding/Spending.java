package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the construction unit spent (支出) of the disbursed funds, for a purpose, optionally under a contract
 * and with a voucher document of the project.
 */
public record Spending(UUID id, UUID projectId, BigDecimal amount, LocalDate spentOn, String purpose,
        String contractReference, UUID voucherDocumentId, String recordedBy) {
}
