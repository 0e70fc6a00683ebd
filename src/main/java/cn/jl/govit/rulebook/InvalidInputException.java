package cn.jl.govit.rulebook;

import java.util.List;

/**
 * Input that is malformed whatever the measures say (an unknown organisation code, amounts that do not add
 * up): answered with {@code 400} and the fields at fault.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::field).toList().toString());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new FieldError(field, messageKey, List.of(args))));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A field at fault with the message key that says why. */
    public record FieldError(String field, String messageKey, List<Object> args) {
    }
}
