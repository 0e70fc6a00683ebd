package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 21: the construction unit spends only what was disbursed to it and never more than the approved
 * estimate, and not before the approval.
 */
final class SpendingPolicy {

    private SpendingPolicy() {
    }

    static List<Violation> check(BigDecimal approvedEstimate, LocalDate approvedOn, BigDecimal disbursed,
            BigDecimal spentSoFar, BigDecimal amount, LocalDate spentOn) {
        List<Violation> violations = new ArrayList<>();
        if (approvedOn != null && spentOn.isBefore(approvedOn)) {
            violations.add(Violation.of("ART-21", "spentOn", "violation.ART-21.spending-before-approval",
                    spentOn.toString(), approvedOn.toString()));
        }
        BigDecimal after = spentSoFar.add(amount);
        if (after.compareTo(disbursed) > 0) {
            violations.add(Violation.of("ART-21", "amount", "violation.ART-21.spending-above-disbursed",
                    FundPlanPolicy.plain(spentSoFar), FundPlanPolicy.plain(amount), FundPlanPolicy.plain(disbursed)));
        }
        if (approvedEstimate != null && after.compareTo(approvedEstimate) > 0) {
            violations.add(Violation.of("ART-21", "amount", "violation.ART-21.spending-above-estimate",
                    FundPlanPolicy.plain(spentSoFar), FundPlanPolicy.plain(amount), FundPlanPolicy.plain(approvedEstimate)));
        }
        return violations;
    }
}
