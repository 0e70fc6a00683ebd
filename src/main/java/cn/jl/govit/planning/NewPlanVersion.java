package cn.jl.govit.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan or an adjusted version of it as the provincial government approved it (Art. 6); the evaluation and
 * the reason belong to adjustments only.
 */
public record NewPlanVersion(String title, int periodFrom, int periodTo, List<PlanItem> items, LocalDate approvedOn,
        String approvalDocument, String adjustmentReason, String evaluation) {

    public NewPlanVersion {
        items = List.copyOf(items);
    }
}
