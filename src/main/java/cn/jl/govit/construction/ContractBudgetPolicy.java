package cn.jl.govit.construction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 21: the contracts of a project stay within its current approved estimate. A new contract that would take
 * the contracted total above the estimate is refused (exactly the estimate is allowed); from the warning share
 * of the estimate on (exactly the share warns) the construction unit is warned that the room left is small. The
 * estimate rises only through an approved change, so the caller passes the estimate in force.
 *
 * @param warningShare share of the approved estimate from which a warning is given ({@code contractWarningShare})
 */
public record ContractBudgetPolicy(BigDecimal warningShare) {

    public ContractBudgetPolicy {
        Objects.requireNonNull(warningShare, "warningShare");
    }

    /** The refusals and the warnings for a contract of {@code amount} on top of {@code contractedBefore}. */
    public Assessment assess(BigDecimal approvedEstimate, BigDecimal contractedBefore, BigDecimal amount) {
        List<Violation> refusals = new ArrayList<>();
        List<Violation> warnings = new ArrayList<>();
        if (approvedEstimate == null) {
            refusals.add(Violation.of("ART-21", "amount", "violation.ART-21.no-estimate"));
            return new Assessment(refusals, warnings);
        }
        BigDecimal total = contractedBefore.add(amount);
        if (total.compareTo(approvedEstimate) > 0) {
            refusals.add(Violation.of("ART-21", "amount", "violation.ART-21.above-estimate", money(total),
                    money(approvedEstimate), money(total.subtract(approvedEstimate))));
        }
        else if (total.compareTo(approvedEstimate.multiply(warningShare)) >= 0) {
            warnings.add(Violation.of("ART-21", "amount", "violation.ART-21.near-estimate", money(total),
                    money(approvedEstimate), percent(total, approvedEstimate), percent(warningShare)));
        }
        return new Assessment(refusals, warnings);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return percent(part.divide(whole, 6, RoundingMode.DOWN));
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.DOWN).stripTrailingZeros().toPlainString() + "%";
    }

    /** What the policy found: refusals block the contract, warnings go back with it. */
    public record Assessment(List<Violation> refusals, List<Violation> warnings) {

        public Assessment {
            refusals = List.copyOf(refusals);
            warnings = List.copyOf(warnings);
        }
    }
}
