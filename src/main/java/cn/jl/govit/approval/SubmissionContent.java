package cn.jl.govit.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a submission says: its chapters (by outline code), attachments, information resource catalogue
 * (Art. 13), the secure-and-reliable statement (Art. 18), the cryptography plan (Art. 17), the resources
 * requested from Jilin Xiangyun and a state exemption for a new cloud or data platform (Art. 19), and the
 * extra approvals of Art. 11.
 */
public record SubmissionContent(List<ChapterEntry> chapters, List<AttachmentRef> attachments,
        List<InformationResource> informationResources, String securityReliabilityStatement, String cryptoPlan,
        String cloudResources, String stateExemption, List<ExtraPermit> extraPermits) {

    public SubmissionContent {
        chapters = chapters == null ? List.of() : List.copyOf(chapters);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        informationResources = informationResources == null ? List.of() : List.copyOf(informationResources);
        extraPermits = extraPermits == null ? List.of() : List.copyOf(extraPermits);
    }

    public static SubmissionContent empty() {
        return new SubmissionContent(List.of(), List.of(), List.of(), null, null, null, null, List.of());
    }

    public Optional<ChapterEntry> chapter(String code) {
        return chapters.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<AttachmentRef> attachment(String code) {
        return attachments.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** The same content with one chapter replaced (or added). */
    public SubmissionContent withChapter(ChapterEntry entry) {
        return withChapters(Map.of(entry.code(), entry));
    }

    /** The same content with the given chapters replaced (or added); the others stay. */
    public SubmissionContent withChapters(Map<String, ChapterEntry> replaced) {
        List<ChapterEntry> out = new ArrayList<>();
        for (ChapterEntry c : chapters) {
            out.add(replaced.getOrDefault(c.code(), c));
        }
        replaced.values().stream().filter(e -> chapter(e.code()).isEmpty()).forEach(out::add);
        return new SubmissionContent(out, attachments, informationResources, securityReliabilityStatement, cryptoPlan,
                cloudResources, stateExemption, extraPermits);
    }
}
