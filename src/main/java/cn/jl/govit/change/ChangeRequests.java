package cn.jl.govit.change;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.approval.Submission;
import cn.jl.govit.approval.SubmissionEvents;
import cn.jl.govit.approval.Submissions;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.change.Baseline.BaselineKind;
import cn.jl.govit.funding.FundPlans;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectEvents;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The use cases of change requests (Art. 23), the same for the pages and the REST API, checked in the contract's
 * order: scope ({@code 404}, through {@link Projects#get}), role ({@code 403}: the construction unit requests, the
 * approval authority acknowledges filings and records the provincial government's decisions), input ({@code 400},
 * validated by the callers after these checks), version ({@code 409}), rules of the measures ({@code 422}). Every
 * change writes one audit event in its transaction; every approved state leaves a baseline
 * ({@link cn.jl.govit.change.Baseline}).
 */
@Service
public class ChangeRequests {

    private final ChangeRequestRepository repository;
    private final Projects projects;
    private final Submissions submissions;
    private final FundPlans fundPlans;
    private final PolicyParameters policy;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final ChangeNotices notices;
    private final Clock clock;

    ChangeRequests(ChangeRequestRepository repository, Projects projects, Submissions submissions, FundPlans fundPlans,
            PolicyParameters policy, CurrentUsers users, AuditLog audit, ChangeNotices notices, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.submissions = submissions;
        this.fundPlans = fundPlans;
        this.policy = policy;
        this.users = users;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    /** {@code 404} outside scope; {@code 403} unless the caller is the construction unit or the approval authority. */
    @Transactional(readOnly = true)
    public Project checkMayAssess(UUID projectId) {
        Project project = projects.get(projectId);
        if (!projects.isConstructionUnit(project) && !projects.isAuthority(project)) {
            throw new AccessDeniedException("only the construction unit and the approval authority assess a change");
        }
        return project;
    }

    /** {@code 404} outside scope; {@code 403} unless the caller is the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayRequest(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /** {@code 404} outside scope; {@code 403} unless the caller is the approval authority of the request's project. */
    @Transactional(readOnly = true)
    public StoredChange checkAuthority(UUID changeRequestId) {
        StoredChange change = get(changeRequestId);
        projects.requireAuthority(projects.get(change.request().projectId()));
        return change;
    }

    /**
     * The route Art. 23 gives a change, with every reason; nothing changes. Answered also where a request would be
     * refused — a suspended project (ART-22), one not under construction (ART-14), a change still pending (ART-23) —
     * with those refusals beside the route, so that the unit sees both what the change needs and what blocks it now.
     */
    @Transactional(readOnly = true)
    public ChangeAssessmentResult assess(UUID projectId, ChangeCommand command) {
        Project project = checkMayAssess(projectId);
        BigDecimal estimate = estimateOf(project);
        ChangeAssessment assessment = routePolicy().assess(facts(project, estimate, command));
        return new ChangeAssessmentResult(assessment, estimate, refusals(project));
    }

    /**
     * The construction unit files a change request; it takes the route Art. 23 gives. A filing is in force at once,
     * leaves a baseline and is sent to the authority to acknowledge; a re-approval opens the revised submission of
     * the path's last stage; a government approval waits for the decision the authority records.
     */
    @Transactional
    public StoredChange request(UUID projectId, ChangeCommand command) {
        Project project = checkMayRequest(projectId);
        RuleViolationException.throwIfAny(refusals(project));
        ensureFirstBaseline(project);
        int number = repository.nextNumber(projectId);
        ChangeFacts facts = facts(project, project.approvedEstimate(), command);
        ChangeAssessment assessment = routePolicy().assess(facts);
        ChangeRequest change = ChangeRequest.request(UUID.randomUUID(), projectId, number, facts,
                command.description().strip(), assessment.route(), users.current().username(), clock.instant(),
                projects.today());
        repository.insert(change, policy.changeFilingThreshold(), policy.changeThresholdBasis());
        audit.record("CHANGE_REQUESTED", "ChangeRequest", change.id().toString(), projectId,
                project.code() + " change " + number + ": " + assessment.route() + ", adjustment "
                        + command.adjustmentAmount().toPlainString() + ", new total "
                        + command.newTotalInvestment().toPlainString() + ", counted "
                        + assessment.cumulativeAdjustment().toPlainString() + " of " + assessment.threshold().toPlainString());
        switch (assessment.route()) {
            case FILING -> {
                addBaseline(project, BaselineKind.FILING, project.approvedEstimate(), change);
                notices.filed(project, change);
            }
            case REAPPROVAL -> {
                Submission submission = submissions.openReapproval(projectId, change.id());
                change.reapprovalOpened(submission.id());
                change = repository.update(change);
                notices.reapprovalOpened(project, change);
            }
            case GOVERNMENT_APPROVAL -> notices.awaitingGovernment(project, change);
        }
        return repository.findById(change.id()).orElseThrow();
    }

    /** The approval authority acknowledges a filing (备案, Art. 23). */
    @Transactional
    public StoredChange acknowledge(UUID id, Long expectedVersion) {
        StoredChange stored = checkAuthority(id);
        ChangeRequest change = stored.request();
        checkVersion(change, expectedVersion);
        change.acknowledge(users.current().username(), clock.instant());
        repository.update(change);
        audit.record("CHANGE_FILING_ACKNOWLEDGED", "ChangeRequest", id.toString(), change.projectId(),
                "change " + change.number() + " filing acknowledged");
        return repository.findById(id).orElseThrow();
    }

    /**
     * The approval authority records the provincial government's decision on an increase of a Digital Jilin fund
     * project (Art. 23 (3)); an approval revises the approved estimate and leaves a baseline. The decision date
     * may not lie in the future ({@code 400}) nor before the request ({@code 422}).
     */
    @Transactional
    public StoredChange recordGovernmentDecision(UUID id, Long expectedVersion, GovernmentDecision decision) {
        StoredChange stored = checkAuthority(id);
        ChangeRequest change = stored.request();
        LocalDate today = projects.today();
        if (decision.decidedOn().isAfter(today)) {
            throw new InvalidInputException("decidedOn", "date.future", decision.decidedOn().toString(), today.toString());
        }
        checkVersion(change, expectedVersion);
        change.governmentDecided(decision.approved(), decision.approvedTotalInvestment(),
                decision.documentNumber().strip(), decision.decidedOn(), users.current().username());
        repository.update(change);
        audit.record("CHANGE_GOVERNMENT_DECISION_RECORDED", "ChangeRequest", id.toString(), change.projectId(),
                "change " + change.number() + ": " + (decision.approved() ? "APPROVED "
                        + decision.approvedTotalInvestment().toPlainString() : "REFUSED") + ", "
                        + decision.documentNumber().strip() + " of " + decision.decidedOn());
        if (decision.approved()) {
            Project revised = projects.reviseApprovedEstimate(change.projectId(), decision.approvedTotalInvestment(),
                    "省政府批复 " + decision.documentNumber().strip() + "（变更" + change.number() + "，第二十三条）");
            addBaseline(revised, BaselineKind.GOVERNMENT_APPROVAL, decision.approvedTotalInvestment(), change);
        }
        return repository.findById(id).orElseThrow();
    }

    /** The first baseline is the approval itself (estimate and period as approved). */
    @EventListener
    public void on(ProjectEvents.ProjectApproved event) {
        ensureFirstBaseline(projects.find(event.projectId()));
    }

    /**
     * The authority approved the revised submission of a change: the approved estimate becomes the approved
     * investment, the change is approved and a baseline is added — in the decision's transaction.
     */
    @EventListener
    public void on(SubmissionEvents.ReapprovalApproved event) {
        ChangeRequest change = repository.findById(event.changeRequestId())
                .orElseThrow(() -> new RecordNotFoundException("ChangeRequest", event.changeRequestId())).request();
        change.reapproved(event.approvedInvestment(), event.documentNumber(), event.issuedOn(),
                users.current().username());
        repository.update(change);
        audit.record("CHANGE_REAPPROVED", "ChangeRequest", change.id().toString(), change.projectId(),
                "change " + change.number() + " re-approved by " + event.documentNumber() + ": "
                        + event.approvedInvestment().toPlainString());
        Project revised = projects.reviseApproval(change.projectId(), event.approvedInvestment(),
                event.constructionPeriodMonths(), "重新审批 " + event.documentNumber() + "（变更" + change.number() + "，第二十三条）");
        addBaseline(revised, BaselineKind.REAPPROVAL, event.approvedInvestment(), change);
    }

    /** The authority rejected the revised submission: the change is refused, the project goes on as approved. */
    @EventListener
    public void on(SubmissionEvents.ReapprovalRejected event) {
        ChangeRequest change = repository.findById(event.changeRequestId())
                .orElseThrow(() -> new RecordNotFoundException("ChangeRequest", event.changeRequestId())).request();
        change.reapprovalRejected(event.documentNumber(), event.issuedOn(), users.current().username());
        repository.update(change);
        audit.record("CHANGE_REAPPROVAL_REJECTED", "ChangeRequest", change.id().toString(), change.projectId(),
                "change " + change.number() + " rejected by " + event.documentNumber());
    }

    /** A change request the caller may see ({@code 404} otherwise: whoever sees its project). */
    @Transactional(readOnly = true)
    public StoredChange get(UUID id) {
        StoredChange change = repository.findById(id).orElseThrow(() -> new RecordNotFoundException("ChangeRequest", id));
        if (!projects.isVisible(change.request().projectId())) {
            throw new RecordNotFoundException("ChangeRequest", id);
        }
        return change;
    }

    /** A project's change requests, newest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public PageOf<StoredChange> forProject(UUID projectId, int page, int size) {
        projects.get(projectId);
        return new PageOf<>(repository.findByProject(projectId, page * size, size), page, size,
                repository.countByProject(projectId));
    }

    /** A project's baselines in order, the approval first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<Baseline> baselines(UUID projectId) {
        Project project = projects.get(projectId);
        List<Baseline> stored = repository.baselines(projectId);
        if (stored.isEmpty() && project.approvedEstimate() != null) {
            // an approved project always has its first baseline; this read never writes
            return List.of(firstBaseline(project));
        }
        return stored;
    }

    /**
     * Two baselines of a project compared field by field, with the changes that lie between them ({@code 404} for
     * a project outside scope or a baseline that does not exist).
     */
    @Transactional(readOnly = true)
    public BaselineComparison compare(UUID projectId, int from, int to) {
        List<Baseline> all = baselines(projectId);
        Baseline a = all.stream().filter(b -> b.number() == from).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("Baseline", String.valueOf(from)));
        Baseline b = all.stream().filter(x -> x.number() == to).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("Baseline", String.valueOf(to)));
        int low = Math.min(from, to);
        int high = Math.max(from, to);
        List<StoredChange> between = new ArrayList<>();
        for (Baseline x : all) {
            if (x.number() > low && x.number() <= high && x.changeRequestId() != null) {
                repository.findById(x.changeRequestId()).ifPresent(between::add);
            }
        }
        return BaselineComparison.of(a, b, between);
    }

    /** Whether the signed-in user files change requests on this project; the pages show the form only then. */
    public boolean mayRequest(Project project) {
        return projects.isConstructionUnit(project);
    }

    public boolean isAuthority(Project project) {
        return projects.isAuthority(project);
    }

    private List<Violation> refusals(Project project) {
        List<Violation> refusals = new ArrayList<>(project.constructionRecordsRefused());
        repository.pending(project.id()).ifPresent(p -> refusals.add(Violation.of("ART-23", "pending",
                "violation.ART-23.change-pending", p.request().number())));
        return refusals;
    }

    private ChangeRoutePolicy routePolicy() {
        return new ChangeRoutePolicy(policy.changeFilingThreshold(), policy.changeThresholdBasis());
    }

    private ChangeFacts facts(Project project, BigDecimal estimate, ChangeCommand command) {
        BigDecimal previous = repository.inForce(project.id()).stream().map(c -> c.request().adjustmentAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean digitalJilin = project.facts().usesDigitalJilinFund();
        Optional<LocalDate> planIssued = digitalJilin
                ? fundPlans.firstIssuedOn(project.id(), FundingSource.DIGITAL_JILIN_FUND) : Optional.empty();
        return new ChangeFacts(estimate, command.adjustmentAmount(), command.newTotalInvestment(),
                command.goalsUnchanged(), command.reason(), previous, digitalJilin, planIssued.orElse(null));
    }

    /** The approved estimate; before an approval, the proposal's estimate (an assessment then only shows ART-14). */
    private static BigDecimal estimateOf(Project project) {
        return project.approvedEstimate() != null ? project.approvedEstimate() : project.estimatedInvestment();
    }

    private void ensureFirstBaseline(Project project) {
        if (project.approvedEstimate() != null && repository.baselines(project.id()).isEmpty()) {
            repository.insertBaseline(firstBaseline(project), clock.instant());
        }
    }

    private static Baseline firstBaseline(Project project) {
        return new Baseline(project.id(), 1, BaselineKind.APPROVAL, project.approvedEstimate(),
                project.approvedConstructionPeriodMonths(), BigDecimal.ZERO, null, null, null,
                project.approvedOn() != null ? project.approvedOn() : LocalDate.ofInstant(project.createdAt(), Projects.ZONE));
    }

    private void addBaseline(Project project, BaselineKind kind, BigDecimal estimate, ChangeRequest change) {
        ensureFirstBaseline(project);
        int number = repository.baselines(project.id()).size() + 1;
        BigDecimal inForce = repository.inForce(project.id()).stream().map(c -> c.request().adjustmentAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        repository.insertBaseline(new Baseline(project.id(), number, kind, estimate,
                project.approvedConstructionPeriodMonths(), inForce, change.id(), change.number(), change.description(),
                projects.today()), clock.instant());
    }

    private static void checkVersion(ChangeRequest change, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != change.version()) {
            throw new OptimisticLockingFailureException("change request " + change.id() + " is at version "
                    + change.version());
        }
    }
}
