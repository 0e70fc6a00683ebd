package cn.jl.govit.planning;

import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * An imported annual demand plan refused as a whole because some of its rows are wrong; nothing of it is stored.
 * The web layer answers {@code 422} naming every refused row.
 */
public class DemandImportRefusedException extends RuntimeException {

    private final List<DemandImportProblem> problems;
    private final List<Violation> violations;

    public DemandImportRefusedException(List<DemandImportProblem> problems, List<Violation> violations) {
        super(problems.size() + " rows refused");
        this.problems = List.copyOf(problems);
        this.violations = List.copyOf(violations);
    }

    public List<DemandImportProblem> problems() {
        return problems;
    }

    public List<Violation> violations() {
        return violations;
    }
}
