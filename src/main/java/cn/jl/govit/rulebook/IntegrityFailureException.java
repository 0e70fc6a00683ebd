package cn.jl.govit.rulebook;

/**
 * Stored content failed its integrity check (an SM3 digest or the audit chain does not match): not the caller's
 * fault, answered as a server-side integrity problem and logged for the administrators, never as a generic error.
 */
public class IntegrityFailureException extends RuntimeException {

    public IntegrityFailureException(String message) {
        super(message);
    }
}
