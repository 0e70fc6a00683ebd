package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 21: Finance disburses against an issued fund plan, never more than the plan in sum, and not before the
 * plan was issued.
 */
final class DisbursementPolicy {

    private DisbursementPolicy() {
    }

    static List<Violation> check(BigDecimal planAmount, LocalDate planIssuedOn, BigDecimal disbursedSoFar,
            BigDecimal amount, LocalDate disbursedOn) {
        List<Violation> violations = new ArrayList<>();
        if (disbursedOn.isBefore(planIssuedOn)) {
            violations.add(Violation.of("ART-21", "disbursedOn", "violation.ART-21.disbursement-before-plan",
                    disbursedOn.toString(), planIssuedOn.toString()));
        }
        if (disbursedSoFar.add(amount).compareTo(planAmount) > 0) {
            violations.add(Violation.of("ART-21", "amount", "violation.ART-21.disbursement-above-plan",
                    FundPlanPolicy.plain(disbursedSoFar), FundPlanPolicy.plain(amount), FundPlanPolicy.plain(planAmount)));
        }
        return violations;
    }
}
