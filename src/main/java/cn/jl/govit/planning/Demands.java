package cn.jl.govit.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.audit.Sm3;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.NewProject;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectFacts;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The annual demand plan (Art. 6–7): the Bureau's call for a year, the departments' demands within it, the
 * Bureau's scores and its triage of each demand into a project (alone or merged under a lead department) or
 * a refusal with a reason. Checks run in the contract's order: scope (404), role (403), input (400),
 * version or race (409), rules of the measures (422).
 */
@Service
public class Demands {

    private final PlanningRepository repository;
    private final CurrentUsers users;
    private final Organizations organizations;
    private final Projects projects;
    private final AuditLog audit;
    private final Clock clock;

    Demands(PlanningRepository repository, CurrentUsers users, Organizations organizations, Projects projects,
            AuditLog audit, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.organizations = organizations;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Projects.ZONE));
    }

    /** Refuses with {@code 404} those outside planning: the system administrator and experts. */
    public void checkReadsPlanning() {
        if (!PlanningScope.readsPlanning(users.current())) {
            throw new RecordNotFoundException("Planning", "pages");
        }
    }

    // calls

    public void checkMayOpenCall() {
        if (!PlanningScope.isBureau(users.current())) {
            throw new AccessDeniedException("only the Digital Bureau opens the demand call");
        }
    }

    @Transactional
    public DemandCall openCall(NewDemandCall request) {
        checkMayOpenCall();
        LocalDate opensOn = request.opensOn() == null ? today() : request.opensOn();
        List<FieldError> errors = new ArrayList<>();
        if (repository.callFor(request.year()).isPresent()) {
            errors.add(new FieldError("year", "planning.call.exists", List.of(String.valueOf(request.year()))));
        }
        if (request.closesOn().isBefore(opensOn)) {
            errors.add(new FieldError("closesOn", "planning.call.closes-before-opening", List.of(opensOn.toString())));
        }
        else if (request.closesOn().isBefore(today())) {
            errors.add(new FieldError("closesOn", "planning.call.closes-in-past", List.of()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CurrentUser user = users.current();
        DemandCall call = new DemandCall(UUID.randomUUID(), request.year(), opensOn, request.closesOn(),
                request.focusAreas(), user.username(), 0);
        repository.insertCall(call, clock.instant());
        audit.record("DEMAND_CALL_OPENED", "DemandCall", call.id().toString(), null,
                call.year() + " " + call.opensOn() + "–" + call.closesOn());
        return call;
    }

    @Transactional(readOnly = true)
    public DemandCall call(UUID id) {
        if (!PlanningScope.readsPlanning(users.current())) {
            throw new RecordNotFoundException("DemandCall", id);
        }
        return repository.call(id).orElseThrow(() -> new RecordNotFoundException("DemandCall", id));
    }

    @Transactional(readOnly = true)
    public PageOf<DemandCall> calls(int page, int size) {
        if (!PlanningScope.readsPlanning(users.current())) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        return new PageOf<>(repository.calls(page * size, size), page, size, repository.countCalls());
    }

    /** The call open today, if any. */
    @Transactional(readOnly = true)
    public Optional<DemandCall> openCall() {
        return repository.callFor(today().getYear()).filter(c -> c.isOpenOn(today()))
                .or(() -> repository.callFor(today().getYear() + 1).filter(c -> c.isOpenOn(today())));
    }

    // demands

    /** Refuses with {@code 404} a call outside scope and {@code 403} anyone but department staff. */
    @Transactional(readOnly = true)
    public void checkMayFile(UUID callId) {
        call(callId);
        if (!users.current().isDepartmentStaff()) {
            throw new AccessDeniedException("only department staff file demands");
        }
    }

    @Transactional
    public Demand file(UUID callId, NewDemand request) {
        return file(callId, request, null);
    }

    /**
     * A demand filed as a Word (.docx) file: the request carries the file's text; the original file is kept with
     * its SM3 digest, which the audit event names.
     */
    @Transactional
    public Demand fileDocument(UUID callId, NewDemand request, String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "demand.docx" : fileName.strip();
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        DemandDocument document = new DemandDocument(name, bytes.length, Sm3.hex(bytes), bytes);
        return file(callId, request, document);
    }

    /** The Word file a demand was filed as; {@code 404} when the demand is out of scope or has none. */
    @Transactional(readOnly = true)
    public DemandDocument document(UUID demandId) {
        get(demandId);
        return repository.document(demandId).orElseThrow(() -> new RecordNotFoundException("DemandDocument", demandId));
    }

    /** Those of the given demands that were filed as a Word file. */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> withDocument(List<Demand> demands) {
        return repository.withDocument(demands.stream().map(Demand::id).toList());
    }

    private Demand file(UUID callId, NewDemand request, DemandDocument document) {
        checkMayFile(callId);
        DemandCall call = call(callId);
        CurrentUser user = users.current();
        Optional<PlanVersion> plan = repository.currentPlanFor(call.year());
        List<FieldError> errors = fieldErrors(request, plan, user);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        RuleViolationException.throwIfAny(callViolations(call, plan));
        return insert(call, plan.get(), user, request, document);
    }

    /** What makes a demand's fields wrong whatever the measures say: unknown participants or plan item (400). */
    private List<FieldError> fieldErrors(NewDemand request, Optional<PlanVersion> plan, CurrentUser user) {
        List<FieldError> errors = checkParticipants(request.participatingOrganizationCodes(), user.organizationCode());
        if (plan.isPresent() && plan.get().item(request.planItemCode()).isEmpty()) {
            errors.add(new FieldError("planItemCode", "planning.demand.plan-item-unknown",
                    List.of(request.planItemCode(), plan.get().title(), plan.get().number())));
        }
        return errors;
    }

    /** The rules of the call that refuse any demand in it (Art. 6): its window, a plan to base demands on. */
    private List<Violation> callViolations(DemandCall call, Optional<PlanVersion> plan) {
        List<Violation> violations = new ArrayList<>(new DemandWindowPolicy().check(call.year(), call, today()));
        if (plan.isEmpty()) {
            violations.add(Violation.of("ART-6", "planItemCode", "planning.demand.no-plan", String.valueOf(call.year())));
        }
        return violations;
    }

    private Demand insert(DemandCall call, PlanVersion plan, CurrentUser user, NewDemand request, DemandDocument document) {
        Demand demand = new Demand(UUID.randomUUID(), call.id(), call.year(), user.organizationCode(), request.title(),
                request.content(), request.estimate(), plan.planId(), plan.number(), request.planItemCode(),
                request.participatingOrganizationCodes(), null, null, DemandStatus.OPEN, null, null, user.username(),
                clock.instant(), 0);
        repository.insertDemand(demand);
        if (document != null) {
            repository.insertDocument(demand.id(), document, clock.instant());
        }
        audit.record("DEMAND_FILED", "Demand", demand.id().toString(), null,
                call.year() + " " + user.organizationCode() + " " + request.title() + " " + request.estimate().toPlainString()
                        + (document == null ? "" : " (Word file " + document.fileName() + ", SM3 " + document.sm3() + ")"));
        return demand;
    }

    // the annual demand plan imported from the Excel template

    /** The plan version a call's demands are based on (the current version for the call's year), if any. */
    @Transactional(readOnly = true)
    public Optional<PlanVersion> planOf(DemandCall call) {
        return repository.currentPlanFor(call.year());
    }

    /**
     * Checks the rows of an imported annual demand plan as {@link #file(UUID, NewDemand)} checks one demand,
     * without storing anything: every row's field errors, named by its row, and the call's rules.
     */
    @Transactional(readOnly = true)
    public DemandImportCheck checkImport(UUID callId, List<DemandImportRow> rows) {
        checkMayFile(callId);
        DemandCall call = call(callId);
        CurrentUser user = users.current();
        Optional<PlanVersion> plan = repository.currentPlanFor(call.year());
        List<DemandImportProblem> problems = new ArrayList<>();
        for (DemandImportRow row : rows) {
            for (FieldError e : fieldErrors(row.demand(), plan, user)) {
                problems.add(new DemandImportProblem(row.row(), e.field(), e.messageKey(), e.args()));
            }
        }
        return new DemandImportCheck(problems, callViolations(call, plan));
    }

    /**
     * Files every row of an imported annual demand plan in one transaction, or none: the rows are checked again
     * here (the plan or the window may have changed since {@link #checkImport}); one audit event per demand and
     * one for the import, which names the file by its SM3 digest.
     *
     * @throws DemandImportRefusedException when any row or the call refuses it; nothing is stored
     */
    @Transactional
    public List<Demand> importDemands(UUID callId, String fileName, byte[] bytes, List<DemandImportRow> rows) {
        DemandImportCheck check = checkImport(callId, rows);
        if (!check.problems().isEmpty()) {
            throw new DemandImportRefusedException(check.problems(), check.violations());
        }
        RuleViolationException.throwIfAny(check.violations());
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "planning.import.empty");
        }
        DemandCall call = call(callId);
        PlanVersion plan = repository.currentPlanFor(call.year()).orElseThrow();
        CurrentUser user = users.current();
        List<Demand> filed = new ArrayList<>();
        for (DemandImportRow row : rows) {
            filed.add(insert(call, plan, user, row.demand(), null));
        }
        audit.record("DEMANDS_IMPORTED", "DemandCall", call.id().toString(), null,
                call.year() + " " + user.organizationCode() + " " + filed.size() + " demands from "
                        + (fileName == null ? "" : fileName) + " (SM3 " + Sm3.hex(bytes) + ")");
        return filed;
    }

    /** Filing by year, for the case that no call exists: refused with {@code ART-6}. */
    @Transactional
    public Demand fileForYear(int year, NewDemand request) {
        if (!users.current().isDepartmentStaff()) {
            throw new AccessDeniedException("only department staff file demands");
        }
        Optional<DemandCall> call = repository.callFor(year);
        if (call.isEmpty()) {
            throw new RuleViolationException(new DemandWindowPolicy().check(year, null, today()));
        }
        return file(call.get().id(), request);
    }

    @Transactional(readOnly = true)
    public Demand get(UUID id) {
        Demand demand = repository.demand(id).orElseThrow(() -> new RecordNotFoundException("Demand", id));
        if (!PlanningScope.canRead(users.current(), demand)) {
            throw new RecordNotFoundException("Demand", id);
        }
        return demand;
    }

    /** A call's demands the caller may see, in rank order. */
    @Transactional(readOnly = true)
    public PageOf<Demand> ofCall(UUID callId, DemandStatus status, int page, int size) {
        call(callId);
        String org = PlanningScope.demandFilter(users.current());
        if ("".equals(org)) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        return new PageOf<>(repository.demands(callId, org, status, page * size, size), page, size,
                repository.countDemands(callId, org, status));
    }

    /** The demands of every year the caller may see (a department its own), newest year first, ranked. */
    @Transactional(readOnly = true)
    public PageOf<Demand> visible(DemandStatus status, int page, int size) {
        String org = PlanningScope.demandFilter(users.current());
        if ("".equals(org)) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        return new PageOf<>(repository.demands(null, org, status, page * size, size), page, size,
                repository.countDemands(null, org, status));
    }

    /** The demands a project was created from (Art. 7); {@code 404} when the project is out of scope. */
    @Transactional(readOnly = true)
    public List<Demand> sourcesOf(UUID projectId) {
        projects.get(projectId);
        return repository.demandsOfProject(projectId);
    }

    // scoring and triage

    @Transactional(readOnly = true)
    public void checkMayTriage(UUID demandId) {
        get(demandId);
        checkBureau();
    }

    public void checkBureau() {
        if (!PlanningScope.isBureau(users.current())) {
            throw new AccessDeniedException("only the Digital Bureau scores and triages demands");
        }
    }

    public boolean canTriage() {
        return users.find().map(PlanningScope::isBureau).orElse(false);
    }

    public boolean canFile() {
        return users.find().map(CurrentUser::isDepartmentStaff).orElse(false);
    }

    /** The Bureau scores a demand for the order of construction (建设顺序); a triaged demand keeps its score. */
    @Transactional
    public Demand score(UUID id, Long expectedVersion, int score, String note) {
        Demand demand = get(id);
        checkBureau();
        if (expectedVersion != null && expectedVersion != demand.version()) {
            throw new OptimisticLockingFailureException("demand " + id + " is at version " + demand.version());
        }
        RuleViolationException.throwIfAny(new TriagePolicy().checkOpen(demand));
        repository.score(id, demand.version(), score, strip(note), users.current().username());
        audit.record("DEMAND_SCORED", "Demand", id.toString(), null, demand.title() + " " + score);
        return repository.demand(id).orElseThrow();
    }

    /** One demand becomes a project, led by its department, with its participants (Art. 7, 15). */
    @Transactional
    public Project createProject(UUID demandId, ProjectOutline outline) {
        Demand demand = get(demandId);
        checkBureau();
        RuleViolationException.throwIfAny(new TriagePolicy().checkIntoProject(List.of(demand), false));
        return intoProject(List.of(demand), demand.organizationCode(), outline, DemandStatus.PROJECT_CREATED);
    }

    /**
     * Several demands of one call become one project (Art. 7, 12, 15): led by the department of the first
     * demand unless another of theirs is named; every other department joins as a participant.
     */
    @Transactional
    public Project merge(List<UUID> demandIds, String leadOrganizationCode, ProjectOutline outline) {
        checkBureau();
        List<Demand> demands = new ArrayList<>();
        for (UUID id : demandIds) {
            demands.add(get(id));
        }
        TriagePolicy policy = new TriagePolicy();
        List<Violation> violations = new ArrayList<>(policy.checkIntoProject(demands, true));
        String lead = leadOrganizationCode == null ? demands.get(0).organizationCode() : leadOrganizationCode;
        violations.addAll(policy.checkLead(demands, lead));
        RuleViolationException.throwIfAny(violations);
        return intoProject(demands, lead, outline, DemandStatus.MERGED);
    }

    @Transactional
    public Demand decline(UUID demandId, String reason) {
        Demand demand = get(demandId);
        checkBureau();
        RuleViolationException.throwIfAny(new TriagePolicy().checkDecline(demand, reason));
        repository.triage(demandId, DemandStatus.DECLINED, reason.strip(), null, users.current().username(), clock.instant());
        audit.record("DEMAND_DECLINED", "Demand", demandId.toString(), null, demand.title() + ": " + reason.strip());
        return repository.demand(demandId).orElseThrow();
    }

    private Project intoProject(List<Demand> demands, String lead, ProjectOutline outline, DemandStatus status) {
        LinkedHashSet<String> participants = new LinkedHashSet<>();
        for (Demand d : demands) {
            participants.add(d.organizationCode());
            participants.addAll(d.participatingOrganizationCodes());
        }
        participants.remove(lead);
        participants.removeIf(code -> organizations.find(code).filter(o -> o.active() && o.kind() == OrganizationKind.DEPARTMENT).isEmpty());
        BigDecimal estimate = outline.estimatedInvestment() != null ? outline.estimatedInvestment() : PlanningRepository.sum(demands);
        List<FundingLine> funding = outline.fundingSources().isEmpty()
                ? List.of(new FundingLine(FundingSource.DIGITAL_JILIN_FUND, estimate)) : outline.fundingSources();
        String summary = outline.summary() != null && !outline.summary().isBlank() ? outline.summary().strip()
                : String.join("\n", demands.stream().map(Demand::title).toList());
        ProjectFacts facts = new ProjectFacts(funding, true, null, outline.simpleOrEquipmentOnly(), outline.classified(),
                false, false, false);
        Project project = projects.proposeFor(new NewProject(outline.name().strip(), summary, outline.categories(),
                List.copyOf(participants), estimate, outline.constructionPeriodMonths(), facts), lead);
        String by = users.current().username();
        for (Demand d : demands) {
            repository.triage(d.id(), status, null, project.id(), by, clock.instant());
        }
        audit.record(status == DemandStatus.MERGED ? "DEMANDS_MERGED" : "DEMAND_TO_PROJECT", "Project",
                project.id().toString(), project.id(),
                project.code() + " ← " + String.join(", ", demands.stream().map(d -> d.organizationCode() + " " + d.title()).toList()));
        return project;
    }

    private List<FieldError> checkParticipants(List<String> codes, String filer) {
        List<FieldError> errors = new ArrayList<>();
        var seen = new HashSet<String>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String field = "participatingOrganizationCodes[" + i + "]";
            Organization org = organizations.find(code).orElse(null);
            if (org == null || !org.active()) {
                errors.add(new FieldError(field, "organization.unknown", List.of(String.valueOf(code))));
            }
            else if (org.kind() != OrganizationKind.DEPARTMENT) {
                errors.add(new FieldError(field, "project.participant.not-department", List.of(code)));
            }
            else if (code.equals(filer)) {
                errors.add(new FieldError(field, "planning.demand.participant-is-filer", List.of(code)));
            }
            else if (!seen.add(code)) {
                errors.add(new FieldError(field, "project.participant.duplicate", List.of(code)));
            }
        }
        return errors;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
