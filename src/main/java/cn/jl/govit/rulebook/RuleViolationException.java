package cn.jl.govit.rulebook;

import java.util.List;

/** An action refused because it breaks one or more rules of the measures; the web layer answers 422. */
public class RuleViolationException extends RuntimeException {

    private final List<Violation> violations;

    public RuleViolationException(List<Violation> violations) {
        super(violations.stream().map(Violation::rule).distinct().reduce((a, b) -> a + ", " + b).orElse("no rule"));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Refuses when the list is not empty; the usual last line of an aggregate's verb. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }
}
