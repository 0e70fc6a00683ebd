package cn.jl.govit.rulebook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * Values of a page form, read the same way on every page: a blank field is absent ({@code null}), anything
 * unreadable is a {@code 400} naming the field ({@link InvalidInputException}, {@code problem.field.invalid}). What a
 * value must be beyond its type is the use case's check.
 */
public final class FormFields {

    private FormFields() {
    }

    /** The stripped text, or {@code null} when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static LocalDate date(String field, String value) {
        return parsed(field, value, LocalDate::parse);
    }

    public static UUID uuid(String field, String value) {
        return parsed(field, value, UUID::fromString);
    }

    public static Integer integer(String field, String value) {
        return parsed(field, value, Integer::valueOf);
    }

    public static Long longValue(String field, String value) {
        return parsed(field, value, Long::valueOf);
    }

    /** An amount as typed, thousands separators allowed ({@code 1,200,000.50}). */
    public static BigDecimal decimal(String field, String value) {
        return parsed(field, value, v -> new BigDecimal(v.replace(",", "")));
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        return parsed(field, value, v -> Enum.valueOf(type, v));
    }

    /**
     * A list page's filter: a value it does not know shows the whole list, as a select offers only known values and a
     * hand-edited link should not end in an error page.
     */
    public static <E extends Enum<E>> E filter(Class<E> type, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The value read by {@code parser}: blank is absent, anything the parser refuses a 400 naming the field. */
    public static <T> T parsed(String field, String value, Function<String, T> parser) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        }
        catch (RuntimeException e) {
            throw new InvalidInputException(field, "problem.field.invalid");
        }
    }
}
