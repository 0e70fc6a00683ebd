package cn.jl.govit.rulebook;

import java.util.Map;
import java.util.Objects;

/** One rule the platform enforces, with the policy parameters that shape it (name ⇒ current value). */
public record RuleDefinition(String id, Map<String, Object> parameters) {

    public RuleDefinition {
        Articles.number(id);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static RuleDefinition of(String id) {
        return new RuleDefinition(id, Map.of());
    }

    public String article() {
        return Articles.chinese(id);
    }

    /** Message key of the rule's one-line summary. */
    public String summaryKey() {
        return "rule." + Objects.requireNonNull(id) + ".summary";
    }
}
