package cn.jl.govit.approval;

import java.util.List;

import cn.jl.govit.rulebook.Violation;

/** The outcome of the formal review (形式审查) of a submission: passed, or every item missing or not allowed. */
public record FormalReview(List<Violation> violations) {

    public FormalReview {
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }
}
