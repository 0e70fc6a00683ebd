package cn.jl.govit.change;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.PolicyParameters.ThresholdBasis;
import cn.jl.govit.rulebook.Reason;

/**
 * Art. 23: a change may be made by the construction unit and filed with the approval authority (ART-23-1) only if
 * the total stays within the approved estimate, the goals stay unchanged, the adjustment — this change alone or
 * with the changes in force, as {@code basis} says — is at most {@code thresholdShare} of the approved estimate,
 * and it rests on one of the three listed grounds; otherwise the feasibility study or preliminary design is
 * revised and re-approved (ART-23-2). A project of the Digital Jilin fund whose total grows after the fund plan
 * was issued goes to the provincial government (ART-23-3). Every condition checked is a reason, with its figures;
 * the policy never throws.
 */
public record ChangeRoutePolicy(BigDecimal thresholdShare, ThresholdBasis basis) {

    public ChangeRoutePolicy {
        Objects.requireNonNull(thresholdShare, "thresholdShare");
        Objects.requireNonNull(basis, "basis");
    }

    public ChangeAssessment assess(ChangeFacts facts) {
        BigDecimal threshold = facts.approvedEstimate().multiply(thresholdShare).setScale(2, RoundingMode.HALF_UP);
        BigDecimal counted = (basis == ThresholdBasis.CUMULATIVE
                ? facts.previousAdjustments().add(facts.adjustmentAmount()) : facts.adjustmentAmount())
                .setScale(2, RoundingMode.HALF_UP);
        List<Reason> failed = new ArrayList<>();
        List<Reason> met = new ArrayList<>();

        boolean increases = facts.newTotalInvestment().compareTo(facts.approvedEstimate()) > 0;
        if (increases) {
            failed.add(Reason.of("ART-23-2", "reason.ART-23-2.exceeds-estimate", facts.newTotalInvestment(),
                    facts.approvedEstimate()));
        }
        else {
            met.add(Reason.of("ART-23-1", "reason.ART-23-1.within-estimate", facts.newTotalInvestment(),
                    facts.approvedEstimate()));
        }
        if (facts.goalsUnchanged()) {
            met.add(Reason.of("ART-23-1", "reason.ART-23-1.goals-unchanged"));
        }
        else {
            failed.add(Reason.of("ART-23-2", "reason.ART-23-2.goals-changed"));
        }
        MessageKey basisLabel = new MessageKey("enum.ThresholdBasis." + basis.name());
        if (counted.compareTo(threshold) <= 0) {
            met.add(Reason.of("ART-23-1", "reason.ART-23-1.within-threshold", counted, threshold, thresholdShare,
                    facts.approvedEstimate(), basisLabel, facts.previousAdjustments()));
        }
        else {
            failed.add(Reason.of("ART-23-2", "reason.ART-23-2.exceeds-threshold", counted, threshold, thresholdShare,
                    facts.approvedEstimate(), basisLabel, facts.previousAdjustments()));
        }
        MessageKey reasonLabel = new MessageKey("enum.ChangeReason." + facts.reason().name());
        if (facts.reason().allowsFiling()) {
            met.add(Reason.of("ART-23-1", "reason.ART-23-1.listed-reason", reasonLabel));
        }
        else {
            failed.add(Reason.of("ART-23-2", "reason.ART-23-2.unlisted-reason", reasonLabel));
        }

        // the reason that decides the route comes first, then the conditions that failed, then those met
        List<Reason> reasons = new ArrayList<>();
        Reason fund = null;
        ChangeRoute route = failed.isEmpty() ? ChangeRoute.FILING : ChangeRoute.REAPPROVAL;
        if (facts.usesDigitalJilinFund()) {
            if (increases && facts.digitalJilinFundPlanIssuedOn() != null) {
                route = ChangeRoute.GOVERNMENT_APPROVAL;
                reasons.add(Reason.of("ART-23-3", "reason.ART-23-3.increase-after-fund-plan",
                        facts.digitalJilinFundPlanIssuedOn().toString(), facts.newTotalInvestment(),
                        facts.approvedEstimate()));
            }
            else if (increases) {
                fund = Reason.of("ART-23-3", "reason.ART-23-3.no-fund-plan-yet");
            }
            else {
                fund = Reason.of("ART-23-3", "reason.ART-23-3.no-increase");
            }
        }
        reasons.addAll(failed);
        reasons.addAll(met);
        if (fund != null) {
            reasons.add(fund);
        }
        return new ChangeAssessment(route, threshold, counted, reasons);
    }
}
