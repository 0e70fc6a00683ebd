package cn.jl.govit.approval;

import java.util.List;
import java.util.Map;

/**
 * What a Word document yielded: the text found under each heading that matched the outline (by code), the
 * codes of the chapters and sections no heading matched, and the headings that matched nothing.
 */
public record DocxImport(Map<String, String> contents, List<String> missing, List<String> unmatchedHeadings) {

    public DocxImport {
        contents = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(contents));
        missing = List.copyOf(missing);
        unmatchedHeadings = List.copyOf(unmatchedHeadings);
    }

    /** The matched codes in outline order are those of {@code contents}; this says whether any matched. */
    public boolean matchedAny() {
        return !contents.isEmpty();
    }
}
