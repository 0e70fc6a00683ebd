package cn.jl.govit.change;

import java.math.BigDecimal;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * The answer to an assessment: the route Art. 23 gives with every reason, and — since an assessment changes
 * nothing and is answered even when filing would be refused — what would refuse the request now (a suspended
 * project, ART-22; a project not under construction, ART-14; another change still pending, ART-23).
 */
public record ChangeAssessmentResult(ChangeAssessment assessment, BigDecimal approvedEstimate, List<Violation> refusals) {

    public ChangeAssessmentResult {
        refusals = List.copyOf(refusals);
    }

    public boolean mayRequest() {
        return refusals.isEmpty();
    }
}
