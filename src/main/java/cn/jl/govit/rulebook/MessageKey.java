package cn.jl.govit.rulebook;

import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/** An argument of a message that is itself a message key, resolved in the reader's language. */
public record MessageKey(String key) {

    /** Message arguments as a {@code MessageSource} takes them: keys become resolvables, the rest stays. */
    public static Object[] arguments(List<Object> args) {
        return args.stream()
                .map(a -> a instanceof MessageKey k ? new DefaultMessageSourceResolvable(new String[] {k.key()}, k.key()) : a)
                .toArray();
    }
}
