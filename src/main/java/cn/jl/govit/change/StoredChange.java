package cn.jl.govit.change;

import java.math.BigDecimal;

import cn.jl.govit.rulebook.PolicyParameters.ThresholdBasis;

/**
 * A change request with the policy parameters it was judged under, so that its route and reasons are read as they
 * were decided even after the rulebook changes.
 */
public record StoredChange(ChangeRequest request, BigDecimal thresholdShare, ThresholdBasis basis) {

    /** The assessment as it was made when the request was filed. */
    public ChangeAssessment assessment() {
        return new ChangeRoutePolicy(thresholdShare, basis).assess(request.facts());
    }
}
