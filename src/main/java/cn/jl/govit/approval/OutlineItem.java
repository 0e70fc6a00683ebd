package cn.jl.govit.approval;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A chapter, section or attachment of an outline (Annexes 1–3). A chapter with sections carries no content of
 * its own; its sections do. {@code required == false} lets the unit mark the item "not applicable" with a
 * reason (an attachment: leave it out); {@code gate} names the rule that makes the item impossible to skip.
 */
public record OutlineItem(String code, String title, boolean required, String gate, List<OutlineItem> sections) {

    /** The rule a missing required item breaks when the outline names no gate: the stage's content (Art. 9). */
    public static final String DEFAULT_RULE = "ART-9";

    public OutlineItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public boolean hasSections() {
        return !sections.isEmpty();
    }

    /** The rule cited when this item is missing or wrongly marked "not applicable". */
    public String rule() {
        return gate != null ? gate : DEFAULT_RULE;
    }

    /** The title in the reader's language ({@code outline.<code>} in the approval bundle) as a message argument. */
    public cn.jl.govit.rulebook.MessageKey titleKey() {
        return new cn.jl.govit.rulebook.MessageKey("outline." + code);
    }

    /** This item and its sections, in outline order. */
    public Stream<OutlineItem> flatten() {
        return Stream.concat(Stream.of(this), sections.stream().flatMap(OutlineItem::flatten));
    }

    /** The items that carry content: this one when it has no sections, else its sections. */
    public Stream<OutlineItem> leaves() {
        return hasSections() ? sections.stream().flatMap(OutlineItem::leaves) : Stream.of(this);
    }
}
