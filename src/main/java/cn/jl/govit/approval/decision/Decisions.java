package cn.jl.govit.approval.decision;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.approval.Submission;
import cn.jl.govit.approval.SubmissionEvents;
import cn.jl.govit.approval.Submissions;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.audit.Sm3;
import cn.jl.govit.document.pdf.ApprovalReply;
import cn.jl.govit.document.pdf.PdfRenderer;
import cn.jl.govit.document.signing.SigningKeys;
import cn.jl.govit.expert.ConsolidatedReview;
import cn.jl.govit.expert.ReviewPanel;
import cn.jl.govit.expert.ReviewPanels;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The approval authority's part of the approval (Art. 5, 10, 13): expert panels for a filed submission, the
 * consolidated review report, and the decision with its numbered, SM2-signed approval reply. Checks run in the
 * contract's order: scope (404), role (403), input (400), rules (422).
 */
@Service
public class Decisions {

    private static final Locale REPLY_LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final Submissions submissions;
    private final Projects projects;
    private final ReviewPanels panels;
    private final SigningKeys keys;
    private final PdfRenderer pdf;
    private final DocumentNumbers numbers;
    private final Organizations organizations;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Decisions(JdbcClient jdbc, Submissions submissions, Projects projects, ReviewPanels panels, SigningKeys keys,
            PdfRenderer pdf, DocumentNumbers numbers, Organizations organizations, CurrentUsers users, AuditLog audit,
            MessageSource messages, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.submissions = submissions;
        this.projects = projects;
        this.panels = panels;
        this.keys = keys;
        this.pdf = pdf;
        this.numbers = numbers;
        this.organizations = organizations;
        this.users = users;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The filed submissions that await the caller's decision (its organisation is their projects' approval
     * authority, Art. 5), oldest filing first; empty for anyone who is not an approver.
     */
    @Transactional(readOnly = true)
    public List<AwaitingDecision> awaitingDecision() {
        CurrentUser user = users.current();
        ApprovalAuthority authority = java.util.Arrays.stream(ApprovalAuthority.values())
                .filter(a -> user.isApproverOf(a.organizationCode())).findFirst().orElse(null);
        if (authority == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.id, s.project_id, p.code, p.name, p.lead_organization_code, s.stage, s.revision, s.submitted_at
                FROM submission s JOIN project p ON p.id = s.project_id
                WHERE s.status = 'SUBMITTED' AND p.approval_authority = :authority
                  AND NOT EXISTS (SELECT 1 FROM approval_decision d
                                  WHERE d.submission_id = s.id AND d.submission_revision = s.revision)
                ORDER BY s.submitted_at, p.code""")
                .param("authority", authority.name())
                .query((rs, n) -> new AwaitingDecision(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), Stage.valueOf(rs.getString(6)), rs.getInt(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** A filed submission in the authority's queue. */
    public record AwaitingDecision(UUID submissionId, UUID projectId, String projectCode, String projectName,
            String leadOrganizationCode, Stage stage, int revision, java.time.Instant submittedAt) {
    }

    /** The submission and its project, if the caller is the project's approval authority ({@code 404}, {@code 403}). */
    @Transactional(readOnly = true)
    public Submission checkAuthority(UUID submissionId) {
        Submission submission = submissions.get(submissionId);
        Project project = projects.get(submission.projectId());
        if (!users.current().isApproverOf(project.approvalAuthority().organizationCode())) {
            throw new AccessDeniedException("only the project's approval authority");
        }
        return submission;
    }

    /**
     * Whether the signed-in user is the approval authority of the submission's project; for pages that offer the
     * decision. Not transactional itself, so that a refusal does not mark a surrounding transaction.
     */
    public boolean isAuthority(UUID submissionId) {
        try {
            checkAuthority(submissionId);
            return true;
        }
        catch (AccessDeniedException | RecordNotFoundException e) {
            return false;
        }
    }

    /** Draws an expert panel at random, never from the applicant or a participating department (Art. 10). */
    @Transactional
    public ReviewPanel drawPanel(UUID submissionId, int size) {
        Submission submission = checkAuthority(submissionId);
        refuseClassified(submission);
        return panels.draw(submissionId, submission.projectId(), size, conflicts(submission.projectId()));
    }

    /** Forms a panel of named experts, refusing any with a conflict of interest (Art. 10). */
    @Transactional
    public ReviewPanel namePanel(UUID submissionId, List<String> experts) {
        Submission submission = checkAuthority(submissionId);
        refuseClassified(submission);
        return panels.name(submissionId, submission.projectId(), experts, conflicts(submission.projectId()));
    }

    /** The review of a classified project is held offline (Art. 8); the decision records its outcome. */
    private void refuseClassified(Submission submission) {
        if (projects.get(submission.projectId()).facts().classified()) {
            throw new RuleViolationException(cn.jl.govit.rulebook.Violation.of("ART-8", "panel",
                    "violation.ART-8.offline-review"));
        }
    }

    /** The consolidated review report for the authority. */
    @Transactional(readOnly = true)
    public ConsolidatedReview reviewReport(UUID submissionId) {
        checkAuthority(submissionId);
        return panels.consolidated(submissionId);
    }

    /**
     * Decides a filed submission: numbers the reply per authority and year, renders it as PDF, signs it with the
     * authority's SM2 key, and approves the stage (the last one sets the approved estimate), returns the
     * submission for revision or rejects the project.
     */
    @Transactional
    public Decision decide(UUID submissionId, DecisionCommand command) {
        Submission submission = checkAuthority(submissionId);
        Project project = projects.get(submission.projectId());
        command.check();
        Optional<ReviewPanel> panel = panels.panelOf(submissionId);
        ConsolidatedReview report = panel.isPresent() ? panels.consolidated(submissionId) : null;
        RuleViolationException.throwIfAny(new DecisionPolicy().check(new DecisionPolicy.Facts(submission.status(),
                decided(submissionId, submission.revision()), panel.isPresent(), report != null && report.complete(),
                command.sharingOpinion())));

        CurrentUser user = users.current();
        ApprovalAuthority authority = project.approvalAuthority();
        LocalDate today = LocalDate.now(clock.withZone(Projects.ZONE));
        String number = numbers.next(authority, today.getYear());
        ApprovalReply reply = reply(project, submission, command, number, today);
        byte[] document = pdf.approvalReply(reply);
        SigningKeys.Signed signed = keys.sign(authority.organizationCode(), document);

        if (submission.isReapproval()) {
            // a re-approval after a change (Art. 23) decides the change, not the stage: the stage stays approved and a
            // rejection leaves the project as it was; the change module applies the outcome through the event below
            if (command.outcome() == DecisionOutcome.RETURNED) {
                submissions.returnForRevision(submissionId, command.opinion());
            }
        }
        else {
            switch (command.outcome()) {
                case APPROVED -> projects.approveStage(project.id(), submission.stage(), command.approvedInvestment(),
                        command.constructionPeriodMonths(), today);
                case RETURNED -> submissions.returnForRevision(submissionId, command.opinion());
                case REJECTED -> projects.reject(project.id(), submission.stage());
            }
        }
        BigDecimal recommended = report == null ? null : report.medianRecommendedInvestment();
        Decision decision = new Decision(UUID.randomUUID(), submissionId, project.id(), submission.stage(), authority,
                command.outcome(), project.estimatedInvestment(), recommended,
                command.outcome() == DecisionOutcome.APPROVED ? command.approvedInvestment() : null,
                command.outcome() == DecisionOutcome.APPROVED ? command.constructionPeriodMonths() : null,
                command.sharingOpinion().strip(), command.opinion().strip(), number, today, user.username(),
                clock.instant(), Sm3.hex(document), signed.signature(), signed.keyId());
        insert(decision, submission.revision(), document);
        audit.record("DECISION_ISSUED", "Decision", decision.id().toString(), project.id(),
                number + " " + submission.stage() + " " + command.outcome() + " reply SM3 " + decision.replySm3()
                        + (submission.isReapproval() ? " (re-approval for change " + submission.changeRequestId() + ")" : ""));
        if (submission.isReapproval() && command.outcome() == DecisionOutcome.APPROVED) {
            events.publishEvent(new SubmissionEvents.ReapprovalApproved(submissionId, project.id(), submission.stage(),
                    submission.changeRequestId(), command.approvedInvestment(), command.constructionPeriodMonths(),
                    number, today));
        }
        else if (submission.isReapproval() && command.outcome() == DecisionOutcome.REJECTED) {
            events.publishEvent(new SubmissionEvents.ReapprovalRejected(submissionId, project.id(), submission.stage(),
                    submission.changeRequestId(), number, today));
        }
        return decision;
    }

    /**
     * The reply as it would be issued, for the authority to read before deciding: rendered but not numbered,
     * signed or stored, and nothing changes.
     */
    @Transactional(readOnly = true)
    public byte[] preview(UUID submissionId, DecisionCommand command) {
        Submission submission = checkAuthority(submissionId);
        Project project = projects.get(submission.projectId());
        command.check();
        LocalDate today = LocalDate.now(clock.withZone(Projects.ZONE));
        String number = messages.getMessage("decision.preview.number",
                new Object[] {DocumentNumbers.prefix(project.approvalAuthority(), today.getYear())},
                REPLY_LANGUAGE);
        return pdf.approvalReply(reply(project, submission, command, number, today));
    }

    private ApprovalReply reply(Project project, Submission submission, DecisionCommand command, String number,
            LocalDate issuedOn) {
        boolean approved = command.outcome() == DecisionOutcome.APPROVED;
        return new ApprovalReply(number, issuedOn,
                organizations.get(project.approvalAuthority().organizationCode()).nameZh(),
                organizations.get(project.leadOrganizationCode()).nameZh(), project.code(), project.name(),
                text("enum.Stage." + submission.stage().name()), text("decision.outcome.words." + command.outcome().name()),
                approved ? command.approvedInvestment() : null, approved ? command.constructionPeriodMonths() : null,
                blankToEmpty(command.sharingOpinion()), blankToEmpty(command.opinion()));
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    @Transactional(readOnly = true)
    public Decision get(UUID id) {
        Decision decision = jdbc.sql("SELECT * FROM approval_decision WHERE id = :id").param("id", id)
                .query(Decisions::map).optional().orElseThrow(() -> new RecordNotFoundException("Decision", id));
        if (!projects.isVisible(decision.projectId())) {
            throw new RecordNotFoundException("Decision", id);
        }
        return decision;
    }

    /** The signed reply's bytes, for whoever sees the project. */
    @Transactional(readOnly = true)
    public byte[] reply(UUID id) {
        get(id);
        return jdbc.sql("SELECT reply_pdf FROM approval_decision WHERE id = :id").param("id", id)
                .query(byte[].class).single();
    }

    /** A project's decisions, oldest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<Decision> forProject(UUID projectId) {
        projects.get(projectId);
        return jdbc.sql("SELECT * FROM approval_decision WHERE project_id = :p ORDER BY decided_at")
                .param("p", projectId).query(Decisions::map).list();
    }

    private boolean decided(UUID submissionId, int revision) {
        return jdbc.sql("SELECT count(*) FROM approval_decision WHERE submission_id = :s AND submission_revision = :r")
                .param("s", submissionId).param("r", revision).query(Long.class).single() > 0;
    }

    private Set<String> conflicts(UUID projectId) {
        Project project = projects.get(projectId);
        Set<String> orgs = new LinkedHashSet<>();
        orgs.add(project.leadOrganizationCode());
        orgs.addAll(project.participatingOrganizationCodes());
        return orgs;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, REPLY_LANGUAGE);
    }

    private void insert(Decision d, int revision, byte[] document) {
        jdbc.sql("""
                INSERT INTO approval_decision (id, submission_id, submission_revision, project_id, stage, authority,
                    outcome, requested_investment, recommended_investment, approved_investment,
                    construction_period_months, sharing_opinion, opinion, document_number, issued_on, decided_by,
                    decided_at, reply_pdf, reply_sm3, signature, signing_key_id)
                VALUES (:id, :submission, :revision, :project, :stage, :authority, :outcome, :requested, :recommended,
                    :approved, :period, :sharing, :opinion, :number, :issuedOn, :by, :at, :pdf, :sm3, :signature, :keyId)""")
                .param("id", d.id()).param("submission", d.submissionId()).param("revision", revision)
                .param("project", d.projectId()).param("stage", d.stage().name()).param("authority", d.authority().name())
                .param("outcome", d.outcome().name()).param("requested", d.requestedInvestment())
                .param("recommended", d.recommendedInvestment()).param("approved", d.approvedInvestment())
                .param("period", d.constructionPeriodMonths()).param("sharing", d.sharingOpinion())
                .param("opinion", d.opinion()).param("number", d.documentNumber()).param("issuedOn", d.issuedOn())
                .param("by", d.decidedBy()).param("at", Timestamp.from(d.decidedAt())).param("pdf", document)
                .param("sm3", d.replySm3()).param("signature", d.signature()).param("keyId", d.signingKeyId())
                .update();
    }

    private static Decision map(ResultSet rs, int n) throws SQLException {
        return new Decision(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class),
                rs.getObject("project_id", UUID.class), Stage.valueOf(rs.getString("stage")),
                ApprovalAuthority.valueOf(rs.getString("authority")), DecisionOutcome.valueOf(rs.getString("outcome")),
                rs.getBigDecimal("requested_investment"), rs.getBigDecimal("recommended_investment"),
                rs.getBigDecimal("approved_investment"), (Integer) rs.getObject("construction_period_months"),
                rs.getString("sharing_opinion"), rs.getString("opinion"), rs.getString("document_number"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("decided_by"),
                rs.getTimestamp("decided_at").toInstant(), rs.getString("reply_sm3"), rs.getString("signature"),
                rs.getString("signing_key_id"));
    }

    /** What the authority decides; {@link #check()} refuses malformed combinations with {@code 400}. */
    public record DecisionCommand(DecisionOutcome outcome, BigDecimal approvedInvestment, Integer constructionPeriodMonths,
            String sharingOpinion, String opinion) {

        void check() {
            List<InvalidInputException.FieldError> errors = new ArrayList<>();
            if (outcome == DecisionOutcome.APPROVED) {
                if (approvedInvestment == null) {
                    errors.add(new InvalidInputException.FieldError("approvedInvestment", "problem.field.required", List.of()));
                }
                if (constructionPeriodMonths == null) {
                    errors.add(new InvalidInputException.FieldError("constructionPeriodMonths", "problem.field.required", List.of()));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }

}
