package cn.jl.govit.rulebook;

import java.util.List;
import java.util.Objects;

/**
 * A rule of the measures that an action breaks: the rule id, the item it concerns (a chapter code, a
 * field, a material), and a message key with its arguments. Policies return these; they never throw.
 */
public record Violation(String rule, String item, String messageKey, List<Object> args) implements Citation {

    public Violation {
        Articles.number(rule);
        Objects.requireNonNull(messageKey, "messageKey");
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Violation of(String rule, String item, String messageKey, Object... args) {
        return new Violation(rule, item, messageKey, List.of(args));
    }
}
