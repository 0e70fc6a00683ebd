package cn.jl.govit.approval.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cn.jl.govit.approval.AttachmentRef;
import cn.jl.govit.approval.ChapterEntry;
import cn.jl.govit.approval.DocxImport;
import cn.jl.govit.approval.ExtraPermit;
import cn.jl.govit.approval.FormalReview;
import cn.jl.govit.approval.InformationResource;
import cn.jl.govit.approval.Outline;
import cn.jl.govit.approval.OutlineItem;
import cn.jl.govit.approval.Submission;
import cn.jl.govit.approval.SubmissionContent;
import cn.jl.govit.approval.SubmissionStatus;
import cn.jl.govit.approval.SubmissionVersion;
import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.CitationMessages.CitationView;

/**
 * A submission as the API shows it, with its formal review as it stands; {@code changeRequestId} is set on a
 * re-approval after a change (Art. 23).
 */
record SubmissionView(UUID id, UUID projectId, Stage stage, SubmissionStatus status, int revision, long version,
        List<ChapterEntry> chapters, List<AttachmentRef> attachments, List<InformationResource> informationResources,
        String securityReliabilityStatement, String cryptoPlan, String cloudResources, String stateExemption,
        List<ExtraPermit> extraPermits, String returnReason, String createdBy, Instant createdAt, Instant submittedAt,
        ReviewView formalReview, UUID changeRequestId) {

    static SubmissionView of(Submission s, FormalReview review, CitationMessages messages, Locale locale) {
        SubmissionContent c = s.content();
        return new SubmissionView(s.id(), s.projectId(), s.stage(), s.status(), s.revision(), s.version(), c.chapters(),
                c.attachments(), c.informationResources(), c.securityReliabilityStatement(), c.cryptoPlan(),
                c.cloudResources(), c.stateExemption(), c.extraPermits(), s.returnReason(), s.createdBy(), s.createdAt(),
                s.submittedAt(), ReviewView.of(review, messages, locale), s.changeRequestId());
    }

    /** The formal review: passed, or every violation with its rule, article, item and message. */
    record ReviewView(boolean passed, List<CitationView> violations) {

        static ReviewView of(FormalReview review, CitationMessages messages, Locale locale) {
            return new ReviewView(review.passed(), review.violations().stream().map(v -> messages.view(v, locale)).toList());
        }
    }

    /** A filed version, as it was filed. */
    record VersionView(int revision, Instant submittedAt, String submittedBy, SubmissionContent content) {

        static VersionView of(SubmissionVersion v) {
            return new VersionView(v.revision(), v.submittedAt(), v.submittedBy(), v.content());
        }
    }

    /** The answer to a Word upload: the submission and what the document yielded. */
    record DocxView(SubmissionView submission, List<String> matched, List<String> missing, List<String> unmatchedHeadings) {

        static DocxView of(SubmissionView submission, DocxImport docx) {
            return new DocxView(submission, List.copyOf(docx.contents().keySet()),
                    docx.missing(), docx.unmatchedHeadings());
        }
    }

    /** An outline as the API shows it. */
    record OutlineView(Stage stage, List<OutlineItem> chapters, List<OutlineItem> attachments,
            List<OutlineItem> emergencyAddendum, List<OutlineItem> crossDepartmentAddendum) {

        static OutlineView of(Stage stage, Outline outline, Outline emergency, Outline crossDepartment) {
            return new OutlineView(stage, outline.chapters(), outline.attachments(), emergency.chapters(),
                    crossDepartment.chapters());
        }
    }
}
