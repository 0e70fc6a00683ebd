package cn.jl.govit.acceptance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The trial run (试运行) of a project's system, recorded by its construction unit: its start and, once stable, since
 * when. With a passed initial acceptance, a stable trial run opens the FINAL_ACCEPTANCE_APPLICATION obligation
 * (subject {@value #FINAL_SUBJECT}) due {@code finalAcceptanceWindowMonths} after the later of the two (Art. 26).
 */
@Service
public class TrialRuns {

    /** A project has one final acceptance application deadline: its obligation subject is fixed. */
    public static final String FINAL_SUBJECT = "FINAL";

    private final InitialPhaseRepository repository;
    private final Projects projects;
    private final Obligations obligations;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final PolicyParameters policy;
    private final Clock clock;

    TrialRuns(InitialPhaseRepository repository, Projects projects, Obligations obligations, CurrentUsers users,
            AuditLog audit, PolicyParameters policy, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.obligations = obligations;
        this.users = users;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /** The project's trial run as last recorded, if any. No scope check: the caller has checked its caller. */
    @Transactional(readOnly = true)
    public Optional<TrialRun> of(UUID projectId) {
        return repository.trialRun(projectId);
    }

    /** The project's trial run ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public Optional<TrialRun> get(UUID projectId) {
        projects.get(projectId);
        return repository.trialRun(projectId);
    }

    /** Every record of the trial run, oldest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<TrialRun> history(UUID projectId) {
        projects.get(projectId);
        return repository.trialRunHistory(projectId);
    }

    /** {@code 404} outside scope, {@code 403} unless the construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayRecord(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /** Whether the signed-in user records this project's trial run now; the page shows the form then. */
    @Transactional(readOnly = true)
    public boolean canRecord(Project project) {
        return projects.isConstructionUnit(project) && (project.status() == ProjectStatus.UNDER_CONSTRUCTION
                || project.status() == ProjectStatus.IN_ACCEPTANCE);
    }

    /**
     * The unit records the trial run (again, to set or correct its dates): {@code 400} for a missing start or a date
     * in the future; {@code 422 ART-26} unless the project is under construction or in acceptance, for a start
     * before construction started or stability before the start, or for changing a stable run once the initial acceptance passed (the window runs from it).
     */
    @Transactional
    public TrialRun record(UUID projectId, LocalDate startedOn, LocalDate stableSince) {
        Project project = checkMayRecord(projectId);
        LocalDate today = projects.today();
        List<FieldError> errors = new ArrayList<>();
        if (startedOn == null) {
            errors.add(new FieldError("startedOn", "problem.field.required", List.of()));
        }
        else if (startedOn.isAfter(today)) {
            errors.add(new FieldError("startedOn", "date.future", List.of(startedOn.toString(), today.toString())));
        }
        if (stableSince != null && stableSince.isAfter(today)) {
            errors.add(new FieldError("stableSince", "date.future", List.of(stableSince.toString(), today.toString())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Optional<TrialRun> previous = repository.trialRun(projectId);
        RuleViolationException.throwIfAny(violations(project, previous.orElse(null), startedOn, stableSince));
        if (previous.isPresent() && previous.get().startedOn().equals(startedOn)
                && java.util.Objects.equals(previous.get().stableSince(), stableSince)) {
            return previous.get();
        }
        TrialRun run = new TrialRun(projectId, startedOn, stableSince, previous.map(TrialRun::version).orElse(0) + 1,
                users.current().username(), clock.instant());
        repository.insertTrialRun(run);
        audit.record("TRIAL_RUN_RECORDED", "TrialRun", projectId.toString(), projectId, project.code() + " started "
                + startedOn + (stableSince == null ? "" : ", stable since " + stableSince) + " (v" + run.version() + ")");
        openFinalApplicationDeadline(project, stableSince);
        return run;
    }

    static List<Violation> violations(Project project, TrialRun previous, LocalDate startedOn, LocalDate stableSince) {
        List<Violation> violations = new ArrayList<>();
        if (project.status() != ProjectStatus.UNDER_CONSTRUCTION && project.status() != ProjectStatus.IN_ACCEPTANCE) {
            violations.add(Violation.of("ART-26", "status", "violation.ART-26.initial-trial-status",
                    new cn.jl.govit.rulebook.MessageKey("enum.ProjectStatus." + project.status().name())));
            return violations;
        }
        if (project.constructionStartedOn() != null && startedOn.isBefore(project.constructionStartedOn())) {
            violations.add(Violation.of("ART-26", "startedOn", "violation.ART-26.initial-trial-before-construction",
                    startedOn.toString(), project.constructionStartedOn().toString()));
        }
        if (stableSince != null && stableSince.isBefore(startedOn)) {
            violations.add(Violation.of("ART-26", "stableSince", "violation.ART-26.initial-trial-stable-before-start",
                    stableSince.toString(), startedOn.toString()));
        }
        // once initial acceptance passed and the run is stable the Art. 26 window runs from these dates: fixed
        if (previous != null && previous.stable() && project.status() == ProjectStatus.IN_ACCEPTANCE
                && !(previous.startedOn().equals(startedOn) && previous.stableSince().equals(stableSince))) {
            violations.add(Violation.of("ART-26", "stableSince", "violation.ART-26.initial-trial-fixed",
                    previous.stableSince().toString()));
        }
        return violations;
    }

    /**
     * Opens (or re-dates, while pending) the final acceptance application deadline once the initial acceptance has
     * passed and the trial run is stable (Art. 26). Called in the transaction that recorded either fact.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void openFinalApplicationDeadline(Project project, LocalDate stableSince) {
        Project current = projects.find(project.id());
        new FinalAcceptanceWindow(policy.finalAcceptanceWindowMonths()).due(current.initialAcceptedOn(), stableSince)
                .ifPresent(due -> obligations.open(current.id(), ObligationType.FINAL_ACCEPTANCE_APPLICATION,
                        FINAL_SUBJECT, due, null, "ART-26", current.leadOrganizationCode()));
    }
}
