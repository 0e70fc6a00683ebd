package cn.jl.govit.rulebook;

import java.util.List;
import java.util.Objects;

/** Why a derived decision (an approval path, an authority, a change route) came out as it did. */
public record Reason(String rule, String messageKey, List<Object> args) implements Citation {

    public Reason {
        Articles.number(rule);
        Objects.requireNonNull(messageKey, "messageKey");
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Reason of(String rule, String messageKey, Object... args) {
        return new Reason(rule, messageKey, List.of(args));
    }
}
