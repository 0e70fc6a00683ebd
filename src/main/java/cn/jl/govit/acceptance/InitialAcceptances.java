package cn.jl.govit.acceptance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.obligation.ConstructionDeadlines;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * Initial acceptance (初步验收, Art. 26, Annex 4 §6), organised and recorded by the construction unit: within the
 * approved construction period or an approved extension, with a report of every required special acceptance. A
 * passed attempt moves the project into acceptance, meets the INITIAL_ACCEPTANCE obligation and — with a stable
 * trial run — opens the final acceptance application deadline; a failed one opens a rectification (Art. 27), after
 * whose completion the unit tries again. Every attempt is kept.
 */
@Service
public class InitialAcceptances {

    private final InitialPhaseRepository repository;
    private final Projects projects;
    private final SpecialAcceptanceCatalog catalog;
    private final AcceptanceExtensions extensions;
    private final AcceptanceRectifications rectifications;
    private final TrialRuns trialRuns;
    private final Obligations obligations;
    private final Documents documents;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    InitialAcceptances(InitialPhaseRepository repository, Projects projects, SpecialAcceptanceCatalog catalog,
            AcceptanceExtensions extensions, AcceptanceRectifications rectifications, TrialRuns trialRuns,
            Obligations obligations, Documents documents, CurrentUsers users, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.catalog = catalog;
        this.extensions = extensions;
        this.rectifications = rectifications;
        this.trialRuns = trialRuns;
        this.obligations = obligations;
        this.documents = documents;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the unit reports: the day, the result, the report, the opinion and the special acceptances. */
    public record NewInitialAcceptance(LocalDate acceptedOn, InitialAcceptanceResult result, UUID reportDocumentId,
            String opinion, List<InitialAcceptance.SpecialAcceptanceReport> specialAcceptances) {
    }

    /** Every attempt, oldest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<InitialAcceptance> attempts(UUID projectId) {
        projects.get(projectId);
        return repository.attempts(projectId);
    }

    /** The passed attempt, if any. No scope check: the caller has checked its caller. */
    @Transactional(readOnly = true)
    public Optional<InitialAcceptance> passed(UUID projectId) {
        return repository.attempts(projectId).stream().filter(InitialAcceptance::passed).findFirst();
    }

    /** {@code 404} outside scope, {@code 403} unless the construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayRecord(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /** Whether the signed-in user records this project's initial acceptance now; the page shows the form then. */
    @Transactional(readOnly = true)
    public boolean canRecord(Project project) {
        return projects.isConstructionUnit(project) && project.status() == ProjectStatus.UNDER_CONSTRUCTION;
    }

    /**
     * Records an attempt: {@code 400} for a missing or future date, an unknown or repeated special acceptance code, or
     * a document that is not the project's; {@code 409} when another attempt was recorded meanwhile; {@code 422}
     * (ART-22, ART-26, ART-27) for the project's status, the timing, a missing report or special acceptance, or a
     * failure without an opinion.
     */
    @Transactional
    public InitialAcceptance record(UUID projectId, NewInitialAcceptance request) {
        Project project = checkMayRecord(projectId);
        InitialAcceptanceResult result = request.result() == null ? InitialAcceptanceResult.PASSED : request.result();
        List<InitialAcceptance.SpecialAcceptanceReport> specials = request.specialAcceptances() == null ? List.of()
                : request.specialAcceptances();
        validate(projectId, request, specials);

        List<Violation> status = statusViolations(project);
        RuleViolationException.throwIfAny(status);
        int lastAttempt = repository.lastAttempt(projectId);
        List<InitialAcceptance> previous = repository.attempts(projectId);
        List<Violation> violations = new ArrayList<>(InitialAcceptancePolicy.timing(new InitialAcceptancePolicy.Timing(
                request.acceptedOn(), project.constructionStartedOn(), project.plannedCompletion(),
                extensions.approvedUntil(projectId, AcceptanceKind.INITIAL).orElse(null),
                previous.isEmpty() ? null : previous.get(previous.size() - 1).acceptedOn(),
                rectifications.latest(projectId, AcceptanceKind.INITIAL).orElse(null))));
        Set<String> codes = new HashSet<>();
        specials.forEach(s -> codes.add(s.code()));
        violations.addAll(result == InitialAcceptanceResult.PASSED
                ? InitialAcceptancePolicy.passed(catalog.all(), codes, request.reportDocumentId() != null)
                : InitialAcceptancePolicy.failed(request.opinion()));
        RuleViolationException.throwIfAny(violations);

        String opinion = request.opinion() == null || request.opinion().isBlank() ? null : request.opinion().strip();
        InitialAcceptance attempt = new InitialAcceptance(UUID.randomUUID(), projectId, lastAttempt + 1,
                request.acceptedOn(), result, request.reportDocumentId(), opinion, users.current().username(),
                clock.instant(), specials);
        try {
            repository.insertAttempt(attempt);
        }
        catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("an initial acceptance of " + projectId + " was recorded meanwhile");
        }
        audit.record(result == InitialAcceptanceResult.PASSED ? "INITIAL_ACCEPTANCE_RECORDED" : "INITIAL_ACCEPTANCE_FAILED", "InitialAcceptance", attempt.id().toString(), projectId,
                project.code() + " attempt " + attempt.attempt() + " on " + request.acceptedOn() + ", "
                        + specials.size() + " special acceptances" + (opinion == null ? "" : " — " + opinion));
        if (result == InitialAcceptanceResult.PASSED) {
            projects.enterAcceptance(projectId, request.acceptedOn());
            obligations.meet(projectId, ObligationType.INITIAL_ACCEPTANCE, ConstructionDeadlines.INITIAL_ACCEPTANCE_SUBJECT,
                    request.acceptedOn());
            trialRuns.openFinalApplicationDeadline(project,
                    trialRuns.of(projectId).map(TrialRun::stableSince).orElse(null));
        }
        else {
            AcceptanceRectification r = rectifications.open(projectId, AcceptanceKind.INITIAL, request.acceptedOn(),
                    opinion);
            // Art. 27 gives the retry until the rectification deadline: the initial acceptance is not overdue before it
            obligations.find(projectId, ObligationType.INITIAL_ACCEPTANCE, ConstructionDeadlines.INITIAL_ACCEPTANCE_SUBJECT)
                    .filter(o -> o.pending() && o.dueDate().isBefore(r.dueDate()))
                    .ifPresent(o -> obligations.open(projectId, ObligationType.INITIAL_ACCEPTANCE, o.subject(),
                            r.dueDate(), null, AcceptanceRectifications.RULE, project.leadOrganizationCode()));
        }
        return repository.attempts(projectId).stream().filter(a -> a.id().equals(attempt.id())).findFirst().orElseThrow();
    }

    private static List<Violation> statusViolations(Project project) {
        if (project.status() == ProjectStatus.SUSPENDED) {
            return List.of(Violation.of("ART-22", "status", "violation.ART-22.suspended"));
        }
        if (project.status() != ProjectStatus.UNDER_CONSTRUCTION) {
            return List.of(Violation.of("ART-26", "status", "violation.ART-26.not-under-construction",
                    new MessageKey("enum.ProjectStatus." + project.status().name())));
        }
        return List.of();
    }

    private void validate(UUID projectId, NewInitialAcceptance request,
            List<InitialAcceptance.SpecialAcceptanceReport> specials) {
        LocalDate today = projects.today();
        List<FieldError> errors = new ArrayList<>();
        if (request.acceptedOn() == null) {
            errors.add(new FieldError("acceptedOn", "problem.field.required", List.of()));
        }
        else if (request.acceptedOn().isAfter(today)) {
            errors.add(new FieldError("acceptedOn", "date.future", List.of(request.acceptedOn().toString(), today.toString())));
        }
        if (request.opinion() != null && request.opinion().length() > 20_000) {
            errors.add(new FieldError("opinion", "problem.field.too-long", List.of(20_000)));
        }
        if (request.reportDocumentId() != null && !belongs(request.reportDocumentId(), projectId)) {
            errors.add(new FieldError("reportDocumentId", "acceptance.initial.document-foreign",
                    List.of(request.reportDocumentId().toString())));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < specials.size(); i++) {
            InitialAcceptance.SpecialAcceptanceReport s = specials.get(i);
            String field = "specialAcceptances[" + i + "]";
            if (s == null) {
                errors.add(new FieldError(field, "problem.field.required", List.of()));
                continue;
            }
            if (catalog.find(s.code()).isEmpty()) {
                errors.add(new FieldError(field + ".code", "acceptance.initial.special-unknown", List.of(s.code())));
            }
            else if (!seen.add(s.code())) {
                errors.add(new FieldError(field + ".code", "acceptance.initial.special-repeated", List.of(s.code())));
            }
            if (!belongs(s.documentId(), projectId)) {
                errors.add(new FieldError(field + ".documentId", "acceptance.initial.document-foreign",
                        List.of(s.documentId().toString())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
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
