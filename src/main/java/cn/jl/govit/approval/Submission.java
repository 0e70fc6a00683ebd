package cn.jl.govit.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * A submission (申报材料) of one stage of a project's approval path, prepared by the construction unit. It is
 * edited as a {@code DRAFT}, filed ({@code SUBMITTED}) once its formal review passes, and may come back
 * {@code RETURNED} from the approval authority to be revised and filed again; each filing is a new revision,
 * kept as it was filed.
 */
public class Submission {

    private final UUID id;
    private final UUID projectId;
    private final Stage stage;
    private final String createdBy;
    private final Instant createdAt;
    private SubmissionStatus status;
    private SubmissionContent content;
    private int revision;
    private String returnReason;
    private Instant submittedAt;
    private long version;
    private final UUID changeRequestId;

    /** Restores a submission as stored. */
    public Submission(UUID id, UUID projectId, Stage stage, String createdBy, Instant createdAt,
            SubmissionStatus status, SubmissionContent content, int revision, String returnReason, Instant submittedAt,
            long version) {
        this(id, projectId, stage, createdBy, createdAt, status, content, revision, returnReason, submittedAt, version,
                null);
    }

    /**
     * Restores a submission as stored; {@code changeRequestId} names the change request whose re-approval it
     * carries (Art. 23), {@code null} for the original submission of its stage.
     */
    public Submission(UUID id, UUID projectId, Stage stage, String createdBy, Instant createdAt,
            SubmissionStatus status, SubmissionContent content, int revision, String returnReason, Instant submittedAt,
            long version, UUID changeRequestId) {
        this.changeRequestId = changeRequestId;
        this.id = Objects.requireNonNull(id);
        this.projectId = Objects.requireNonNull(projectId);
        this.stage = Objects.requireNonNull(stage);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = Objects.requireNonNull(status);
        this.content = Objects.requireNonNull(content);
        this.revision = revision;
        this.returnReason = returnReason;
        this.submittedAt = submittedAt;
        this.version = version;
    }

    /** The construction unit starts the submission of a stage. */
    public static Submission prepare(UUID id, UUID projectId, Stage stage, SubmissionContent content, String createdBy,
            Instant createdAt) {
        return new Submission(id, projectId, stage, createdBy, createdAt, SubmissionStatus.DRAFT, content, 0, null,
                null, 0);
    }

    /**
     * The construction unit revises an approved stage for re-approval after a change (Art. 23: 调整可行性研究报告、
     * 初步设计，并报送项目审批部门重新审批): a new draft of that stage, starting from the approved content.
     */
    public static Submission prepareReapproval(UUID id, UUID projectId, Stage stage, SubmissionContent content,
            UUID changeRequestId, String createdBy, Instant createdAt) {
        return new Submission(id, projectId, stage, createdBy, createdAt, SubmissionStatus.DRAFT, content, 0, null,
                null, 0, java.util.Objects.requireNonNull(changeRequestId));
    }

    /** Replaces the whole content; only a draft or a returned submission. */
    public void revise(SubmissionContent content) {
        requireEditable();
        this.content = Objects.requireNonNull(content);
    }

    /** Files the submission: its formal review must have passed (Art. 9). A new revision is kept. */
    public void submit(FormalReview review, Instant at) {
        requireEditable();
        RuleViolationException.throwIfAny(review.violations());
        status = SubmissionStatus.SUBMITTED;
        revision++;
        submittedAt = at;
        returnReason = null;
    }

    /**
     * Files the submission of a classified project: its content stays offline (Art. 8) and is registered by its
     * carrier reference, so there is no online formal review. A new revision is kept.
     */
    public void fileOffline(Instant at) {
        requireEditable();
        status = SubmissionStatus.SUBMITTED;
        revision++;
        submittedAt = at;
        returnReason = null;
    }

    /** The approval authority sends the filed submission back for revision, saying why. */
    public void returnForRevision(String reason) {
        if (status != SubmissionStatus.SUBMITTED) {
            throw new RuleViolationException(Violation.of("ART-9", "status", "violation.ART-9.submission-not-submitted",
                    new MessageKey("enum.SubmissionStatus." + status.name())));
        }
        status = SubmissionStatus.RETURNED;
        returnReason = Objects.requireNonNull(reason);
    }

    private void requireEditable() {
        if (!status.editable()) {
            throw new RuleViolationException(Violation.of("ART-9", "status", "violation.ART-9.submission-not-editable",
                    new MessageKey("enum.SubmissionStatus." + status.name())));
        }
    }

    public UUID id() { return id; }
    public UUID projectId() { return projectId; }
    public Stage stage() { return stage; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public SubmissionStatus status() { return status; }
    public SubmissionContent content() { return content; }
    public int revision() { return revision; }
    public String returnReason() { return returnReason; }
    public Instant submittedAt() { return submittedAt; }
    public long version() { return version; }
    public UUID changeRequestId() { return changeRequestId; }

    /** Whether this submission re-approves an approved stage after a change (Art. 23), not a stage's first approval. */
    public boolean isReapproval() { return changeRequestId != null; }
}
