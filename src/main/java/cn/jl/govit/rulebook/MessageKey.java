package cn.jl.govit.rulebook;

/** An argument of a message that is itself a message key, resolved in the reader's language. */
public record MessageKey(String key) {
}
