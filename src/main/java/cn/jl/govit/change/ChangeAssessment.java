package cn.jl.govit.change;

import java.math.BigDecimal;
import java.util.List;

import cn.jl.govit.rulebook.Reason;

/**
 * The route of a change and every reason for it (Art. 23), each citing its rule with the figures.
 *
 * @param threshold the share of the approved estimate that may be moved by filing, in yuan
 * @param cumulativeAdjustment what counts against the threshold: this change alone or with those in force
 */
public record ChangeAssessment(ChangeRoute route, BigDecimal threshold, BigDecimal cumulativeAdjustment,
        List<Reason> reasons) {

    public ChangeAssessment {
        reasons = List.copyOf(reasons);
    }
}
