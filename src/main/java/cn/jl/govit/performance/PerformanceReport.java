package cn.jl.govit.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The annual performance evaluation report (年度绩效评价报告) of one project for one year (Art. 20). The construction
 * unit edits it as a {@code DRAFT} and submits it once every part is present ({@link PerformanceReportPolicy}); the
 * approval authority then accepts it or returns it with an opinion, and a returned report is revised and submitted
 * again. Each submission is a new revision, kept as it was submitted. A report first submitted after its due date
 * is late: it still fulfils the year's obligation, and shows as late.
 */
public class PerformanceReport {

    private final UUID id;
    private final UUID projectId;
    private final int year;
    private final String createdBy;
    private final Instant createdAt;
    private PerformanceReportStatus status;
    private PerformanceReportContent content;
    private int revision;
    private LocalDate dueDate;
    private LocalDate firstSubmittedOn;
    private LocalDate lastSubmittedOn;
    private String decisionOpinion;
    private LocalDate decidedOn;
    private long version;

    /** Restores a report as stored. */
    public PerformanceReport(UUID id, UUID projectId, int year, String createdBy, Instant createdAt,
            PerformanceReportStatus status, PerformanceReportContent content, int revision, LocalDate dueDate,
            LocalDate firstSubmittedOn, LocalDate lastSubmittedOn, String decisionOpinion, LocalDate decidedOn,
            long version) {
        this.id = Objects.requireNonNull(id);
        this.projectId = Objects.requireNonNull(projectId);
        this.year = year;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = Objects.requireNonNull(status);
        this.content = Objects.requireNonNull(content);
        this.revision = revision;
        this.dueDate = Objects.requireNonNull(dueDate);
        this.firstSubmittedOn = firstSubmittedOn;
        this.lastSubmittedOn = lastSubmittedOn;
        this.decisionOpinion = decisionOpinion;
        this.decidedOn = decidedOn;
        this.version = version;
    }

    /** The construction unit starts the report of a due year. */
    public static PerformanceReport draft(UUID id, UUID projectId, int year, LocalDate dueDate,
            PerformanceReportContent content, String createdBy, Instant createdAt) {
        return new PerformanceReport(id, projectId, year, createdBy, createdAt, PerformanceReportStatus.DRAFT, content,
                0, dueDate, null, null, null, null, 0);
    }

    /** Replaces the whole content; only a draft or a returned report. */
    public void revise(PerformanceReportContent content) {
        requireEditable();
        this.content = Objects.requireNonNull(content);
    }

    /**
     * Submits the report to the approval authority on {@code submittedOn}: every part must be present (Art. 20).
     * The due date is the obligation's as it stands at submission.
     */
    public void submit(PerformanceReportPolicy policy, LocalDate submittedOn, LocalDate dueDate) {
        requireEditable();
        RuleViolationException.throwIfAny(policy.completeness(content));
        status = PerformanceReportStatus.SUBMITTED;
        revision++;
        this.dueDate = Objects.requireNonNull(dueDate);
        if (firstSubmittedOn == null) {
            firstSubmittedOn = submittedOn;
        }
        lastSubmittedOn = submittedOn;
        decisionOpinion = null;
        decidedOn = null;
    }

    /** The approval authority accepts the submitted report or returns it for revision, with its opinion. */
    public void decide(PerformanceReportOutcome outcome, String opinion, LocalDate on) {
        if (status != PerformanceReportStatus.SUBMITTED) {
            throw new RuleViolationException(Violation.of(PerformanceReportPolicy.RULE, "status",
                    "violation.ART-20.report-not-submitted",
                    new MessageKey("enum.PerformanceReportStatus." + status.name())));
        }
        status = outcome == PerformanceReportOutcome.ACCEPTED ? PerformanceReportStatus.ACCEPTED
                : PerformanceReportStatus.RETURNED;
        decisionOpinion = Objects.requireNonNull(opinion);
        decidedOn = Objects.requireNonNull(on);
    }

    /** Whether the report was first submitted after its due date (a late report still meets the obligation). */
    public boolean late() {
        return firstSubmittedOn != null && firstSubmittedOn.isAfter(dueDate);
    }

    private void requireEditable() {
        if (!status.editable()) {
            throw new RuleViolationException(List.of(Violation.of(PerformanceReportPolicy.RULE, "status",
                    "violation.ART-20.report-not-editable",
                    new MessageKey("enum.PerformanceReportStatus." + status.name()))));
        }
    }

    public UUID id() { return id; }
    public UUID projectId() { return projectId; }
    public int year() { return year; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public PerformanceReportStatus status() { return status; }
    public PerformanceReportContent content() { return content; }
    public int revision() { return revision; }
    public LocalDate dueDate() { return dueDate; }
    public LocalDate firstSubmittedOn() { return firstSubmittedOn; }
    public LocalDate lastSubmittedOn() { return lastSubmittedOn; }
    public String decisionOpinion() { return decisionOpinion; }
    public LocalDate decidedOn() { return decidedOn; }
    public long version() { return version; }
}
