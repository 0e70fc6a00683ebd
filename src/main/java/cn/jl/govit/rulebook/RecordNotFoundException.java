package cn.jl.govit.rulebook;

/**
 * A record that does not exist or lies outside the caller's scope. Both read the same ({@code 404}), so
 * that a caller cannot probe for records it may not see.
 */
public class RecordNotFoundException extends RuntimeException {

    /**
     * The request attribute that marks a {@code 404} as a refusal of a record that exists outside the caller's
     * scope: the answer reads the same, but the audit records it as a failed authorisation.
     */
    public static final String OUT_OF_SCOPE = RecordNotFoundException.class.getName() + ".outOfScope";

    private final String kind;

    public RecordNotFoundException(String kind, Object id) {
        super(kind + " " + id + " not found");
        this.kind = kind;
    }

    /**
     * A record that exists but lies outside the caller's scope: answered as not found, and marked on the current
     * request ({@link #OUT_OF_SCOPE}) so that the refusal is audited.
     */
    public static RecordNotFoundException outOfScope(String kind, Object id) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            attributes.getRequest().setAttribute(OUT_OF_SCOPE, kind + " " + id);
        }
        return new RecordNotFoundException(kind, id);
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
