package cn.jl.govit.approval;

import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 9 with Annexes 1–3: every chapter and section of an outline is answered. A required one has content,
 * never "not applicable" (its gate rule, else {@code ART-9}); one with {@code required: false} has content or
 * is marked not applicable with a reason. The sharing chapter (FS4.4, PD4.4) is gated by {@code ART-13-2}, the
 * cryptography design (PD4.10) by {@code ART-17} and so on, as the outline names them.
 */
record OutlineCompletenessPolicy() {

    List<Violation> check(Outline outline, SubmissionContent content) {
        List<Violation> violations = new ArrayList<>();
        for (OutlineItem item : outline.leaves()) {
            ChapterEntry entry = content.chapter(item.code()).orElse(null);
            if (entry != null && entry.markedNotApplicable() && item.required()) {
                violations.add(Violation.of(item.rule(), item.code(), "violation." + item.rule() + ".not-applicable",
                        item.code(), item.titleKey()));
            }
            else if (entry == null || (!entry.hasContent() && !entry.markedNotApplicable())) {
                violations.add(item.required()
                        ? Violation.of(item.rule(), item.code(), "violation." + item.rule() + ".chapter-missing",
                                item.code(), item.titleKey())
                        : Violation.of(item.rule(), item.code(), "violation.ART-9.chapter-unanswered", item.code(),
                                item.title()));
            }
        }
        return violations;
    }
}
