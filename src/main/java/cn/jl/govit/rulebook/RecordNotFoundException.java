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

    public String kind() {
        return kind;
    }
}
