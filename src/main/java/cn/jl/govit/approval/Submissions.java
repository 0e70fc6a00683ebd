package cn.jl.govit.approval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.document.Documents;
import cn.jl.govit.expert.ReviewPanels;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectScope;
import cn.jl.govit.project.Projects;
import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The use cases of submissions, the same for the pages and the REST API, checked in the contract's order:
 * scope ({@code 404}, through {@link Projects#get}), role ({@code 403}: only the construction unit prepares,
 * edits and files; only the approval authority returns), input ({@code 400}), version ({@code 409}), rules of
 * the measures ({@code 422}). Every change writes one audit event in its transaction.
 */
@Service
public class Submissions {

    private final SubmissionRepository repository;
    private final Projects projects;
    private final CurrentUsers users;
    private final Outlines outlines;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReviewPanels panels;
    private final Documents documents;
    private final OfflineSubmissions offline;

    Submissions(SubmissionRepository repository, Projects projects, CurrentUsers users, Outlines outlines, AuditLog audit,
            ApplicationEventPublisher events, Clock clock, ReviewPanels panels, Documents documents,
            OfflineSubmissions offline) {
        this.offline = offline;
        this.panels = panels;
        this.documents = documents;
        this.events = events;
        this.repository = repository;
        this.projects = projects;
        this.users = users;
        this.outlines = outlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayPrepare(UUID projectId) {
        Project project = projects.get(projectId);
        requireConstructionUnit(project);
        return project;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the construction unit of its project. */
    @Transactional(readOnly = true)
    public Submission checkMayEdit(UUID submissionId) {
        Submission submission = get(submissionId);
        Project project = projects.get(submission.projectId());
        requireConstructionUnit(project);
        refuseClassified(project);
        return submission;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is an approver of the project's authority. */
    @Transactional(readOnly = true)
    public Submission checkMayReturn(UUID submissionId) {
        Submission submission = get(submissionId);
        Project project = projects.get(submission.projectId());
        if (!users.current().isApproverOf(project.approvalAuthority().organizationCode())) {
            throw new AccessDeniedException("only the project's approval authority returns a submission");
        }
        return submission;
    }

    /** The construction unit starts the submission of a stage on its project's path (Art. 9). */
    @Transactional
    public Submission prepare(UUID projectId, Stage stage, SubmissionContent content) {
        Project project = checkMayPrepare(projectId);
        refuseClassified(project);
        SubmissionFacts facts = SubmissionFacts.of(project, stage);
        checkContent(facts.outline(outlines), content);
        checkAttachedDocuments(projectId, content);
        List<Violation> violations = new ArrayList<>();
        if (!project.approvalPath().includes(stage)) {
            violations.add(Violation.of("ART-9", "stage", "violation.ART-9.stage-not-on-path",
                    new MessageKey("enum.Stage." + stage.name()),
                    new MessageKey("enum.ApprovalPathType." + project.approvalPath().type().name())));
        }
        else if (repository.find(projectId, stage).isPresent()) {
            violations.add(Violation.of("ART-9", "stage", "violation.ART-9.submission-exists",
                    new MessageKey("enum.Stage." + stage.name())));
        }
        RuleViolationException.throwIfAny(violations);
        Submission submission = Submission.prepare(UUID.randomUUID(), projectId, stage, content,
                users.current().username(), clock.instant());
        try {
            repository.insert(submission);
        }
        catch (DuplicateKeyException e) {
            throw new RuleViolationException(Violation.of("ART-9", "stage", "violation.ART-9.submission-exists",
                    new MessageKey("enum.Stage." + stage.name())));
        }
        audit.record("SUBMISSION_PREPARED", "Submission", submission.id().toString(), projectId,
                project.code() + " " + stage + ", " + content.chapters().size() + " chapters");
        return submission;
    }

    /**
     * The construction unit opens the re-approval of its project's approved estimate after a change (Art. 23): a
     * revised submission of the last stage of the approval path (the preliminary design, or the feasibility study on
     * a simple path), starting from the content approved, linked to the change request it serves. It is revised,
     * filed through the formal review and decided like any submission, but the project's path does not move. Called
     * by the change module inside its transaction.
     */
    @Transactional
    public Submission openReapproval(UUID projectId, UUID changeRequestId) {
        Project project = checkMayPrepare(projectId);
        Stage stage = project.approvalPath().lastStage();
        if (!project.approvedStages().contains(stage)) {
            throw new RuleViolationException(Violation.of("ART-9", "stage", "violation.ART-9.reapproval-not-approved",
                    new MessageKey("enum.Stage." + stage.name())));
        }
        // the revision starts from the content approved; a classified project's content stays offline (Art. 8)
        SubmissionContent content = project.facts().classified() ? SubmissionContent.empty()
                : repository.find(projectId, stage).map(Submission::content).orElse(SubmissionContent.empty());
        Submission submission = Submission.prepareReapproval(UUID.randomUUID(), projectId, stage, content,
                changeRequestId, users.current().username(), clock.instant());
        repository.insert(submission);
        audit.record("SUBMISSION_REAPPROVAL_OPENED", "Submission", submission.id().toString(), projectId,
                project.code() + " " + stage + " for change request " + changeRequestId);
        events.publishEvent(new SubmissionEvents.ReapprovalOpened(submission.id(), projectId, stage, changeRequestId));
        return repository.findById(submission.id()).orElseThrow();
    }

    /**
     * A submission the caller may see ({@code 404} otherwise): whoever sees its project, and the experts of its
     * review panel (Art. 10), who see this submission and nothing else of the project.
     */
    @Transactional(readOnly = true)
    public Submission get(UUID id) {
        Submission submission = repository.findById(id).orElseThrow(() -> new RecordNotFoundException("Submission", id));
        if (!projects.isVisible(submission.projectId()) && !panels.isReviewer(id)) {
            throw new RecordNotFoundException("Submission", id);
        }
        return submission;
    }

    /** The submissions of a project in path order ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<Submission> forProject(UUID projectId) {
        projects.get(projectId);
        return repository.findByProject(projectId);
    }

    /** What this submission must contain: the stage's outline and the addenda its project's facts add. */
    @Transactional(readOnly = true)
    public SubmissionOutline outline(Submission submission) {
        return facts(submission).outline(outlines);
    }

    /** The formal review of the submission as it stands now; nothing changes. */
    @Transactional(readOnly = true)
    public FormalReview review(Submission submission) {
        return new FormalReviewPolicy(outlines).review(facts(submission), submission.content());
    }

    /** Extra approvals the project's facts call for (Art. 11). */
    @Transactional(readOnly = true)
    public Set<PermitType> requiredPermits(Submission submission) {
        return ExtraPermitsPolicy.required(facts(submission));
    }

    /** Replaces the whole content of a draft or returned submission. */
    @Transactional
    public Submission revise(UUID id, Long expectedVersion, SubmissionContent content) {
        Submission submission = checkMayEdit(id);
        checkContent(outline(submission), content);
        checkAttachedDocuments(submission.projectId(), content);
        checkVersion(submission, expectedVersion);
        submission.revise(content);
        Submission saved = repository.update(submission);
        audit.record("SUBMISSION_REVISED", "Submission", id.toString(), submission.projectId(),
                submission.stage() + ", " + content.chapters().size() + " chapters");
        return saved;
    }

    /** Replaces one chapter or section of a draft or returned submission. */
    @Transactional
    public Submission reviseChapter(UUID id, Long expectedVersion, ChapterEntry entry) {
        Submission submission = checkMayEdit(id);
        OutlineItem item = outline(submission).find(entry.code())
                .orElseThrow(() -> new RecordNotFoundException("Chapter", entry.code()));
        if (item.hasSections()) {
            throw new InvalidInputException("code", "submission.chapter.has-sections", entry.code());
        }
        checkEntry(entry, "", new ArrayList<>());
        checkVersion(submission, expectedVersion);
        submission.revise(submission.content().withChapter(entry));
        Submission saved = repository.update(submission);
        audit.record("SUBMISSION_CHAPTER_REVISED", "Submission", id.toString(), submission.projectId(),
                submission.stage() + " " + entry.code() + (entry.markedNotApplicable() ? " not applicable" : ""));
        return saved;
    }

    /**
     * Reads a Word document into the submission: the text under each heading that matches a chapter or section
     * of its outline replaces that item's content; answers what matched, what is missing and what matched nothing.
     */
    @Transactional
    public DocxResult importDocx(UUID id, Long expectedVersion, byte[] docx) {
        Submission submission = checkMayEdit(id);
        SubmissionOutline outline = outline(submission);
        DocxImport result = new DocxOutlineReader().read(docx, outline);
        checkVersion(submission, expectedVersion);
        Map<String, ChapterEntry> entries = new LinkedHashMap<>();
        for (OutlineItem leaf : outline.leaves()) {
            String text = result.contents().get(leaf.code());
            if (text != null && !text.isBlank()) {
                entries.put(leaf.code(), ChapterEntry.written(leaf.code(), text));
            }
        }
        submission.revise(submission.content().withChapters(entries));
        Submission saved = repository.update(submission);
        audit.record("SUBMISSION_DOCX_IMPORTED", "Submission", id.toString(), submission.projectId(),
                submission.stage() + ": " + entries.size() + " chapters read, missing " + result.missing());
        return new DocxResult(saved, result);
    }

    /**
     * Files the submission: the formal review must pass, and the project must accept the stage (its
     * construction mode decided, Art. 7; the stage next on its path, Art. 9). Every violation is named at once.
     */
    @Transactional
    public Submission submit(UUID id, Long expectedVersion) {
        Submission submission = checkMayEdit(id);
        checkVersion(submission, expectedVersion);
        List<Violation> violations = new ArrayList<>();
        if (!submission.status().editable()) {
            violations.add(Violation.of("ART-9", "status", "violation.ART-9.submission-not-editable",
                    new MessageKey("enum.SubmissionStatus." + submission.status().name())));
            throw new RuleViolationException(violations);
        }
        if (submission.isReapproval()) {
            // the stage was approved already: a re-approval changes a project under construction, not its path
            violations.addAll(projects.get(submission.projectId()).constructionRecordsRefused());
        }
        else {
            try {
                projects.submitStage(submission.projectId(), submission.stage());
            }
            catch (RuleViolationException e) {
                violations.addAll(e.violations());
            }
        }
        FormalReview review = review(submission);
        violations.addAll(review.violations());
        RuleViolationException.throwIfAny(violations);
        submission.submit(review, clock.instant());
        Submission saved = repository.update(submission);
        repository.insertVersion(new SubmissionVersion(id, saved.revision(), saved.submittedAt(),
                users.current().username(), saved.content()));
        audit.record("SUBMISSION_SUBMITTED", "Submission", id.toString(), submission.projectId(),
                submission.stage() + " revision " + saved.revision());
        events.publishEvent(new SubmissionEvents.SubmissionFiled(id, saved.projectId(), saved.stage(), saved.revision()));
        return saved;
    }

    /**
     * The approval authority returns a filed submission for revision, saying why; the construction unit then
     * revises and files it again. Called by the decision procedure; guarded here as well.
     */
    @Transactional
    public Submission returnForRevision(UUID submissionId, String reason) {
        Submission submission = checkMayReturn(submissionId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "problem.field.required");
        }
        if (reason.length() > 20_000 || reason.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("reason", "problem.field.invalid");
        }
        submission.returnForRevision(reason.strip());
        Submission saved = repository.update(submission);
        audit.record("SUBMISSION_RETURNED", "Submission", submissionId.toString(), submission.projectId(),
                submission.stage() + " revision " + submission.revision());
        events.publishEvent(new SubmissionEvents.SubmissionReturned(submissionId, saved.projectId(), saved.stage(),
                saved.revision()));
        return saved;
    }

    /** Every filed version, oldest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<SubmissionVersion> versions(UUID id) {
        get(id);
        return repository.versions(id);
    }

    /** Whether the signed-in user edits this submission now; the pages show the forms only then. */
    @Transactional(readOnly = true)
    public boolean canEdit(Submission submission) {
        return submission.status().editable() && isConstructionUnit(submission.projectId());
    }

    @Transactional(readOnly = true)
    public boolean isConstructionUnit(UUID projectId) {
        return users.find().map(u -> ProjectScope.isConstructionUnit(u, projects.find(projectId))).orElse(false);
    }

    private SubmissionFacts facts(Submission submission) {
        return SubmissionFacts.of(projects.find(submission.projectId()), submission.stage());
    }

    private void requireConstructionUnit(Project project) {
        if (!ProjectScope.isConstructionUnit(users.current(), project)) {
            throw new AccessDeniedException("only the construction unit prepares and files submissions");
        }
    }

    private static void checkVersion(Submission submission, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != submission.version()) {
            throw new OptimisticLockingFailureException("submission " + submission.id() + " is at version "
                    + submission.version());
        }
    }

    /** Input that is malformed whatever the measures say: unknown or repeated codes, text with NUL characters. */
    /**
     * Classified content never enters this (non-classified) platform (Art. 8): a classified project's submission is
     * filed offline and registered here by its carrier reference only.
     */
    private static void refuseClassified(Project project) {
        if (project.facts().classified()) {
            throw new RuleViolationException(Violation.of("ART-8", "classified", "violation.ART-8.classified-content"));
        }
    }

    /**
     * The construction unit of a classified project files a stage offline (Art. 8): the platform records the carrier
     * reference, the project accepts the stage (Art. 7, 9), and the authority decides on the offline material. An
     * open re-approval of the stage after a change (Art. 23) is filed the same way, the project's path unmoved.
     */
    @Transactional
    public Submission fileOffline(UUID projectId, Stage stage, String offlineReference) {
        Project project = checkMayPrepare(projectId);
        if (offlineReference == null || offlineReference.isBlank()) {
            throw new InvalidInputException("offlineReference", "problem.field.required");
        }
        if (offlineReference.length() > 200 || offlineReference.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("offlineReference", "problem.field.too-long", 200);
        }
        if (!project.facts().classified()) {
            throw new RuleViolationException(Violation.of("ART-8", "offlineReference", "violation.ART-8.not-classified-offline"));
        }
        // a re-approval after a change (Art. 23) of a classified project is filed offline like its first approval
        Submission submission = repository.findByProject(projectId).stream()
                .filter(s -> s.isReapproval() && s.stage() == stage && s.status().editable()).findFirst()
                .or(() -> repository.find(projectId, stage)).orElse(null);
        boolean created = submission == null;
        if (created) {
            submission = Submission.prepare(UUID.randomUUID(), projectId, stage, SubmissionContent.empty(),
                    users.current().username(), clock.instant());
        }
        if (submission.isReapproval()) {
            RuleViolationException.throwIfAny(project.constructionRecordsRefused());
        }
        else {
            projects.submitStage(projectId, stage);
        }
        submission.fileOffline(clock.instant());
        Submission saved;
        if (created) {
            repository.insert(submission);
            saved = repository.findById(submission.id()).orElseThrow();
        }
        else {
            saved = repository.update(submission);
        }
        offline.register(saved.id(), saved.revision(), offlineReference.strip(), users.current().username(), clock.instant());
        repository.insertVersion(new SubmissionVersion(saved.id(), saved.revision(), saved.submittedAt(),
                users.current().username(), saved.content()));
        audit.record("SUBMISSION_FILED_OFFLINE", "Submission", saved.id().toString(), projectId,
                stage + " revision " + saved.revision() + ", carrier " + offlineReference.strip());
        return saved;
    }

    /** The offline carrier references of a classified submission, one per filing. */
    @Transactional(readOnly = true)
    public List<OfflineSubmissions.Reference> offlineReferences(UUID submissionId) {
        get(submissionId);
        return offline.references(submissionId);
    }

    /** Each attachment names a document stored for this project (uploaded or registered offline). */
    private void checkAttachedDocuments(UUID projectId, SubmissionContent content) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < content.attachments().size(); i++) {
            AttachmentRef a = content.attachments().get(i);
            boolean ours;
            try {
                ours = documents.get(a.documentId()).projectId().equals(projectId);
            }
            catch (RecordNotFoundException e) {
                ours = false;
            }
            if (!ours) {
                errors.add(new FieldError("attachments[" + i + "].documentId", "submission.attachment.document-unknown",
                        List.of(a.code())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    static void checkContent(SubmissionOutline outline, SubmissionContent content) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < content.chapters().size(); i++) {
            ChapterEntry entry = content.chapters().get(i);
            String field = "chapters[" + i + "]";
            OutlineItem item = outline.find(entry.code()).orElse(null);
            if (item == null) {
                errors.add(new FieldError(field + ".code", "submission.chapter.unknown", List.of(entry.code())));
            }
            else if (item.hasSections()) {
                errors.add(new FieldError(field + ".code", "submission.chapter.has-sections", List.of(entry.code())));
            }
            else if (!seen.add(entry.code())) {
                errors.add(new FieldError(field + ".code", "submission.chapter.duplicate", List.of(entry.code())));
            }
            checkEntry(entry, field + ".", errors);
        }
        Set<String> attachments = new HashSet<>();
        for (int i = 0; i < content.attachments().size(); i++) {
            AttachmentRef a = content.attachments().get(i);
            String field = "attachments[" + i + "].code";
            if (outline.main().attachment(a.code()).isEmpty()) {
                errors.add(new FieldError(field, "submission.attachment.unknown", List.of(a.code())));
            }
            else if (!attachments.add(a.code())) {
                errors.add(new FieldError(field, "submission.chapter.duplicate", List.of(a.code())));
            }
        }
        Set<PermitType> permits = new HashSet<>();
        for (int i = 0; i < content.extraPermits().size(); i++) {
            ExtraPermit p = content.extraPermits().get(i);
            if (!permits.add(p.type())) {
                errors.add(new FieldError("extraPermits[" + i + "].type", "submission.chapter.duplicate",
                        List.of(p.type().name())));
            }
            nul(p.reference(), "extraPermits[" + i + "].reference", errors);
        }
        for (int i = 0; i < content.informationResources().size(); i++) {
            InformationResource r = content.informationResources().get(i);
            String field = "informationResources[" + i + "].";
            nul(r.name(), field + "name", errors);
            nul(r.shareCondition(), field + "shareCondition", errors);
            nul(r.notSharedReason(), field + "notSharedReason", errors);
        }
        nul(content.securityReliabilityStatement(), "securityReliabilityStatement", errors);
        nul(content.cryptoPlan(), "cryptoPlan", errors);
        nul(content.cloudResources(), "cloudResources", errors);
        nul(content.stateExemption(), "stateExemption", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void checkEntry(ChapterEntry entry, String prefix, List<FieldError> errors) {
        if (entry.hasContent() && entry.markedNotApplicable()) {
            errors.add(new FieldError(prefix + "notApplicable", "submission.chapter.both", List.of(entry.code())));
        }
        if (entry.hasContent() && entry.content().length() > ChapterEntry.MAX_CONTENT) {
            errors.add(new FieldError(prefix + "content", "problem.field.too-long", List.of(ChapterEntry.MAX_CONTENT)));
        }
        nul(entry.content(), prefix + "content", errors);
        nul(entry.notApplicable(), prefix + "notApplicable", errors);
        if (prefix.isEmpty() && !errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void nul(String text, String field, List<FieldError> errors) {
        if (text != null && text.indexOf('\u0000') >= 0) {
            errors.add(new FieldError(field, "problem.field.invalid", List.of()));
        }
    }

    /** A submission after a Word import, with what the import found. */
    public record DocxResult(Submission submission, DocxImport docx) {
    }
}
