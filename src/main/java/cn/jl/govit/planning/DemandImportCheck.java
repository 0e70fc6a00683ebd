package cn.jl.govit.planning;

import java.util.List;

import cn.jl.govit.rulebook.Violation;

/** The outcome of checking an imported annual demand plan: the refused rows and the call's rules that refuse it all. */
public record DemandImportCheck(List<DemandImportProblem> problems, List<Violation> violations) {

    public DemandImportCheck {
        problems = List.copyOf(problems);
        violations = List.copyOf(violations);
    }

    public boolean accepted() {
        return problems.isEmpty() && violations.isEmpty();
    }
}
