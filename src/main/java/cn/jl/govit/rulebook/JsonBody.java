package cn.jl.govit.rulebook;

import java.util.function.Supplier;

/**
 * A JSON request body that the controller reads when it asks for it: after authentication, scope and role
 * have been checked. The API contract orders its answers {@code 401 → 404 → 403 → 400}; a body read by the
 * framework before the controller runs would answer a malformed body with {@code 400} even to a caller
 * outside scope or without the role. Reading fails as an unreadable message does ({@code 400} with the
 * field at fault); a body that is not JSON at all is refused at once ({@code 415}).
 *
 * @param <T> the request type the body is read into
 */
public final class JsonBody<T> {

    private final Supplier<T> reader;

    public JsonBody(Supplier<T> reader) {
        this.reader = reader;
    }

    /** The body as a {@code T}; never {@code null}. */
    public T read() {
        return reader.get();
    }
}
