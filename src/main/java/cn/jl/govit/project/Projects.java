package cn.jl.govit.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.audit.AuditTrail;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.StampedCache;

/**
 * The project registry's use cases, the same for the pages and the REST API. Checks run in the order of
 * the API contract: scope (404), role (403), input (400), version (409), rules of the measures (422).
 */
@Service
public class Projects {

    /** Project codes and dates follow the provincial calendar. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ProjectRepository repository;
    private final CurrentUsers users;
    private final Organizations organizations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail trail;
    private final StampedCache<CountKey, Long> counts;
    private final long commonWordMatches;

    Projects(ProjectRepository repository, CurrentUsers users, Organizations organizations, AuditLog audit,
            AuditTrail trail, ApplicationEventPublisher events, Clock clock,
            @Value("${govit.list-totals.cache-max-age:60s}") Duration countCacheMaxAge,
            @Value("${govit.search.common-word-matches:3000}") long commonWordMatches) {
        this.repository = repository;
        this.users = users;
        this.organizations = organizations;
        this.audit = audit;
        this.trail = trail;
        this.events = events;
        this.clock = clock;
        // one count per scope and filter; searches make many, the bound keeps them from growing without end
        this.counts = new StampedCache<>(countCacheMaxAge, clock, 10_000);
        this.commonWordMatches = commonWordMatches;
    }

    /** What a list's total depends on besides the change stamp. */
    private record CountKey(ProjectScope.Filter scope, ProjectListFilter filter) {
    }

    /** Refuses ({@code 403}) a caller who may not propose projects. */
    public void checkMayPropose() {
        if (!users.current().isDepartmentStaff()) {
            throw new AccessDeniedException("only department staff propose projects");
        }
    }

    /** Refuses with {@code 404} outside scope, {@code 403} for any role but the Digital Bureau's approver. */
    @Transactional(readOnly = true)
    public void checkMayDecideConstructionMode(UUID id) {
        get(id);
        if (!users.current().isApproverOf(OrganizationCodes.DIGITAL_BUREAU)) {
            throw new AccessDeniedException("only the Digital Bureau decides the construction mode");
        }
    }

    /** Refuses with {@code 404} outside scope, {@code 403} for anyone but the project's approval authority. */
    @Transactional(readOnly = true)
    public void checkMaySimplifyApprovalPath(UUID id) {
        Project project = get(id);
        if (!users.current().isApproverOf(project.approvalAuthority().organizationCode())) {
            throw new AccessDeniedException("only the project's approval authority simplifies its path");
        }
    }

    /** A department proposes a project, which it leads. */
    @Transactional
    public Project propose(NewProject proposal) {
        checkMayPropose();
        CurrentUser user = users.current();
        checkProposal(proposal, user.organizationCode());
        UUID id = UUID.randomUUID();
        String code = repository.nextCode(LocalDate.now(clock.withZone(ZONE)).getYear());
        Project project = Project.propose(id, code, proposal, user.organizationCode(), user.username(), clock.instant());
        repository.insert(project);
        audit.record("PROJECT_PROPOSED", "Project", id.toString(), id,
                code + " " + proposal.name() + "; " + project.approvalAuthority() + " " + project.approvalPath().type()
                        + " " + project.approvalPath().stages());
        publish(project);
        return project;
    }

    /**
     * The Digital Bureau creates a project out of triaged demands (Art. 7): the demands' department leads it.
     * Called by the planning module, which has checked the caller's role.
     */
    @Transactional
    public Project proposeFor(NewProject proposal, String leadOrganizationCode) {
        CurrentUser user = users.current();
        if (!user.isApproverOf(OrganizationCodes.DIGITAL_BUREAU)) {
            throw new AccessDeniedException("only the Digital Bureau creates projects from demands");
        }
        Organization lead = organizations.find(leadOrganizationCode)
                .filter(o -> o.active() && o.kind() == OrganizationKind.DEPARTMENT)
                .orElseThrow(() -> new InvalidInputException("leadOrganizationCode", "organization.unknown", leadOrganizationCode));
        checkProposal(proposal, lead.code());
        UUID id = UUID.randomUUID();
        String code = repository.nextCode(LocalDate.now(clock.withZone(ZONE)).getYear());
        Project project = Project.propose(id, code, proposal, lead.code(), user.username(), clock.instant());
        repository.insert(project);
        audit.record("PROJECT_PROPOSED", "Project", id.toString(), id,
                code + " " + proposal.name() + " (by " + user.organizationCode() + " for " + lead.code() + "); "
                        + project.approvalAuthority() + " " + project.approvalPath().type() + " " + project.approvalPath().stages());
        publish(project);
        return project;
    }

    /**
     * Records that the construction unit filed a stage's submission (Art. 7, 9); the approval module calls it
     * in its own transaction after its formal review passed.
     */
    @Transactional
    public Project submitStage(UUID id, Stage stage) {
        Project project = get(id);
        if (!ProjectScope.isConstructionUnit(users.current(), project)) {
            throw new AccessDeniedException("only the construction unit submits");
        }
        project.submitStage(stage);
        return save(project, "STAGE_SUBMITTED", project.code() + " " + stage);
    }

    /**
     * The project's approval authority approves a stage; the last one sets the approved estimate, construction
     * period and approval date (Art. 9).
     */
    @Transactional
    public Project approveStage(UUID id, Stage stage, BigDecimal approvedInvestment, Integer constructionPeriodMonths,
            LocalDate decidedOn) {
        Project project = get(id);
        requireAuthority(project);
        project.approveStage(stage, approvedInvestment, constructionPeriodMonths, decidedOn);
        return save(project, "STAGE_APPROVED",
                project.code() + " " + stage + " "
                + approvedInvestment.toPlainString() + (project.status() == ProjectStatus.APPROVED ? " APPROVED" : ""));
    }

    /** The project's approval authority rejects the project at a stage. */
    @Transactional
    public Project reject(UUID id, Stage stage) {
        Project project = get(id);
        requireAuthority(project);
        project.reject(stage);
        return save(project, "PROJECT_REJECTED", project.code() + " " + stage);
    }

    /**
     * The construction unit starts construction of its approved project (Art. 14): {@code 404} outside scope,
     * {@code 403} for anyone but the lead department, {@code 400} for a date in the future, {@code 409} for a
     * stale version, {@code 422} before the approval.
     */
    @Transactional
    public Project startConstruction(UUID id, Long expectedVersion, LocalDate startedOn) {
        Project project = get(id);
        requireConstructionUnit(project);
        checkVersion(project, expectedVersion);
        project.startConstruction(startedOn, today());
        return save(project, "CONSTRUCTION_STARTED",
                project.code() + " started " + startedOn + ", planned completion " + project.plannedCompletion());
    }

    /** The project's approval authority suspends construction (Art. 22); {@code 404}, {@code 403}, {@code 422}. */
    @Transactional
    public Project suspend(UUID id, String reason) {
        Project project = get(id);
        requireAuthority(project);
        project.suspend(reason);
        return save(project, "CONSTRUCTION_SUSPENDED", project.code() + " — " + reason);
    }

    /** The project's approval authority lets construction resume (Art. 22). */
    @Transactional
    public Project resume(UUID id, String reason) {
        Project project = get(id);
        requireAuthority(project);
        project.resume(reason);
        return save(project, "CONSTRUCTION_RESUMED", project.code() + " — " + reason);
    }

    /**
     * Suspends construction as the Art. 31 sanction (the supervision module decides it and records the sanction in
     * the same transaction): only the project's approval authority; {@code 422} unless under construction.
     */
    @Transactional
    public Project suspendUnderSanction(UUID id, String reason) {
        Project project = get(id);
        requireAuthority(project);
        project.suspend("ART-31", reason);
        return save(project, "CONSTRUCTION_SUSPENDED", project.code() + " (ART-31) — " + reason);
    }

    /** Lets construction resume when the Art. 31 sanction that suspended it is lifted: the approval authority. */
    @Transactional
    public Project resumeAfterSanction(UUID id, String reason) {
        Project project = get(id);
        requireAuthority(project);
        project.resume("ART-31", reason);
        return save(project, "CONSTRUCTION_RESUMED", project.code() + " (ART-31) — " + reason);
    }

    /** Finance suspends the project's funds as the Art. 31 sanction: further disbursements are refused. */
    @Transactional
    public Project suspendFunds(UUID id, String reason) {
        Project project = get(id);
        requireFinance();
        project.suspendFunds(reason);
        return save(project, "FUNDS_SUSPENDED", project.code() + " — " + reason);
    }

    /** Finance lifts the suspension of the project's funds. */
    @Transactional
    public Project resumeFunds(UUID id, String reason) {
        Project project = get(id);
        requireFinance();
        project.resumeFunds(reason);
        return save(project, "FUNDS_RESUMED", project.code() + " — " + reason);
    }

    /**
     * Terminates the project, the last step of the Art. 31 ladder: only its approval authority; the supervision
     * module checks the ladder first. From then on the project is read-only.
     */
    @Transactional
    public Project terminate(UUID id, String reason) {
        Project project = get(id);
        requireAuthority(project);
        project.terminate(today(), reason);
        return save(project, "PROJECT_TERMINATED", project.code() + " — " + reason);
    }

    /** Refuses ({@code 403}) anyone but the Provincial Department of Finance's staff. */
    private void requireFinance() {
        if (!OrganizationCodes.FINANCE.equals(users.current().organizationCode())) {
            throw new AccessDeniedException("only the Department of Finance suspends or releases funds");
        }
    }

    /**
     * Sets a new approved estimate after an approval (Art. 21, 23): only the project's approval authority, which
     * decided the re-approval or records the provincial government's decision.
     */
    @Transactional
    public Project reviseApprovedEstimate(UUID id, BigDecimal newEstimate, String basis) {
        return reviseApproval(id, newEstimate, null, basis);
    }

    /**
     * Sets a new approved estimate and, if given, a new construction period after a re-approval (Art. 23): only the
     * project's approval authority, which decided it.
     */
    @Transactional
    public Project reviseApproval(UUID id, BigDecimal newEstimate, Integer newPeriodMonths, String basis) {
        Project project = get(id);
        requireAuthority(project);
        BigDecimal previous = project.approvedEstimate();
        int previousMonths = project.approvedConstructionPeriodMonths();
        project.reviseApproval(newEstimate, newPeriodMonths, basis);
        return save(project, "APPROVED_ESTIMATE_REVISED",
                project.code() + " "
                + (previous == null ? "-" : previous.toPlainString()) + " -> " + newEstimate.toPlainString()
                + (previousMonths == project.approvedConstructionPeriodMonths() ? ""
                        : ", period " + previousMonths + " -> " + project.approvedConstructionPeriodMonths() + " months")
                + " — " + basis);
    }

    /**
     * Records that the initial acceptance passed (Art. 26): the project moves into acceptance. Only its construction
     * unit, which organises the initial acceptance; the acceptance module calls it in its own transaction after its
     * policies (period, extension, special acceptances) passed.
     */
    @Transactional
    public Project enterAcceptance(UUID id, LocalDate acceptedOn) {
        Project project = get(id);
        requireConstructionUnit(project);
        project.enterAcceptance(acceptedOn, today());
        return save(project, "INITIAL_ACCEPTANCE_PASSED", project.code() + " initial acceptance passed " + acceptedOn);
    }

    /**
     * Records that the final acceptance passed (Annex 4 §7): the project is in operation. The project's approval
     * authority decides it, or its construction unit when the authority delegated the acceptance of a simple or
     * equipment-only project (Annex 4 §5); the acceptance module checks the delegation and the gates (Art. 24, 26)
     * before it calls this in its own transaction.
     */
    @Transactional
    public Project startOperation(UUID id, LocalDate acceptedOn) {
        Project project = get(id);
        if (!isAuthority(project) && !isConstructionUnit(project)) {
            throw new AccessDeniedException("only the project's approval authority or, by delegation, its construction unit");
        }
        project.startOperation(acceptedOn, today());
        return save(project, "OPERATION_STARTED", project.code() + " final acceptance passed " + acceptedOn
                + ", in operation");
    }

    /**
     * Refuses with {@code 422} a construction record or change on a project that is suspended (ART-22) or not
     * under construction (ART-14); for the construction-phase modules, after their scope and role checks.
     */
    public static void requireOpenForConstruction(Project project) {
        cn.jl.govit.rulebook.RuleViolationException.throwIfAny(project.constructionRecordsRefused());
    }

    /** Whether the signed-in user is the project's construction unit (its lead department's staff). */
    public boolean isConstructionUnit(Project project) {
        return users.find().map(u -> ProjectScope.isConstructionUnit(u, project)).orElse(false);
    }

    /** Whether the signed-in user is the project's approval authority (Art. 5). */
    public boolean isAuthority(Project project) {
        return users.find().map(u -> u.isApproverOf(project.approvalAuthority().organizationCode())).orElse(false);
    }

    /** Refuses ({@code 403}) anyone but the project's construction unit. */
    public void requireConstructionUnit(Project project) {
        if (!isConstructionUnit(project)) {
            throw new AccessDeniedException("only the project's construction unit");
        }
    }

    /** Refuses ({@code 403}) anyone but the project's approval authority. */
    public void requireAuthority(Project project) {
        if (!isAuthority(project)) {
            throw new AccessDeniedException("only the project's approval authority");
        }
    }

    /** Today in the provincial calendar. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /**
     * One statement (the project with its funding lines): it joins a caller's transaction, and needs none of its own
     * (a read-only transaction's own round trips were a third of a detail request's database time, issue 8).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Project get(UUID id) {
        CurrentUser user = users.current();
        Project project = repository.findById(id).orElseThrow(() -> new RecordNotFoundException("Project", id));
        if (!ProjectScope.canRead(user, project)) {
            throw RecordNotFoundException.outOfScope("Project", id);
        }
        return project;
    }

    /**
     * The project without a scope check, for a module that has decided access itself: an expert reads the
     * submission under review, and with it the facts of its project (Art. 10), but no other project record.
     */
    @Transactional(readOnly = true)
    public Project find(UUID id) {
        return repository.findById(id).orElseThrow(() -> new RecordNotFoundException("Project", id));
    }

    /** Whether the signed-in user may see the project; for modules that show its records. */
    @Transactional(readOnly = true)
    public boolean isVisible(UUID id) {
        return users.find().flatMap(u -> repository.findById(id).filter(p -> ProjectScope.canRead(u, p))).isPresent();
    }

    @Transactional(readOnly = true)
    public PageOf<Project> page(ProjectStatus status, String query, int page, int size) {
        ProjectScope.Filter scope = ProjectScope.filterFor(users.current());
        String q = query == null ? "" : query.strip();
        if (scope.none()) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        return page(scope, ProjectListFilter.of(status, q), page, size);
    }

    /** The list under all its filters (the overview's drill-down), within the caller's scope whatever it asks. */
    @Transactional(readOnly = true)
    public PageOf<Project> page(ProjectListFilter filter, int page, int size) {
        ProjectScope.Filter scope = ProjectScope.filterFor(users.current());
        if (scope.none()) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        return page(scope, filter, page, size);
    }

    /** The total first (kept, see {@link #count}): it tells whether a search is for a common word. */
    private PageOf<Project> page(ProjectScope.Filter scope, ProjectListFilter filter, int page, int size) {
        long total = count(scope, filter);
        boolean commonWord = !filter.query().isEmpty() && total > commonWordMatches;
        return new PageOf<>(repository.page(scope, filter, page, size, commonWord), page, size, total);
    }

    /**
     * A list's total: counting 100,000 projects costs more than the page itself, and the total only changes with a
     * state change, each of which advances the audit chain; so it is kept while the chain's head stays (StampedCache).
     */
    private long count(ProjectScope.Filter scope, ProjectListFilter filter) {
        return counts.get(new CountKey(scope, filter), trail.head(), () -> repository.count(scope, filter));
    }

    @Transactional(readOnly = true)
    public Map<ProjectStatus, Long> countByStatus() {
        ProjectScope.Filter scope = ProjectScope.filterFor(users.current());
        return scope.none() ? Map.of() : repository.countByStatus(scope);
    }

    /** The Digital Bureau decides unified or self construction (Art. 7–8). */
    @Transactional
    public Project decideConstructionMode(UUID id, Long expectedVersion, ConstructionMode mode,
            SelfBuildException exception, String justification) {
        checkMayDecideConstructionMode(id);
        Project project = get(id);
        CurrentUser user = users.current();
        checkVersion(project, expectedVersion);
        project.decideConstructionMode(mode, exception, justification, user.username(), LocalDate.now(clock.withZone(ZONE)));
        return save(project, "CONSTRUCTION_MODE_DECIDED",
                project.code() + " " + mode + (exception == null ? "" : " (" + exception + ")"));
    }

    /** The project's approval authority sets a shorter path on another legal basis (Art. 9 (4)). */
    @Transactional
    public Project simplifyApprovalPath(UUID id, Long expectedVersion, List<Stage> stages, String legalBasis) {
        checkMaySimplifyApprovalPath(id);
        Project project = get(id);
        checkVersion(project, expectedVersion);
        project.simplifyApprovalPath(stages, legalBasis);
        return save(project, "APPROVAL_PATH_SIMPLIFIED",
                project.code() + " " + project.approvalPath().stages() + " — " + project.approvalPath().legalBasis());
    }

    private void checkProposal(NewProject proposal, String leadCode) {
        List<FieldError> errors = new ArrayList<>();
        var seen = new HashSet<String>();
        for (int i = 0; i < proposal.participatingOrganizationCodes().size(); i++) {
            String code = proposal.participatingOrganizationCodes().get(i);
            String field = "participatingOrganizationCodes[" + i + "]";
            Organization org = organizations.find(code).orElse(null);
            if (org == null || !org.active()) {
                errors.add(new FieldError(field, "organization.unknown", List.of(String.valueOf(code))));
            }
            else if (org.kind() != OrganizationKind.DEPARTMENT) {
                errors.add(new FieldError(field, "project.participant.not-department", List.of(code)));
            }
            else if (code.equals(leadCode)) {
                errors.add(new FieldError(field, "project.participant.is-lead", List.of(code)));
            }
            else if (!seen.add(code)) {
                errors.add(new FieldError(field, "project.participant.duplicate", List.of(code)));
            }
        }
        var sources = new HashSet<FundingSource>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < proposal.facts().fundingSources().size(); i++) {
            FundingLine line = proposal.facts().fundingSources().get(i);
            if (!sources.add(line.source())) {
                errors.add(new FieldError("fundingSources[" + i + "].source", "project.funding.duplicate",
                        List.of(new MessageKey("enum.FundingSource." + line.source().name()))));
            }
            total = total.add(line.amount());
        }
        if (total.compareTo(proposal.estimatedInvestment()) != 0) {
            errors.add(new FieldError("fundingSources", "project.funding.sum",
                    List.of(total.toPlainString(), proposal.estimatedInvestment().toPlainString())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void checkVersion(Project project, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != project.version()) {
            throw new OptimisticLockingFailureException("project " + project.id() + " is at version " + project.version());
        }
    }

    /** Stores the project after a verb, records its audit event in the same transaction and publishes its events. */
    private Project save(Project project, String action, String summary) {
        Project saved = repository.update(project);
        audit.record(action, "Project", project.id().toString(), project.id(), summary);
        publish(project);
        return saved;
    }

    private void publish(Project project) {
        project.pullEvents().forEach(events::publishEvent);
    }

    /** Whether the user may propose projects; the pages show the button only then. */
    public boolean canPropose() {
        return users.find().map(CurrentUser::isDepartmentStaff).orElse(false);
    }

    public boolean canDecideConstructionMode(Project project) {
        return project.status() == ProjectStatus.DRAFT
                && users.find().map(u -> u.isApproverOf(OrganizationCodes.DIGITAL_BUREAU)).orElse(false);
    }

    public boolean hasRole(Role role) {
        return users.find().map(u -> u.has(role)).orElse(false);
    }
}
