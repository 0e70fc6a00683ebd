package cn.jl.govit.acceptance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.obligation.ConstructionDeadlines;
import cn.jl.govit.obligation.Obligation;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * Extensions of the acceptance deadlines (延期验收, Art. 27, Annex 4 §1): a unit that cannot accept in time applies,
 * with its reasons and a new date, to the project's approval authority, which approves or rejects. An approved
 * extension re-dates the INITIAL_ACCEPTANCE or FINAL_ACCEPTANCE_APPLICATION obligation; each kind has at most one
 * application pending. Applications and decisions are kept.
 */
@Service
public class AcceptanceExtensions {

    static final String RULE = "ART-27";

    private final InitialPhaseRepository repository;
    private final Projects projects;
    private final Obligations obligations;
    private final Notifications notifications;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    AcceptanceExtensions(InitialPhaseRepository repository, Projects projects, Obligations obligations,
            Notifications notifications, CurrentUsers users, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.obligations = obligations;
        this.notifications = notifications;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The latest approved new date for this kind of acceptance, if any. No scope check. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> approvedUntil(UUID projectId, AcceptanceKind kind) {
        return repository.latestApproved(projectId, kind).map(AcceptanceExtension::newDate);
    }

    /** The project's extension applications, oldest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<AcceptanceExtension> list(UUID projectId) {
        projects.get(projectId);
        return repository.extensions(projectId);
    }

    /**
     * The deadline an extension of this kind would extend now: for INITIAL the latest approved extension or else the
     * planned completion; for FINAL the FINAL_ACCEPTANCE_APPLICATION obligation's due date (empty before it exists).
     */
    @Transactional(readOnly = true)
    public Optional<LocalDate> currentDeadline(Project project, AcceptanceKind kind) {
        if (kind == AcceptanceKind.INITIAL) {
            return approvedUntil(project.id(), kind).or(() -> Optional.ofNullable(project.plannedCompletion()));
        }
        return obligations.find(project.id(), ObligationType.FINAL_ACCEPTANCE_APPLICATION, TrialRuns.FINAL_SUBJECT)
                .map(Obligation::dueDate);
    }

    /** {@code 404} outside scope, {@code 403} unless the construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayApply(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /**
     * The unit applies: {@code 400} for a missing kind, reasons or new date; {@code 409} while one of the kind is
     * pending; {@code 422 ART-27} when there is no deadline to extend (construction not started, the acceptance
     * already passed or applied for, or FINAL before its deadline exists) or the new date is not after it.
     */
    @Transactional
    public AcceptanceExtension apply(UUID projectId, AcceptanceKind kind, String reasons, LocalDate newDate) {
        Project project = checkMayApply(projectId);
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) {
            errors.add(new FieldError("kind", "problem.field.required", List.of()));
        }
        if (reasons == null || reasons.isBlank()) {
            errors.add(new FieldError("reasons", "problem.field.required", List.of()));
        }
        if (newDate == null) {
            errors.add(new FieldError("newDate", "problem.field.required", List.of()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (repository.pendingExtension(projectId, kind).isPresent()) {
            throw new OptimisticLockingFailureException("an extension of " + kind + " is pending for " + projectId);
        }
        Optional<LocalDate> deadline = open(project, kind) ? currentDeadline(project, kind) : Optional.empty();
        RuleViolationException.throwIfAny(ExtensionPolicy.application(kind, deadline.orElse(null), newDate));
        LocalDate today = projects.today();
        AcceptanceExtension extension = new AcceptanceExtension(UUID.randomUUID(), projectId, kind, reasons.strip(),
                deadline.orElseThrow(), newDate, AcceptanceExtensionStatus.PENDING, users.current().username(), today,
                clock.instant(), null, null, null, 0);
        try {
            repository.insertExtension(extension);
        }
        catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("an extension of " + kind + " is pending for " + projectId);
        }
        audit.record("ACCEPTANCE_EXTENSION_APPLIED", "AcceptanceExtension", extension.id().toString(), projectId,
                project.code() + " " + kind + " " + deadline.get() + " -> " + newDate);
        notifications.notifyMembers(project.approvalAuthority().organizationCode(), Role.APPROVER,
                Notice.of("acceptance.extension.notice.applied", "/projects/" + projectId + "/acceptance", projectId,
                        "acceptance-extension:" + extension.id(), project.code(), newDate.toString()));
        return repository.extension(extension.id()).orElseThrow();
    }

    /** Whether the deadline of this kind still runs: the obligation it extends is pending. */
    private boolean open(Project project, AcceptanceKind kind) {
        ObligationType type = kind == AcceptanceKind.INITIAL ? ObligationType.INITIAL_ACCEPTANCE
                : ObligationType.FINAL_ACCEPTANCE_APPLICATION;
        String subject = kind == AcceptanceKind.INITIAL ? ConstructionDeadlines.INITIAL_ACCEPTANCE_SUBJECT
                : TrialRuns.FINAL_SUBJECT;
        return obligations.find(project.id(), type, subject).map(Obligation::pending).orElse(false);
    }

    /** {@code 404} for an unknown extension or one outside scope, {@code 403} unless the project's authority. */
    @Transactional(readOnly = true)
    public AcceptanceExtension checkMayDecide(UUID extensionId) {
        AcceptanceExtension extension = repository.extension(extensionId)
                .orElseThrow(() -> new RecordNotFoundException("AcceptanceExtension", extensionId));
        if (!projects.isVisible(extension.projectId())) {
            throw new RecordNotFoundException("AcceptanceExtension", extensionId);
        }
        projects.requireAuthority(projects.get(extension.projectId()));
        return extension;
    }

    /**
     * The approval authority decides: {@code 400} without a decision, or rejecting without an opinion; {@code 409}
     * when it was decided meanwhile. APPROVED re-dates the obligation of its kind to the new date; both tell the unit.
     */
    @Transactional
    public AcceptanceExtension decide(UUID extensionId, AcceptanceExtensionStatus decision, String opinion) {
        AcceptanceExtension extension = checkMayDecide(extensionId);
        List<FieldError> errors = new ArrayList<>();
        if (decision == null || decision == AcceptanceExtensionStatus.PENDING) {
            errors.add(new FieldError("decision", "problem.field.required", List.of()));
        }
        else if (decision == AcceptanceExtensionStatus.REJECTED && (opinion == null || opinion.isBlank())) {
            errors.add(new FieldError("opinion", "problem.field.required", List.of()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!extension.pending()) {
            throw new OptimisticLockingFailureException("extension " + extensionId + " was decided");
        }
        Project project = projects.get(extension.projectId());
        String cleanOpinion = opinion == null || opinion.isBlank() ? null : opinion.strip();
        LocalDate today = projects.today();
        repository.decideExtension(extension, decision, cleanOpinion, users.current().username(), today, clock.instant());
        if (decision == AcceptanceExtensionStatus.APPROVED) {
            if (extension.kind() == AcceptanceKind.INITIAL) {
                obligations.open(project.id(), ObligationType.INITIAL_ACCEPTANCE,
                        ConstructionDeadlines.INITIAL_ACCEPTANCE_SUBJECT, extension.newDate(), null, RULE,
                        project.leadOrganizationCode());
            }
            else {
                obligations.open(project.id(), ObligationType.FINAL_ACCEPTANCE_APPLICATION, TrialRuns.FINAL_SUBJECT,
                        extension.newDate(), null, RULE, project.leadOrganizationCode());
            }
        }
        audit.record("ACCEPTANCE_EXTENSION_" + decision.name(), "AcceptanceExtension", extensionId.toString(),
                project.id(), project.code() + " " + extension.kind() + " until " + extension.newDate()
                        + (cleanOpinion == null ? "" : " — " + cleanOpinion));
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("acceptance.extension.notice." + decision.name().toLowerCase(java.util.Locale.ROOT),
                        "/projects/" + project.id() + "/acceptance", project.id(), "acceptance-extension-decided:"
                                + extensionId, project.code(), extension.newDate().toString()));
        return repository.extension(extensionId).orElseThrow();
    }

    /**
     * Extension applications awaiting the signed-in approver's authority, oldest first, for the authority's queue;
     * {@code 403} for anyone but an approver.
     */
    @Transactional(readOnly = true)
    public PageOf<Pending> pending(Paging paging) {
        CurrentUser user = users.current();
        if (!user.has(Role.APPROVER)) {
            throw new AccessDeniedException("only an approval authority decides extensions");
        }
        List<Pending> mine = repository.projectsWithPendingExtensions().stream().map(projects::find)
                .filter(p -> user.isApproverOf(p.approvalAuthority().organizationCode()))
                .flatMap(p -> repository.extensions(p.id()).stream().filter(AcceptanceExtension::pending)
                        .map(e -> new Pending(e, p)))
                .sorted(Comparator.comparing((Pending p) -> p.extension().appliedAt())
                        .thenComparing(p -> p.extension().id()))
                .toList();
        int from = (int) Math.min((long) paging.page() * paging.size(), mine.size());
        int to = Math.min(from + paging.size(), mine.size());
        return new PageOf<>(mine.subList(from, to), paging.page(), paging.size(), mine.size());
    }

    /** The kinds whose deadline the signed-in user may apply to extend now (the unit, a deadline running). */
    @Transactional(readOnly = true)
    public List<AcceptanceKind> applicableKinds(Project project) {
        if (!projects.isConstructionUnit(project)) {
            return List.of();
        }
        return java.util.Arrays.stream(AcceptanceKind.values())
                .filter(k -> open(project, k) && repository.pendingExtension(project.id(), k).isEmpty()).toList();
    }

    /** Whether the signed-in user decides this project's extensions (its approval authority). */
    public boolean canDecide(Project project) {
        return projects.isAuthority(project);
    }

    /** An extension application awaiting the authority, with its project. */
    public record Pending(AcceptanceExtension extension, Project project) {
    }
}
