package cn.jl.govit.approval.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.jl.govit.approval.ChapterEntry;
import cn.jl.govit.approval.ExtraPermit;
import cn.jl.govit.approval.InformationResource;
import cn.jl.govit.approval.OutlineItem;
import cn.jl.govit.approval.PermitType;
import cn.jl.govit.approval.SubmissionContent;
import cn.jl.govit.approval.SubmissionOutline;
import cn.jl.govit.rulebook.CitationMessages.CitationView;

/** What the submission pages show; no rule is decided here. */
final class SubmissionPageViews {

    private SubmissionPageViews() {
    }

    /** The state of one checklist line. */
    enum ItemState { WRITTEN, NOT_APPLICABLE, MISSING, PARENT }

    /**
     * One line of the outline checklist and its editor: a chapter with sections is a heading only; a leaf has
     * its text, its "not applicable" reason where the outline allows one, and the violations that concern it.
     */
    record Item(String code, String title, boolean section, boolean leaf, boolean optional, String gate, String content,
            String notApplicable, ItemState state, List<CitationView> violations) {

        public boolean hasViolations() {
            return !violations.isEmpty();
        }
    }

    static List<Item> items(SubmissionOutline outline, SubmissionContent content, Map<String, List<CitationView>> byItem,
            Function<OutlineItem, String> titles) {
        List<Item> items = new ArrayList<>();
        for (var part : outline.parts()) {
            for (OutlineItem chapter : part.chapters()) {
                add(items, chapter, false, content, byItem, titles);
                for (OutlineItem section : chapter.sections()) {
                    add(items, section, true, content, byItem, titles);
                }
            }
        }
        return items;
    }

    private static void add(List<Item> items, OutlineItem item, boolean section, SubmissionContent content,
            Map<String, List<CitationView>> byItem, Function<OutlineItem, String> titles) {
        List<CitationView> violations = byItem.getOrDefault(item.code(), List.of());
        if (item.hasSections()) {
            items.add(new Item(item.code(), titles.apply(item), section, false, !item.required(), item.gate(), null, null,
                    ItemState.PARENT, violations));
            return;
        }
        ChapterEntry entry = content.chapter(item.code()).orElse(null);
        ItemState state = entry == null ? ItemState.MISSING
                : entry.hasContent() ? ItemState.WRITTEN
                : entry.markedNotApplicable() ? ItemState.NOT_APPLICABLE : ItemState.MISSING;
        items.add(new Item(item.code(), titles.apply(item), section, true, !item.required(), item.gate(),
                entry == null ? null : entry.content(), entry == null ? null : entry.notApplicable(), state, violations));
    }

    /** Violations by the item they concern; those on an information resource also under "informationResources". */
    static Map<String, List<CitationView>> byItem(List<CitationView> violations) {
        Map<String, List<CitationView>> byItem = new LinkedHashMap<>();
        for (CitationView v : violations) {
            String item = v.item() == null ? "" : v.item();
            byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(v);
            if (item.startsWith("informationResources[")) {
                byItem.computeIfAbsent("informationResources", k -> new ArrayList<>()).add(v);
            }
        }
        return byItem;
    }

    /** A row of the information resource catalogue form; blank rows let the unit add entries. */
    record ResourceRow(int index, String name, String shareType, String shareCondition, String notSharedReason) {

        static List<ResourceRow> of(List<InformationResource> resources, int blank) {
            List<ResourceRow> rows = new ArrayList<>();
            for (InformationResource r : resources) {
                rows.add(new ResourceRow(rows.size(), r.name(), r.shareType() == null ? null : r.shareType().name(),
                        r.shareCondition(), r.notSharedReason()));
            }
            for (int i = 0; i < blank; i++) {
                rows.add(new ResourceRow(rows.size(), null, null, null, null));
            }
            return rows;
        }
    }

    /** An extra approval of Art. 11: offered when the facts call for it or when one was given. */
    record PermitRow(PermitType type, boolean required, String reference) {

        static List<PermitRow> of(Set<PermitType> required, List<ExtraPermit> given) {
            List<PermitRow> rows = new ArrayList<>();
            for (PermitType type : PermitType.values()) {
                String reference = given.stream().filter(p -> p.type() == type).map(ExtraPermit::reference).findFirst()
                        .orElse(null);
                if (required.contains(type) || reference != null) {
                    rows.add(new PermitRow(type, required.contains(type), reference));
                }
            }
            return rows;
        }
    }

    /** An attachment line of the form (PA1–PA5). */
    record AttachmentRow(String code, String title, boolean optional, String documentId, List<CitationView> violations) {
    }
}
