package cn.jl.govit.rulebook;

/**
 * A record that does not exist or lies outside the caller's scope. Both read the same ({@code 404}), so
 * that a caller cannot probe for records it may not see.
 */
public class RecordNotFoundException extends RuntimeException {

    private final String kind;

    public RecordNotFoundException(String kind, Object id) {
        super(kind + " " + id + " not found");
        this.kind = kind;
    }

    /** The id in a page's address: text that is no id names no record, so it reads as not found ({@code 404}). */
    public static java.util.UUID idOf(String kind, String text) {
        try {
            return java.util.UUID.fromString(text);
        }
        catch (IllegalArgumentException e) {
            throw new RecordNotFoundException(kind, text);
        }
    }

    public String kind() {
        return kind;
    }
}
