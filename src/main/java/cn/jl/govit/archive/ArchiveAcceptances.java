package cn.jl.govit.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * Archive acceptance (档案验收, Art. 24): the construction unit applies once its archives are registered; only the
 * Provincial Archives Bureau records the result ({@code 403} for everyone else, the approval authority included).
 * A failed acceptance names what to put right; the unit then registers more and applies again. Without a passed
 * archive acceptance the project cannot pass its final acceptance ({@link #passed}).
 */
@Service
public class ArchiveAcceptances {

    private final ArchiveRepository repository;
    private final Projects projects;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArchiveAcceptances(ArchiveRepository repository, Projects projects, CurrentUsers users, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether the project's archives passed acceptance, for the final-acceptance gate (ART-24: no archive acceptance,
     * no final acceptance). No scope check: the calling module has checked its caller.
     */
    @Transactional(readOnly = true)
    public boolean passed(UUID projectId) {
        return repository.passed(projectId);
    }

    /** Where the project's archive acceptance stands now ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public ArchiveAcceptanceStatus status(UUID projectId) {
        projects.get(projectId);
        return repository.latest(projectId).map(ArchiveAcceptance::status).orElse(ArchiveAcceptanceStatus.NOT_APPLIED);
    }

    /** Every round of the project's archive acceptance, oldest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<ArchiveAcceptance> rounds(UUID projectId) {
        projects.get(projectId);
        return repository.rounds(projectId);
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayApply(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is of the Archives Bureau. */
    @Transactional(readOnly = true)
    public Project checkMayRecord(UUID projectId) {
        Project project = projects.get(projectId);
        requireArchivesBureau();
        return project;
    }

    /** The construction unit applies for archive acceptance today: archives registered, no round open or passed. */
    @Transactional
    public ArchiveAcceptance apply(UUID projectId) {
        Project project = checkMayApply(projectId);
        ArchiveEntries.requireArchiving(project);
        Optional<ArchiveAcceptance> latest = repository.latest(projectId);
        long entries = repository.countEntries(projectId);
        RuleViolationException.throwIfAny(ArchiveAcceptancePolicy.application(entries, latest.orElse(null)));
        int round = latest.map(ArchiveAcceptance::round).orElse(0) + 1;
        LocalDate today = projects.today();
        UUID id = UUID.randomUUID();
        try {
            repository.insertApplication(id, projectId, round, today, users.current().username(), clock.instant(), entries);
        }
        catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("an archive acceptance application of " + projectId + " exists");
        }
        audit.record("ARCHIVE_ACCEPTANCE_APPLIED", "ArchiveAcceptance", id.toString(), projectId,
                project.code() + " round " + round + " on " + today + ", " + entries + " entries");
        events.publishEvent(new ArchiveEvents.ArchiveAcceptanceApplied(projectId, round, today));
        return repository.latest(projectId).orElseThrow();
    }

    /**
     * The Archives Bureau records the result of the open application: {@code 400} for a missing result or date or a
     * date in the future; {@code 422 ART-24} without an open application, for a date before the application, or a
     * failure without the opinion that says what to put right.
     */
    @Transactional
    public ArchiveAcceptance record(UUID projectId, ArchiveResult result, LocalDate acceptedOn, String opinion) {
        Project project = checkMayRecord(projectId);
        LocalDate today = projects.today();
        List<FieldError> errors = new ArrayList<>();
        if (result == null) {
            errors.add(new FieldError("result", "problem.field.required", List.of()));
        }
        if (acceptedOn == null) {
            errors.add(new FieldError("acceptedOn", "problem.field.required", List.of()));
        }
        else if (acceptedOn.isAfter(today)) {
            errors.add(new FieldError("acceptedOn", "date.future", List.of(acceptedOn.toString(), today.toString())));
        }
        if (opinion != null && (opinion.length() > 20_000 || opinion.indexOf('\u0000') >= 0)) {
            errors.add(new FieldError("opinion", "problem.field.too-long", List.of(20_000)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ArchiveAcceptance latest = repository.latest(projectId).orElse(null);
        RuleViolationException.throwIfAny(ArchiveAcceptancePolicy.result(latest, result, acceptedOn, opinion));
        String cleanOpinion = opinion == null || opinion.isBlank() ? null : opinion.strip();
        repository.recordResult(latest, result, acceptedOn, cleanOpinion, users.current().username(), clock.instant());
        audit.record("ARCHIVE_ACCEPTANCE_" + result.name(), "ArchiveAcceptance", latest.id().toString(), projectId,
                project.code() + " round " + latest.round() + " on " + acceptedOn
                        + (cleanOpinion == null ? "" : " — " + cleanOpinion));
        events.publishEvent(new ArchiveEvents.ArchiveAcceptanceRecorded(projectId, latest.round(), result, acceptedOn));
        return repository.latest(projectId).orElseThrow();
    }

    /** Applications awaiting the Archives Bureau, oldest first; {@code 403} for anyone else. */
    @Transactional(readOnly = true)
    public PageOf<Pending> pending(Paging paging) {
        requireArchivesBureau();
        return new PageOf<>(repository.pending(paging.page(), paging.size()), paging.page(), paging.size(),
                repository.countPending()).map(a -> new Pending(a, projects.get(a.projectId())));
    }

    /** Whether the signed-in user applies for this project's archive acceptance now; the pages show the button then. */
    @Transactional(readOnly = true)
    public boolean canApply(Project project) {
        return projects.isConstructionUnit(project) && ArchiveEntries.archiving(project)
                && ArchiveAcceptancePolicy.application(repository.countEntries(project.id()),
                        repository.latest(project.id()).orElse(null)).isEmpty();
    }

    /** Whether the signed-in user records the result of this project's open application now. */
    @Transactional(readOnly = true)
    public boolean canRecord(Project project) {
        return isArchivesBureau() && repository.latest(project.id()).map(ArchiveAcceptance::pending).orElse(false);
    }

    /** Whether the signed-in user acts for the Archives Bureau (Art. 5, 24). */
    public boolean isArchivesBureau() {
        return users.find().map(ArchiveAcceptances::archivist).orElse(false);
    }

    private void requireArchivesBureau() {
        if (!archivist(users.current())) {
            throw new AccessDeniedException("only the Archives Bureau records archive acceptance");
        }
    }

    private static boolean archivist(CurrentUser user) {
        return user.has(Role.ARCHIVIST) && OrganizationCodes.ARCHIVES.equals(user.organizationCode());
    }

    /** An application awaiting the Bureau, with its project. */
    public record Pending(ArchiveAcceptance application, Project project) {
    }
}
