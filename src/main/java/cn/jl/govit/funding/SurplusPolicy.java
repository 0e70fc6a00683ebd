package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 21: a surplus is returned. The surplus to return is what was disbursed and not spent; a return cannot be
 * more than what of it is still outstanding, and Finance confirms a return only on or after the day it was made.
 */
final class SurplusPolicy {

    private SurplusPolicy() {
    }

    /** Disbursed funds neither spent nor returned yet. */
    static BigDecimal outstanding(BigDecimal disbursed, BigDecimal spent, BigDecimal returned) {
        return disbursed.subtract(spent).subtract(returned);
    }

    static List<Violation> checkReturn(BigDecimal outstanding, BigDecimal amount, LocalDate approvedOn,
            LocalDate returnedOn) {
        List<Violation> violations = new ArrayList<>();
        if (approvedOn != null && returnedOn.isBefore(approvedOn)) {
            violations.add(Violation.of("ART-21", "returnedOn", "violation.ART-21.return-before-approval",
                    returnedOn.toString(), approvedOn.toString()));
        }
        if (amount.compareTo(outstanding) > 0) {
            violations.add(Violation.of("ART-21", "amount", "violation.ART-21.return-above-surplus",
                    FundPlanPolicy.plain(amount), FundPlanPolicy.plain(outstanding.max(BigDecimal.ZERO))));
        }
        return violations;
    }

    static List<Violation> checkConfirmation(LocalDate returnedOn, LocalDate confirmedOn) {
        if (confirmedOn.isBefore(returnedOn)) {
            return List.of(Violation.of("ART-21", "confirmedOn", "violation.ART-21.confirmation-before-return",
                    confirmedOn.toString(), returnedOn.toString()));
        }
        return List.of();
    }
}
