package cn.jl.govit.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 6: the plan is put into effect after the provincial government approved it; a major adjustment needs
 * an evaluation (评估论证) and, again, the provincial government's approval (date and document number).
 */
record PlanApprovalPolicy() {

    static final String RULE = "ART-6";

    /** What a plan version lacks; for the first version the evaluation is not asked for. */
    List<Violation> check(boolean adjustment, String evaluation, LocalDate approvedOn, String approvalDocument) {
        List<Violation> violations = new ArrayList<>();
        if (adjustment && blank(evaluation)) {
            violations.add(Violation.of(RULE, "evaluation", "planning.plan.evaluation-missing"));
        }
        if (approvedOn == null) {
            violations.add(Violation.of(RULE, "approvedOn", adjustment
                    ? "planning.plan.adjustment-approval-missing" : "planning.plan.approval-missing"));
        }
        if (blank(approvalDocument)) {
            violations.add(Violation.of(RULE, "approvalDocument", "planning.plan.document-missing"));
        }
        return violations;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
