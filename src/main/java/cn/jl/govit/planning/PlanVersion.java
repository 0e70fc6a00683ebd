package cn.jl.govit.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of the provincial construction plan as the provincial government approved it (Art. 6). Version 1
 * is the plan itself; every later version is an adjustment, which carries its evaluation (评估论证) and reason.
 */
public record PlanVersion(UUID planId, int number, String title, int periodFrom, int periodTo, LocalDate approvedOn,
        String approvalDocument, String adjustmentReason, String evaluation, List<PlanItem> items, String recordedBy,
        Instant recordedAt) {

    public PlanVersion {
        items = List.copyOf(items);
    }

    public Optional<PlanItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public boolean covers(int year) {
        return periodFrom <= year && year <= periodTo;
    }

    public boolean isAdjustment() {
        return number > 1;
    }
}
