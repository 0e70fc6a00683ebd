package cn.jl.govit.rulebook;

/**
 * Optimistic concurrency at the API's edge: the version a client read comes back as {@code If-Match} or
 * as a {@code version} field; when both are given they must agree.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version the client expects, or {@code null} when it named none. */
    public static Long expected(String ifMatch, Long bodyVersion) {
        Long header = null;
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
            String value = ifMatch.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            value = value.replace("\"", "");
            try {
                header = Long.parseLong(value);
            }
            catch (NumberFormatException e) {
                throw new InvalidInputException("If-Match", "problem.if-match");
            }
            if (header < 0) {
                throw new InvalidInputException("If-Match", "problem.if-match");
            }
        }
        if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
            throw new InvalidInputException("version", "problem.version.mismatch");
        }
        return header != null ? header : bodyVersion;
    }
}
