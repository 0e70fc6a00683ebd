package cn.jl.govit.approval;

import java.util.List;
import java.util.Optional;

/** The outline of one document (a stage's submission, or an addendum): its chapters and attachments. */
public record Outline(String name, List<OutlineItem> chapters, List<OutlineItem> attachments) {

    public Outline {
        chapters = List.copyOf(chapters);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The chapters and sections that carry content, in outline order. */
    public List<OutlineItem> leaves() {
        return chapters.stream().flatMap(OutlineItem::leaves).toList();
    }

    /** Every chapter and section, parents before their sections. */
    public List<OutlineItem> items() {
        return chapters.stream().flatMap(OutlineItem::flatten).toList();
    }

    public Optional<OutlineItem> find(String code) {
        return items().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<OutlineItem> attachment(String code) {
        return attachments.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
