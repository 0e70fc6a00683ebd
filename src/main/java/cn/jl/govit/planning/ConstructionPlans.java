package cn.jl.govit.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The provincial construction plan (全省政务信息化建设规划, Art. 6): the Digital Bureau records the plan the
 * provincial government approved, and each adjustment as a new version with its evaluation and the
 * government's approval. Every version stays readable; demands refer to the version current when filed.
 */
@Service
public class ConstructionPlans {

    private final PlanningRepository repository;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    ConstructionPlans(PlanningRepository repository, CurrentUsers users, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses ({@code 403}) anyone but the Digital Bureau's approvers. */
    public void checkMayRecord() {
        if (!PlanningScope.isBureau(users.current())) {
            throw new AccessDeniedException("only the Digital Bureau records the construction plan");
        }
    }

    /** Refuses with {@code 404} outside scope, {@code 403} for any but the Bureau. */
    @Transactional(readOnly = true)
    public void checkMayAdjust(UUID planId) {
        current(planId);
        checkMayRecord();
    }

    @Transactional
    public PlanVersion record(NewPlanVersion plan) {
        checkMayRecord();
        checkInput(plan);
        RuleViolationException.throwIfAny(new PlanApprovalPolicy().check(false, null, plan.approvedOn(), plan.approvalDocument()));
        CurrentUser user = users.current();
        UUID id = UUID.randomUUID();
        repository.insertPlan(id, user.username(), clock.instant());
        PlanVersion version = new PlanVersion(id, 1, plan.title(), plan.periodFrom(), plan.periodTo(), plan.approvedOn(),
                plan.approvalDocument().strip(), null, null, plan.items(), user.username(), clock.instant());
        repository.insertVersion(version);
        audit.record("PLAN_RECORDED", "ConstructionPlan", id.toString(), null,
                plan.title() + " " + plan.periodFrom() + "–" + plan.periodTo() + ", " + plan.items().size() + " items, "
                        + version.approvalDocument());
        return version;
    }

    /** A major adjustment (重大调整): a new version with its evaluation and the provincial government's approval. */
    @Transactional
    public PlanVersion adjust(UUID planId, Integer expectedVersion, NewPlanVersion plan) {
        PlanVersion current = current(planId);
        checkMayRecord();
        checkInput(plan);
        if (expectedVersion != null && expectedVersion != current.number()) {
            throw new OptimisticLockingFailureException("plan " + planId + " is at version " + current.number());
        }
        RuleViolationException.throwIfAny(
                new PlanApprovalPolicy().check(true, plan.evaluation(), plan.approvedOn(), plan.approvalDocument()));
        if (plan.approvedOn().isBefore(current.approvedOn())) {
            throw new InvalidInputException("approvedOn", "planning.plan.approved-before-previous", current.approvedOn().toString());
        }
        CurrentUser user = users.current();
        repository.advancePlan(planId, current.number());
        PlanVersion version = new PlanVersion(planId, current.number() + 1, plan.title(), plan.periodFrom(), plan.periodTo(),
                plan.approvedOn(), plan.approvalDocument().strip(), strip(plan.adjustmentReason()), plan.evaluation().strip(),
                plan.items(), user.username(), clock.instant());
        repository.insertVersion(version);
        audit.record("PLAN_ADJUSTED", "ConstructionPlan", planId.toString(), null,
                plan.title() + " v" + version.number() + ", " + plan.items().size() + " items, " + version.approvalDocument());
        return version;
    }

    @Transactional(readOnly = true)
    public PlanVersion current(UUID planId) {
        checkReads(planId);
        int number = repository.currentVersion(planId).orElseThrow(() -> new RecordNotFoundException("ConstructionPlan", planId));
        return repository.version(planId, number).orElseThrow();
    }

    @Transactional(readOnly = true)
    public PlanVersion version(UUID planId, int number) {
        checkReads(planId);
        return repository.version(planId, number).orElseThrow(() -> new RecordNotFoundException("ConstructionPlan", planId));
    }

    @Transactional(readOnly = true)
    public List<PlanVersion> versions(UUID planId) {
        current(planId);
        return repository.versions(planId);
    }

    /** Current versions of the plans, newest period first; nothing for those outside planning. */
    @Transactional(readOnly = true)
    public PageOf<PlanVersion> page(int page, int size) {
        if (!PlanningScope.readsPlanning(users.current())) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        return new PageOf<>(repository.currentVersions(page * size, size), page, size, repository.countPlans());
    }

    /** The current version of the plan in force for a year, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<PlanVersion> inForce(int year) {
        return repository.currentPlanFor(year);
    }

    public boolean canRecord() {
        return users.find().map(PlanningScope::isBureau).orElse(false);
    }

    private void checkReads(UUID planId) {
        if (!PlanningScope.readsPlanning(users.current())) {
            throw new RecordNotFoundException("ConstructionPlan", planId);
        }
    }

    private void checkInput(NewPlanVersion plan) {
        List<FieldError> errors = new ArrayList<>();
        if (plan.periodTo() < plan.periodFrom()) {
            errors.add(new FieldError("periodTo", "planning.plan.period-order", List.of()));
        }
        var codes = new HashSet<String>();
        for (int i = 0; i < plan.items().size(); i++) {
            if (!codes.add(plan.items().get(i).code())) {
                errors.add(new FieldError("items[" + i + "].code", "planning.plan.item-duplicate", List.of(plan.items().get(i).code())));
            }
        }
        if (plan.approvedOn() != null && plan.approvedOn().isAfter(LocalDate.now(clock.withZone(Projects.ZONE)))) {
            errors.add(new FieldError("approvedOn", "planning.date.future", List.of()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
