package cn.jl.govit.document;

/**
 * Client file names for display only: the last path segment, without control or bidirectional-override
 * characters and characters that break headers, at most 200 characters; blank ⇒ {@code document}.
 */
public final class Filenames {

    static final int MAX_LENGTH = 200;

    private Filenames() {
    }

    public static String sanitize(String filename) {
        if (filename == null) {
            return "document";
        }
        String name = filename;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder out = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && c != '"' && c != ';' && c != '<' && c != '>'
                && Character.getType(c) != Character.FORMAT && c != '\u2028' && c != '\u2029')
                .forEach(out::appendCodePoint);
        String clean = out.toString().strip();
        while (clean.startsWith(".")) {
            clean = clean.substring(1);
        }
        if (clean.codePointCount(0, clean.length()) > MAX_LENGTH) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_LENGTH));
        }
        return clean.isBlank() ? "document" : clean;
    }
}
