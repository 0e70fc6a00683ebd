package cn.jl.govit.approval;

import java.util.Objects;

/**
 * The unit's text for one chapter or section (Markdown), or its reason why the item does not apply.
 *
 * @param content the text, {@code null} when not written
 * @param notApplicable the reason the item does not apply, {@code null} when it does
 */
public record ChapterEntry(String code, String content, String notApplicable) {

    /** The most text one chapter or section holds. */
    public static final int MAX_CONTENT = 200_000;

    public ChapterEntry {
        Objects.requireNonNull(code, "code");
        content = blankToNull(content);
        notApplicable = blankToNull(notApplicable);
    }

    public static ChapterEntry written(String code, String content) {
        return new ChapterEntry(code, content, null);
    }

    public static ChapterEntry notApplicable(String code, String reason) {
        return new ChapterEntry(code, null, reason);
    }

    public boolean hasContent() {
        return content != null;
    }

    public boolean markedNotApplicable() {
        return notApplicable != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
