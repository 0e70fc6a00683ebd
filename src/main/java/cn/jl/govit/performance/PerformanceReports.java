package cn.jl.govit.performance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.document.Documents;
import cn.jl.govit.obligation.Obligation;
import cn.jl.govit.obligation.ObligationStatus;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The use cases of annual performance reports (Art. 20), the same for the pages and the REST API, checked in the
 * contract's order: scope ({@code 404}, through {@link Projects#get}), role ({@code 403}: the construction unit drafts,
 * revises and submits; the approval authority accepts or returns), input ({@code 400}), version ({@code 409}), rules
 * of the measures ({@code 422}). Every change writes one audit event in its transaction.
 * <p>
 * A report is not a construction record: the measures ask for it every year of the construction period whatever
 * happens on site, so a suspended project (Art. 22) still drafts and submits its report — the suspension check of
 * {@link Projects#requireOpenForConstruction} deliberately does not apply here.
 */
@Service
public class PerformanceReports {

    private final PerformanceReportRepository repository;
    private final Projects projects;
    private final Obligations obligations;
    private final Documents documents;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PerformanceRules rules;
    private final Clock clock;

    PerformanceReports(PerformanceReportRepository repository, Projects projects, Obligations obligations,
            Documents documents, CurrentUsers users, AuditLog audit, ApplicationEventPublisher events,
            PerformanceRules rules, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.obligations = obligations;
        this.documents = documents;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayDraft(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the construction unit of the report's project. */
    @Transactional(readOnly = true)
    public PerformanceReport checkMayEdit(UUID id) {
        PerformanceReport report = get(id);
        projects.requireConstructionUnit(projects.get(report.projectId()));
        return report;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the approval authority of the report's project. */
    @Transactional(readOnly = true)
    public PerformanceReport checkMayDecide(UUID id) {
        PerformanceReport report = get(id);
        projects.requireAuthority(projects.get(report.projectId()));
        return report;
    }

    /** A report whoever sees its project reads ({@code 404} otherwise). */
    @Transactional(readOnly = true)
    public PerformanceReport get(UUID id) {
        PerformanceReport report = repository.findById(id)
                .orElseThrow(() -> new RecordNotFoundException("PerformanceReport", id));
        if (!projects.isVisible(report.projectId())) {
            throw new RecordNotFoundException("PerformanceReport", id);
        }
        return report;
    }

    /** The project's reports by year ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<PerformanceReport> forProject(UUID projectId) {
        projects.get(projectId);
        return repository.ofProject(projectId);
    }

    /** The project's report obligations that are not lifted, by due date ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<Obligation> obligations(UUID projectId) {
        return obligations.forProject(projectId).stream()
                .filter(o -> o.type() == ObligationType.PERFORMANCE_REPORT && o.status() != ObligationStatus.WAIVED)
                .toList();
    }

    /** The construction unit drafts the report of a year that is due (Art. 20); {@code 422 ART-20} otherwise. */
    @Transactional
    public PerformanceReport draft(UUID projectId, int year, PerformanceReportContent content) {
        Project project = checkMayDraft(projectId);
        checkInput(projectId, content);
        Obligation due = dueObligation(projectId, year);
        if (repository.find(projectId, year).isPresent()) {
            throw exists(year);
        }
        PerformanceReport report = PerformanceReport.draft(UUID.randomUUID(), projectId, year, due.dueDate(), content,
                users.current().username(), clock.instant());
        try {
            repository.insert(report);
        }
        catch (DuplicateKeyException e) {
            throw exists(year);
        }
        audit.record("PERFORMANCE_REPORT_DRAFTED", "PerformanceReport", report.id().toString(), projectId,
                project.code() + " " + year + ", due " + due.dueDate());
        return repository.findById(report.id()).orElseThrow();
    }

    /** Replaces the content of a draft or returned report. */
    @Transactional
    public PerformanceReport revise(UUID id, Long expectedVersion, PerformanceReportContent content) {
        PerformanceReport report = checkMayEdit(id);
        checkInput(report.projectId(), content);
        checkVersion(report, expectedVersion);
        report.revise(content);
        PerformanceReport saved = repository.update(report);
        audit.record("PERFORMANCE_REPORT_REVISED", "PerformanceReport", id.toString(), report.projectId(),
                report.year() + " revision " + report.revision());
        return saved;
    }

    /**
     * Submits the report to the approval authority today: every part present (Art. 20), the year still due. The
     * year's obligation is met on the day of the first submission, late or not; a resubmission after a return keeps
     * it met.
     */
    @Transactional
    public PerformanceReport submit(UUID id, Long expectedVersion) {
        PerformanceReport report = checkMayEdit(id);
        checkVersion(report, expectedVersion);
        LocalDate today = projects.today();
        Obligation due = dueObligation(report.projectId(), report.year());
        report.submit(rules.policy(), today, due.dueDate());
        PerformanceReport saved = repository.update(report);
        repository.insertVersion(id, saved.revision(), today, users.current().username(), clock.instant(),
                today.isAfter(saved.dueDate()), saved.content());
        obligations.meet(saved.projectId(), ObligationType.PERFORMANCE_REPORT, String.valueOf(saved.year()), today);
        audit.record("PERFORMANCE_REPORT_SUBMITTED", "PerformanceReport", id.toString(), saved.projectId(),
                saved.year() + " revision " + saved.revision() + " on " + today + (saved.late() ? " (late, due "
                        + saved.dueDate() + ")" : ""));
        events.publishEvent(new PerformanceEvents.PerformanceReportSubmitted(id, saved.projectId(), saved.year(),
                saved.revision(), today, saved.late()));
        return saved;
    }

    /** The approval authority accepts the submitted report or returns it for revision, with its opinion. */
    @Transactional
    public PerformanceReport decide(UUID id, Long expectedVersion, PerformanceReportOutcome outcome, String opinion) {
        PerformanceReport report = checkMayDecide(id);
        List<FieldError> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(new FieldError("outcome", "problem.field.required", List.of()));
        }
        if (opinion == null || opinion.isBlank()) {
            errors.add(new FieldError("opinion", "problem.field.required", List.of()));
        }
        else {
            text(opinion, "opinion", 20_000, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        checkVersion(report, expectedVersion);
        LocalDate today = projects.today();
        report.decide(outcome, opinion.strip(), today);
        PerformanceReport saved = repository.update(report);
        repository.insertDecision(id, saved.revision(), outcome, opinion.strip(), users.current().username(), today,
                clock.instant());
        audit.record("PERFORMANCE_REPORT_" + outcome.name(), "PerformanceReport", id.toString(), saved.projectId(),
                saved.year() + " revision " + saved.revision());
        events.publishEvent(new PerformanceEvents.PerformanceReportDecided(id, saved.projectId(), saved.year(),
                saved.revision(), outcome));
        return saved;
    }

    /** Every submitted version with the decision on it, oldest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<PerformanceReportVersion> versions(UUID id) {
        get(id);
        return repository.versions(id);
    }

    /** Whether the signed-in user edits and submits this report now; the pages show the forms only then. */
    @Transactional(readOnly = true)
    public boolean canEdit(PerformanceReport report) {
        return report.status().editable() && projects.isConstructionUnit(projects.get(report.projectId()));
    }

    /** Whether the signed-in user decides on this report now. */
    @Transactional(readOnly = true)
    public boolean canDecide(PerformanceReport report) {
        return report.status() == PerformanceReportStatus.SUBMITTED && projects.isAuthority(projects.get(report.projectId()));
    }

    /** The obligation of the year, or {@code 422 ART-20} naming the years that are due. */
    private Obligation dueObligation(UUID projectId, int year) {
        List<Obligation> open = obligations(projectId);
        List<String> years = open.stream().map(Obligation::subject).toList();
        RuleViolationException.throwIfAny(rules.policy().yearDue(year, years));
        return open.stream().filter(o -> o.subject().equals(String.valueOf(year))).findFirst().orElseThrow();
    }

    private static RuleViolationException exists(int year) {
        return new RuleViolationException(Violation.of(PerformanceReportPolicy.RULE, "year",
                "violation.ART-20.report-exists", String.valueOf(year)));
    }

    /** Malformed input whatever the measures say: NUL characters, negative amounts, foreign documents. */
    private void checkInput(UUID projectId, PerformanceReportContent c) {
        List<FieldError> errors = new ArrayList<>();
        text(c.constructionProgress(), "constructionProgress", 20_000, errors);
        text(c.investmentExecution(), "investmentExecution", 20_000, errors);
        text(c.trialRunEffect(), "trialRunEffect", 20_000, errors);
        text(c.problemsAndMeasures(), "problemsAndMeasures", 20_000, errors);
        amount(c.plannedInvestment(), "plannedInvestment", false, errors);
        amount(c.executedInvestment(), "executedInvestment", true, errors);
        for (int i = 0; i < c.userUnitOpinions().size(); i++) {
            PerformanceReportContent.UnitOpinion o = c.userUnitOpinions().get(i);
            text(o.name(), "userUnitOpinions[" + i + "].name", 200, errors);
            text(o.opinion(), "userUnitOpinions[" + i + "].opinion", 20_000, errors);
        }
        if (c.supervisionOpinion() != null) {
            text(c.supervisionOpinion().name(), "supervisionOpinion.name", 200, errors);
            text(c.supervisionOpinion().opinion(), "supervisionOpinion.opinion", 20_000, errors);
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < c.attachments().size(); i++) {
            UUID documentId = c.attachments().get(i);
            boolean ours;
            try {
                ours = documentId != null && documents.get(documentId).projectId().equals(projectId);
            }
            catch (RecordNotFoundException e) {
                ours = false;
            }
            if (!ours) {
                errors.add(new FieldError("attachments[" + i + "]", "performance.attachment.unknown",
                        List.of(String.valueOf(documentId))));
            }
            else if (!seen.add(documentId)) {
                errors.add(new FieldError("attachments[" + i + "]", "performance.attachment.duplicate", List.of()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void text(String value, String field, int max, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "problem.field.too-long", List.of(max)));
        }
        else if (value.indexOf('\u0000') >= 0) {
            errors.add(new FieldError(field, "problem.field.invalid", List.of()));
        }
    }

    /**
     * Amounts of the year's investment plan in yuan, at most 2 decimals and below 10^13: the planned amount is
     * positive; the executed amount may be zero (nothing paid yet in the year), like an adjustment it is never negative.
     */
    private static void amount(BigDecimal value, String field, boolean zeroAllowed, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0) || value.stripTrailingZeros().scale() > 2
                || value.precision() - value.scale() > 13) {
            errors.add(new FieldError(field, "performance.amount.invalid", List.of()));
        }
    }

    private static void checkVersion(PerformanceReport report, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != report.version()) {
            throw new OptimisticLockingFailureException("performance report " + report.id() + " is at version "
                    + report.version());
        }
    }
}
