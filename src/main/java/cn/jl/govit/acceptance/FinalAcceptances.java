package cn.jl.govit.acceptance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.archive.ArchiveAcceptances;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.expert.AcceptanceCommittee;
import cn.jl.govit.expert.AcceptanceCommittees;
import cn.jl.govit.expert.CommitteeReport;
import cn.jl.govit.expert.CommitteeRequest;
import cn.jl.govit.expert.MaterialRef;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * Final acceptance (竣工验收, Art. 24, 26, 27, Annex 4 §4, §5, §7). The construction unit applies with the Annex 4
 * materials once the initial acceptance passed and the trial run is stable; the approval authority forms the
 * acceptance committee with its expert group (expert module) and, on the experts' opinions, decides the result — or
 * delegates the acceptance of a simple or equipment-only project to the unit, which then records the result with its
 * own report. A pass needs the archive acceptance (Art. 24) and puts the project into operation; a failure opens the
 * rectification (Art. 27), after which the unit applies again. Applications are numbered and kept.
 */
@Service
public class FinalAcceptances {

    static final int MAX_TEXT = 20_000;

    private final FinalAcceptanceRepository repository;
    private final FinalAcceptanceMaterials catalogue;
    private final Projects projects;
    private final TrialRuns trialRuns;
    private final AcceptanceRectifications rectifications;
    private final InitialPhaseRepository initialPhase;
    private final ArchiveAcceptances archives;
    private final AcceptanceCommittees committees;
    private final Documents documents;
    private final Obligations obligations;
    private final Notifications notifications;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    FinalAcceptances(FinalAcceptanceRepository repository, FinalAcceptanceMaterials catalogue, Projects projects,
            TrialRuns trialRuns, AcceptanceRectifications rectifications, InitialPhaseRepository initialPhase,
            ArchiveAcceptances archives, AcceptanceCommittees committees, Documents documents, Obligations obligations,
            Notifications notifications, CurrentUsers users, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.projects = projects;
        this.trialRuns = trialRuns;
        this.rectifications = rectifications;
        this.initialPhase = initialPhase;
        this.archives = archives;
        this.committees = committees;
        this.documents = documents;
        this.obligations = obligations;
        this.notifications = notifications;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A material as the unit supplies it: its checklist code and a document of the project. */
    public record MaterialInput(String code, UUID documentId) {
    }

    /** The checklist for a project with these facts, in order, with how each material applies. */
    public List<ChecklistItem> checklist(boolean softwareDeveloped, boolean classified) {
        return catalogue.all().stream().map(m -> new ChecklistItem(m,
                FinalAcceptanceMaterialsPolicy.applicability(m, softwareDeveloped, classified))).toList();
    }

    /** One row of the checklist. */
    public record ChecklistItem(FinalAcceptanceMaterial material, MaterialApplicability applicability) {
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayApply(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /**
     * The construction unit applies for final acceptance today. {@code 400} for an unknown or repeated material code or
     * a document that is not the project's; {@code 422 ART-26} without a passed initial acceptance and a stable trial
     * run, while an application awaits its result, and with one violation per missing material; {@code 422 ART-27}
     * while the rectification after a failed final acceptance is open. Meets the application deadline and tells the
     * approval authority.
     */
    @Transactional
    public FinalAcceptanceApplication apply(UUID projectId, Boolean softwareDeveloped, List<MaterialInput> materials) {
        Project project = checkMayApply(projectId);
        List<FinalAcceptanceApplication.Material> supplied = materials(projectId, softwareDeveloped, materials);
        Optional<FinalAcceptanceApplication> latest = repository.latest(projectId);
        List<Violation> violations = new ArrayList<>(FinalAcceptancePolicy.application(project.status(),
                trialRuns.of(projectId).orElse(null), latest.orElse(null)));
        violations.addAll(rectifications.retryRefused(projectId, AcceptanceKind.FINAL));
        Set<String> codes = new HashSet<>();
        supplied.forEach(m -> codes.add(m.code()));
        violations.addAll(policy().missing(softwareDeveloped, project.facts().classified(), codes));
        RuleViolationException.throwIfAny(violations);

        LocalDate today = projects.today();
        int number = latest.map(FinalAcceptanceApplication::number).orElse(0) + 1;
        FinalAcceptanceApplication application = new FinalAcceptanceApplication(UUID.randomUUID(), projectId, number,
                softwareDeveloped, today, users.current().username(), clock.instant(), supplied,
                FinalAcceptanceStatus.PENDING, null, null, null, null, false, 0);
        try {
            repository.insert(application);
        }
        catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("a final acceptance application of " + projectId + " exists");
        }
        obligations.meet(projectId, ObligationType.FINAL_ACCEPTANCE_APPLICATION, TrialRuns.FINAL_SUBJECT, today);
        audit.record("FINAL_ACCEPTANCE_APPLIED", "FinalAcceptanceApplication", application.id().toString(), projectId,
                project.code() + " #" + number + " on " + today + ", " + supplied.size() + " materials"
                        + (softwareDeveloped ? ", software developed" : ""));
        notifications.notifyMembers(project.approvalAuthority().organizationCode(), Role.APPROVER,
                Notice.of("acceptance.final.notice.applied", link(projectId), projectId,
                        "final-acceptance-applied:" + application.id(), project.code(), String.valueOf(number)));
        return repository.latest(projectId).orElseThrow();
    }

    private List<FinalAcceptanceApplication.Material> materials(UUID projectId, Boolean softwareDeveloped,
            List<MaterialInput> materials) {
        List<FieldError> errors = new ArrayList<>();
        if (softwareDeveloped == null) {
            errors.add(new FieldError("softwareDeveloped", "problem.field.required", List.of()));
        }
        if (materials == null) {
            errors.add(new FieldError("materials", "problem.field.required", List.of()));
            throw new InvalidInputException(errors);
        }
        if (materials.size() > catalogue.all().size()) {
            errors.add(new FieldError("materials", "acceptance.final.field.too-many", List.of(catalogue.all().size())));
            throw new InvalidInputException(errors);
        }
        Set<String> seen = new HashSet<>();
        List<FinalAcceptanceApplication.Material> supplied = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            MaterialInput m = materials.get(i);
            String field = "materials[" + i + "]";
            if (m == null) {
                errors.add(new FieldError(field, "problem.field.required", List.of()));
                continue;
            }
            String code = m.code() == null ? null : m.code().strip();
            if (code == null || code.isEmpty()) {
                errors.add(new FieldError(field + ".code", "problem.field.required", List.of()));
            }
            else if (catalogue.find(code).isEmpty()) {
                errors.add(new FieldError(field + ".code", "acceptance.final.field.unknown-code", List.of(limit(code))));
            }
            else if (!seen.add(code)) {
                errors.add(new FieldError(field + ".code", "acceptance.final.field.duplicate-code", List.of(code)));
            }
            StoredDocument document = null;
            if (m.documentId() == null) {
                errors.add(new FieldError(field + ".documentId", "problem.field.required", List.of()));
            }
            else {
                document = ownDocument(projectId, m.documentId());
                if (document == null) {
                    errors.add(new FieldError(field + ".documentId", "acceptance.final.field.foreign-document", List.of()));
                }
            }
            if (code != null && document != null && catalogue.find(code).isPresent()) {
                supplied.add(new FinalAcceptanceApplication.Material(code, document.id(), document.sm3()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return supplied;
    }

    private StoredDocument ownDocument(UUID projectId, UUID documentId) {
        try {
            StoredDocument document = documents.get(documentId);
            return document.projectId().equals(projectId) ? document : null;
        }
        catch (RecordNotFoundException e) {
            return null;
        }
    }

    private static String limit(String text) {
        return text.length() > 32 ? text.substring(0, 32) + "…" : text;
    }

    /** Where the project's final acceptance stands ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public Overview overview(UUID projectId) {
        Project project = projects.get(projectId);
        List<FinalAcceptanceApplication> applications = repository.applications(projectId);
        FinalAcceptanceApplication latest = applications.isEmpty() ? null : applications.get(applications.size() - 1);
        Optional<CommitteeReport> committee = latest == null ? Optional.empty() : committee(latest.id());
        // The experts assess independently: while the result is pending, the construction unit (whose acceptance it
        // is) sees how many opinions are in, not who gave them or what they say; once decided, the record is open.
        boolean disclosed = latest == null || latest.status() != FinalAcceptanceStatus.PENDING
                || projects.isAuthority(project) || !users.current().isDepartmentStaff();
        return new Overview(project, applications, latest, repository.delegation(projectId).orElse(null),
                conditions(project, latest), committee.orElse(null), disclosed, archives.passed(projectId));
    }

    /**
     * The project's final acceptance: every application (oldest first), the latest, the delegation if any, the
     * conditions of Annex 4 §4, the latest application's committee with its opinions (its members and opinions only
     * when {@code committeeDisclosed}), and the archive gate.
     */
    public record Overview(Project project, List<FinalAcceptanceApplication> applications,
            FinalAcceptanceApplication latest, FinalAcceptanceDelegation delegation,
            List<FinalAcceptanceCondition> conditions, CommitteeReport committee, boolean committeeDisclosed,
            boolean archivePassed) {

        public FinalAcceptanceStatus status() {
            return latest == null ? null : latest.status();
        }
    }

    private List<FinalAcceptanceCondition> conditions(Project project, FinalAcceptanceApplication latest) {
        boolean stable = trialRuns.of(project.id()).map(TrialRun::stable).orElse(false);
        boolean securityRisk = initialPhase.attempts(project.id()).stream().filter(InitialAcceptance::passed)
                .flatMap(a -> a.specialAcceptances().stream()).anyMatch(s -> "SA-SECURITY-RISK".equals(s.code()))
                || (latest != null && latest.has("AM14.1"));
        return FinalAcceptancePolicy.conditions(new FinalAcceptancePolicy.ConditionFacts(
                project.initialAcceptedOn() != null, stable, latest, securityRisk, archives.passed(project.id())));
    }

    private Optional<CommitteeReport> committee(UUID applicationId) {
        return committees.committeeOf(applicationId).map(c -> committees.consolidated(applicationId));
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's approval authority. */
    @Transactional(readOnly = true)
    public Project checkAuthority(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireAuthority(project);
        return project;
    }

    /**
     * The approval authority forms the acceptance committee of the pending application (Annex 4 §7 (二) 1): drawn at
     * random ({@code size}) or named ({@code experts}), excluding experts of the lead and participating departments.
     * {@code 422 ART-26} without a pending application or once the acceptance was delegated; {@code 409} for a second
     * committee.
     */
    @Transactional
    public AcceptanceCommittee formCommittee(UUID projectId, Integer size, List<String> experts) {
        Project project = checkAuthority(projectId);
        if ((size == null) == (experts == null)) {
            throw new InvalidInputException("size", "acceptance.final.field.size-or-experts");
        }
        FinalAcceptanceApplication pending = repository.latest(projectId).filter(FinalAcceptanceApplication::pending)
                .orElseThrow(() -> new RuleViolationException(
                        Violation.of("ART-26", "application", "violation.ART-26.final-no-application")));
        repository.delegation(projectId).ifPresent(d -> {
            throw new RuleViolationException(Violation.of("ART-26", "delegation",
                    "violation.ART-26.final-committee-delegated", d.delegatedOn().toString()));
        });
        List<MaterialRef> materials = pending.materials().stream().map(m -> new MaterialRef(m.code(),
                catalogue.find(m.code()).map(FinalAcceptanceMaterial::title).orElse(m.code()), m.documentId(), m.sm3()))
                .toList();
        Set<String> conflicts = new LinkedHashSet<>();
        conflicts.add(project.leadOrganizationCode());
        conflicts.addAll(project.participatingOrganizationCodes());
        CommitteeRequest request = new CommitteeRequest(pending.id(), projectId, project.code(), project.name(),
                materials, conflicts);
        AcceptanceCommittee committee;
        try {
            committee = size != null ? committees.draw(request, size) : committees.name(request, experts);
        }
        catch (InvalidInputException e) {
            // the expert module names its own fields; the caller sent "size" or "experts"
            throw new InvalidInputException(e.errors().stream().map(f -> new FieldError(
                    f.field().replace("expertUsernames", "experts"), f.messageKey(), f.args())).toList());
        }
        audit.record("FINAL_ACCEPTANCE_COMMITTEE_FORMED", "FinalAcceptanceApplication", pending.id().toString(),
                projectId, project.code() + " #" + pending.number() + " committee of " + committee.members().size());
        return committee;
    }

    /**
     * {@code 404} outside scope, {@code 403} unless the caller decides the result: the approval authority, or the
     * construction unit once the authority delegated the acceptance (and then only the unit).
     */
    @Transactional(readOnly = true)
    public Project checkMayDecide(UUID projectId) {
        Project project = projects.get(projectId);
        if (!mayDecide(project)) {
            throw new AccessDeniedException("only the approval authority, or the construction unit by delegation");
        }
        return project;
    }

    private boolean mayDecide(Project project) {
        return repository.delegation(project.id()).isPresent() ? projects.isConstructionUnit(project)
                : projects.isAuthority(project);
    }

    /**
     * Records the result of the pending application (Annex 4 §7 (二) 3 or §5 (二)). {@code 400} for a missing outcome
     * or date, a date in the future, or a report that is not the project's document; {@code 422} as
     * {@link FinalAcceptancePolicy#result} says. A pass starts operation; a failure opens the rectification (Art. 27).
     * The unit is told either way.
     */
    @Transactional
    public FinalAcceptanceApplication decide(UUID projectId, FinalAcceptanceOutcome outcome, LocalDate decidedOn,
            String opinion, UUID reportDocumentId) {
        Project project = checkMayDecide(projectId);
        LocalDate today = projects.today();
        List<FieldError> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(new FieldError("outcome", "problem.field.required", List.of()));
        }
        if (decidedOn == null) {
            errors.add(new FieldError("decidedOn", "problem.field.required", List.of()));
        }
        else if (decidedOn.isAfter(today)) {
            errors.add(new FieldError("decidedOn", "date.future", List.of(decidedOn.toString(), today.toString())));
        }
        if (opinion != null && (opinion.length() > MAX_TEXT || opinion.indexOf('\u0000') >= 0)) {
            errors.add(new FieldError("opinion", "problem.field.too-long", List.of(MAX_TEXT)));
        }
        if (reportDocumentId != null && ownDocument(projectId, reportDocumentId) == null) {
            errors.add(new FieldError("reportDocumentId", "acceptance.final.field.foreign-document", List.of()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean delegated = repository.delegation(projectId).isPresent();
        FinalAcceptanceApplication pending = repository.latest(projectId).filter(FinalAcceptanceApplication::pending)
                .orElse(null);
        boolean formed = pending != null && committees.committeeOf(pending.id()).isPresent();
        boolean complete = pending != null && committees.allOpinionsIn(pending.id());
        RuleViolationException.throwIfAny(FinalAcceptancePolicy.result(new FinalAcceptancePolicy.ResultFacts(pending,
                delegated, formed, complete, archives.passed(projectId)), outcome, decidedOn, opinion,
                reportDocumentId != null));
        String cleanOpinion = opinion == null || opinion.isBlank() ? null : opinion.strip();
        FinalAcceptanceStatus status = outcome == FinalAcceptanceOutcome.PASSED ? FinalAcceptanceStatus.PASSED
                : FinalAcceptanceStatus.FAILED;
        repository.decide(pending, status, decidedOn, cleanOpinion, users.current().username(), clock.instant(),
                delegated ? reportDocumentId : null, delegated);
        audit.record("FINAL_ACCEPTANCE_" + status.name(), "FinalAcceptanceApplication", pending.id().toString(),
                projectId, project.code() + " #" + pending.number() + " on " + decidedOn
                        + (delegated ? " by the construction unit (delegated)" : "")
                        + (cleanOpinion == null ? "" : " — " + cleanOpinion));
        if (status == FinalAcceptanceStatus.PASSED) {
            projects.startOperation(projectId, decidedOn);
        }
        else {
            rectifications.open(projectId, AcceptanceKind.FINAL, decidedOn, cleanOpinion);
        }
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("acceptance.final.notice." + status.name().toLowerCase(java.util.Locale.ROOT), link(projectId),
                        projectId, "final-acceptance-decided:" + pending.id(), project.code(), decidedOn.toString()));
        return repository.latest(projectId).orElseThrow();
    }

    /**
     * The approval authority delegates the final acceptance to the construction unit (Annex 4 §5 (二)): {@code 400}
     * without a reason; {@code 422 ART-26} unless the project is of single content or pure equipment purchase, or when
     * already delegated or past acceptance.
     */
    @Transactional
    public FinalAcceptanceDelegation delegate(UUID projectId, String reason) {
        Project project = checkAuthority(projectId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "problem.field.required");
        }
        if (reason.length() > MAX_TEXT || reason.indexOf('\u0000') >= 0) {
            throw new InvalidInputException("reason", "problem.field.too-long", MAX_TEXT);
        }
        RuleViolationException.throwIfAny(delegationRefused(project));
        FinalAcceptanceDelegation delegation = new FinalAcceptanceDelegation(UUID.randomUUID(), projectId,
                reason.strip(), projects.today(), users.current().username(), clock.instant());
        try {
            repository.insertDelegation(delegation);
        }
        catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("the final acceptance of " + projectId + " was delegated");
        }
        audit.record("FINAL_ACCEPTANCE_DELEGATED", "FinalAcceptanceDelegation", delegation.id().toString(), projectId,
                project.code() + " on " + delegation.delegatedOn() + " — " + delegation.reason());
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("acceptance.final.notice.delegated", link(projectId), projectId,
                        "final-acceptance-delegated:" + projectId, project.code()));
        return delegation;
    }

    /**
     * The pending applications of the projects whose approval authority the caller is, oldest first; {@code 403}
     * for anyone but an approver.
     */
    @Transactional(readOnly = true)
    public PageOf<Pending> pending(Paging paging) {
        if (!projects.hasRole(Role.APPROVER)) {
            throw new AccessDeniedException("only approvers see the final acceptance queue");
        }
        List<UUID> mine = repository.projectsWithPendingApplications().stream().distinct()
                .filter(id -> projects.isAuthority(projects.find(id))).toList();
        return new PageOf<>(repository.pending(mine, paging.page(), paging.size()), paging.page(), paging.size(),
                repository.countPending(mine)).map(a -> new Pending(a, projects.find(a.projectId()),
                        committees.committeeOf(a.id()).isPresent(), committees.allOpinionsIn(a.id())));
    }

    /** A pending application in the authority's queue, with its project and how far its committee is. */
    public record Pending(FinalAcceptanceApplication application, Project project, boolean committeeFormed,
            boolean opinionsComplete) {
    }

    /** Whether the signed-in user applies now (the page shows the form then). */
    @Transactional(readOnly = true)
    public boolean canApply(Project project) {
        return projects.isConstructionUnit(project) && project.status() == ProjectStatus.IN_ACCEPTANCE
                && repository.latest(project.id()).map(a -> !a.pending()).orElse(true);
    }

    /** Whether the signed-in user forms the committee now. */
    @Transactional(readOnly = true)
    public boolean canFormCommittee(Project project) {
        return projects.isAuthority(project) && repository.delegation(project.id()).isEmpty()
                && repository.latest(project.id()).filter(FinalAcceptanceApplication::pending)
                        .map(a -> committees.committeeOf(a.id()).isEmpty()).orElse(false);
    }

    /** Whether the signed-in user records the result now. */
    @Transactional(readOnly = true)
    public boolean canDecide(Project project) {
        return mayDecide(project) && repository.latest(project.id()).map(FinalAcceptanceApplication::pending).orElse(false);
    }

    /** Whether the signed-in user may delegate the acceptance now. */
    @Transactional(readOnly = true)
    public boolean canDelegate(Project project) {
        return projects.isAuthority(project) && delegationRefused(project).isEmpty();
    }

    /** Annex 4 §5 (二), and not once the authority formed the committee of the pending application itself. */
    private List<Violation> delegationRefused(Project project) {
        List<Violation> violations = new ArrayList<>(FinalAcceptancePolicy.delegation(
                project.facts().simpleOrEquipmentOnly(), project.status(), repository.delegation(project.id()).orElse(null)));
        repository.latest(project.id()).filter(FinalAcceptanceApplication::pending)
                .filter(a -> committees.committeeOf(a.id()).isPresent())
                .ifPresent(a -> violations.add(Violation.of("ART-26", "committee",
                        "violation.ART-26.final-delegation-committee-formed", a.number())));
        return violations;
    }

    /** Every application of the project, oldest first, without a scope check; for the archive package. */
    @Transactional(readOnly = true)
    public List<FinalAcceptanceApplication> applications(UUID projectId) {
        return repository.applications(projectId);
    }

    /** Today in the provincial calendar. */
    public LocalDate today() {
        return projects.today();
    }

    private FinalAcceptanceMaterialsPolicy policy() {
        return new FinalAcceptanceMaterialsPolicy(catalogue.all());
    }

    private static String link(UUID projectId) {
        return "/projects/" + projectId + "/final-acceptance";
    }

}
