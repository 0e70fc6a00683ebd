package cn.jl.govit.rulebook;

import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.SmartValidator;

/**
 * Validates a request body where the contract wants it: after authentication, scope and role have been
 * checked ({@code 401 → 404 → 403 → 400}), so that a caller outside scope learns nothing from a 400.
 */
@Component
public class RequestValidator {

    private final SmartValidator validator;

    RequestValidator(SmartValidator validator) {
        this.validator = validator;
    }

    /**
     * A search text from the query string: at most 200 characters and no NUL character, which PostgreSQL
     * can neither store nor compare; {@code null} stays {@code null}.
     */
    public static String searchText(String field, String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > 200) {
            throw new InvalidInputException(field, "problem.field.too-long", 200);
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(field, "problem.field.invalid");
        }
        return text;
    }

    /** Reads a body the controller took as {@link JsonBody} (400 when unreadable) and validates it. */
    public <T> T valid(JsonBody<T> body) {
        return valid(body.read());
    }

    public <T> T valid(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "problem.json.malformed");
        }
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(body, "body");
        validator.validate(body, result);
        if (result.hasErrors()) {
            throw new InvalidRequestException(result);
        }
        return body;
    }

    /** Field errors found by bean validation; answered with {@code 400}. */
    public static class InvalidRequestException extends RuntimeException {

        private final transient BeanPropertyBindingResult result;

        InvalidRequestException(BeanPropertyBindingResult result) {
            super("invalid request: " + result.getErrorCount() + " errors");
            this.result = result;
        }

        public BeanPropertyBindingResult result() {
            return result;
        }
    }
}
