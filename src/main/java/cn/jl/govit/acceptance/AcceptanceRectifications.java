package cn.jl.govit.acceptance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * Rectification after a failed initial or final acceptance (Art. 27): the module that records the failure opens
 * one here, in its own transaction; it opens a RECTIFICATION obligation due {@code rectificationWindowMonths} after
 * the failure, on the construction unit. The unit records the rectification completed (late or not), which meets the
 * obligation; until then that acceptance may not be tried again ({@link #retryRefused}).
 */
@Service
public class AcceptanceRectifications {

    static final String RULE = "ART-27";

    private final InitialPhaseRepository repository;
    private final Projects projects;
    private final Obligations obligations;
    private final Notifications notifications;
    private final Documents documents;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final PolicyParameters policy;
    private final Clock clock;

    AcceptanceRectifications(InitialPhaseRepository repository, Projects projects, Obligations obligations,
            Notifications notifications, Documents documents, CurrentUsers users, AuditLog audit,
            PolicyParameters policy, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.obligations = obligations;
        this.notifications = notifications;
        this.documents = documents;
        this.users = users;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Opens the rectification of a failed acceptance, its RECTIFICATION obligation (rule ART-27, on the lead
     * department, due {@code failedOn} plus the rectification window) and tells the unit. The caller has checked
     * its own caller and recorded the failure in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AcceptanceRectification open(UUID projectId, AcceptanceKind kind, LocalDate failedOn, String opinion) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(failedOn, "failedOn");
        Project project = projects.find(projectId);
        int number = repository.lastRectificationNumber(projectId, kind) + 1;
        LocalDate due = dueDate(failedOn);
        AcceptanceRectification rectification = new AcceptanceRectification(UUID.randomUUID(), projectId, kind, number,
                failedOn, opinion == null || opinion.isBlank() ? null : opinion.strip(), due,
                AcceptanceRectificationStatus.OPEN, null, null, null, null, 0);
        repository.insertRectification(rectification, clock.instant());
        obligations.open(projectId, ObligationType.RECTIFICATION, rectification.subject(), due, null, RULE,
                project.leadOrganizationCode());
        audit.record("ACCEPTANCE_RECTIFICATION_OPENED", "AcceptanceRectification", rectification.id().toString(),
                projectId, project.code() + " " + kind + " #" + number + " failed " + failedOn + ", due " + due);
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("acceptance.rectification.notice.opened", "/projects/" + projectId + "/acceptance", projectId,
                        "acceptance-rectification:" + rectification.id(), project.code(), due.toString()));
        return repository.rectification(rectification.id()).orElseThrow();
    }

    /** The rectification deadline after a failure on {@code failedOn} (Art. 27). */
    LocalDate dueDate(LocalDate failedOn) {
        return failedOn.plusMonths(policy.rectificationWindowMonths());
    }

    /**
     * Why the acceptance of this kind may not be tried again now: {@code violation.ART-27.not-rectified} while a
     * rectification of that kind is open. Empty when none is open. No scope check: the caller has checked its caller.
     */
    @Transactional(readOnly = true)
    public List<Violation> retryRefused(UUID projectId, AcceptanceKind kind) {
        return repository.latestRectification(projectId, kind).filter(AcceptanceRectification::open)
                .map(r -> List.of(Violation.of(RULE, "rectification", "violation.ART-27.not-rectified",
                        r.failedOn().toString(), r.dueDate().toString())))
                .orElse(List.of());
    }

    /** The due date of the latest rectification of this kind, if the acceptance ever failed. No scope check. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> retryDeadline(UUID projectId, AcceptanceKind kind) {
        return latest(projectId, kind).map(AcceptanceRectification::dueDate);
    }

    /** The latest rectification of this kind, if the acceptance ever failed. No scope check. */
    @Transactional(readOnly = true)
    public Optional<AcceptanceRectification> latest(UUID projectId, AcceptanceKind kind) {
        return repository.latestRectification(projectId, kind);
    }

    /** The project's rectifications, oldest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<AcceptanceRectification> list(UUID projectId) {
        projects.get(projectId);
        return repository.rectifications(projectId);
    }

    /** {@code 404} outside scope or for a rectification of another project, {@code 403} unless the unit. */
    @Transactional(readOnly = true)
    public AcceptanceRectification checkMayComplete(UUID projectId, UUID rectificationId) {
        Project project = projects.get(projectId);
        AcceptanceRectification r = find(projectId, rectificationId);
        projects.requireConstructionUnit(project);
        return r;
    }

    /**
     * The unit records the rectification completed: {@code 400} for a missing or future date, a missing summary or
     * a document of another project; {@code 422 ART-27} when it was completed already or before the failure.
     * Meets the RECTIFICATION obligation on {@code completedOn}, late or not.
     */
    @Transactional
    public AcceptanceRectification complete(UUID projectId, UUID rectificationId, LocalDate completedOn, UUID documentId,
            String summary) {
        AcceptanceRectification r = checkMayComplete(projectId, rectificationId);
        Project project = projects.get(projectId);
        LocalDate today = projects.today();
        List<FieldError> errors = new ArrayList<>();
        if (completedOn == null) {
            errors.add(new FieldError("completedOn", "problem.field.required", List.of()));
        }
        else if (completedOn.isAfter(today)) {
            errors.add(new FieldError("completedOn", "date.future", List.of(completedOn.toString(), today.toString())));
        }
        if (summary == null || summary.isBlank()) {
            errors.add(new FieldError("summary", "problem.field.required", List.of()));
        }
        if (documentId != null && !belongs(documentId, projectId)) {
            errors.add(new FieldError("documentId", "acceptance.initial.document-foreign", List.of(documentId.toString())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Violation> violations = new ArrayList<>();
        if (!r.open()) {
            violations.add(Violation.of(RULE, "status", "violation.ART-27.rectification-completed",
                    String.valueOf(r.completedOn())));
        }
        else if (completedOn.isBefore(r.failedOn())) {
            violations.add(Violation.of(RULE, "completedOn", "violation.ART-27.completed-before-failure",
                    completedOn.toString(), r.failedOn().toString()));
        }
        RuleViolationException.throwIfAny(violations);
        repository.completeRectification(r, completedOn, documentId, summary.strip(), users.current().username(),
                clock.instant());
        obligations.meet(projectId, ObligationType.RECTIFICATION, r.subject(), completedOn);
        audit.record("ACCEPTANCE_RECTIFICATION_COMPLETED", "AcceptanceRectification", r.id().toString(), projectId,
                project.code() + " " + r.kind() + " #" + r.number() + " completed " + completedOn
                        + (completedOn.isAfter(r.dueDate()) ? " (late, due " + r.dueDate() + ")" : ""));
        notifications.notifyMembers(project.approvalAuthority().organizationCode(), Role.APPROVER,
                Notice.of("acceptance.rectification.notice.completed", "/projects/" + projectId + "/acceptance",
                        projectId, null, project.code()));
        return repository.rectification(r.id()).orElseThrow();
    }

    private AcceptanceRectification find(UUID projectId, UUID rectificationId) {
        return repository.rectification(rectificationId).filter(r -> r.projectId().equals(projectId))
                .orElseThrow(() -> new RecordNotFoundException("AcceptanceRectification", rectificationId));
    }

    private boolean belongs(UUID documentId, UUID projectId) {
        try {
            StoredDocument d = documents.get(documentId);
            return d.projectId().equals(projectId);
        }
        catch (RecordNotFoundException e) {
            return false;
        }
    }
}
