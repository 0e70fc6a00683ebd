package cn.jl.govit.change;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The provincial government's decision on an increase of a Digital Jilin fund project (Art. 23 (3)), as the
 * approval authority records it: approved with a new total, or refused; its document number and date.
 */
public record GovernmentDecision(boolean approved, String documentNumber, LocalDate decidedOn,
        BigDecimal approvedTotalInvestment) {

    public GovernmentDecision {
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(decidedOn, "decidedOn");
        if (approved) {
            Objects.requireNonNull(approvedTotalInvestment, "approvedTotalInvestment");
        }
    }
}
