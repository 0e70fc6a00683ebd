package cn.jl.govit.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.obligation.Obligation;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectConditions;
import cn.jl.govit.project.ProjectScope;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The use cases of the self-evaluation (Art. 28), the same for the pages and the API, in the contract's order: scope
 * ({@code 404}), role ({@code 403}: the construction unit submits, the approval authority accepts or returns),
 * input ({@code 400}), version ({@code 409}), rules ({@code 422}). Submitting meets the project's SELF_EVALUATION
 * obligation (late or not) and tells the authority's approvers and Finance that the report has come; every change
 * writes one audit event in its transaction.
 */
@Service
public class SelfEvaluations {

    /** The subject of the project's one SELF_EVALUATION obligation. */
    public static final String OBLIGATION_SUBJECT = "SELF";

    private final JdbcClient jdbc;
    private final EvaluationGuard guard;
    private final EvaluationRules rules;
    private final Obligations obligations;
    private final Notifications notifications;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    SelfEvaluations(JdbcClient jdbc, EvaluationGuard guard, EvaluationRules rules, Obligations obligations,
            Notifications notifications, CurrentUsers users, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.rules = rules;
        this.obligations = obligations;
        this.notifications = notifications;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    /** The outcome of a submission: the report, and whether this was its first submission. */
    public record Submitted(SelfEvaluation report, boolean created) {
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMaySubmit(UUID projectId) {
        return guard.unit(projectId);
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the approval authority of the report's project. */
    @Transactional(readOnly = true)
    public SelfEvaluation checkMayDecide(UUID id) {
        SelfEvaluation report = get(id);
        guard.authority(report.projectId());
        return report;
    }

    /**
     * The construction unit submits its report, or resubmits a returned one: the project in operation, the
     * evaluation carried out once the window opened, every part present (Art. 28). A report after the window is
     * taken and marked late.
     */
    @Transactional
    public Submitted submit(UUID projectId, EvaluationRequests.SelfEvaluationReport request) {
        Project project = guard.unit(projectId);
        SelfEvaluationContent content = request.toContent();
        guard.notFuture("evaluatedOn", content.evaluatedOn());
        guard.ownDocument(projectId, "documentId", content.documentId());
        Optional<SelfEvaluation> existing = find(projectId);
        existing.ifPresent(e -> EvaluationGuard.checkVersion("self-evaluation", e.id(), e.version(), request.version()));
        List<Violation> violations = new ArrayList<>(EvaluationGuard.inOperation(project));
        SelfEvaluationWindow window = rules.window();
        if (violations.isEmpty()) {
            violations.addAll(window.evaluatedIn(project.operationStartedOn(), content.evaluatedOn()));
        }
        existing.filter(e -> e.status() != SelfEvaluationStatus.RETURNED).ifPresent(e -> violations.add(
                Violation.of(SelfEvaluationWindow.RULE, "status", "violation.ART-28.report-not-returned",
                        new MessageKey("enum.SelfEvaluationStatus." + e.status().name()))));
        violations.addAll(SelfEvaluationReportPolicy.completeness(content));
        RuleViolationException.throwIfAny(violations);

        LocalDate today = guard.today();
        LocalDate start = project.operationStartedOn();
        UUID id;
        int revision;
        if (existing.isEmpty()) {
            id = UUID.randomUUID();
            revision = 1;
            try {
                jdbc.sql("""
                        INSERT INTO self_evaluation (id, project_id, status, content, revision, window_start, due_date,
                            first_submitted_on, last_submitted_on, created_by, created_at, version)
                        VALUES (:id, :p, 'SUBMITTED', CAST(:content AS jsonb), 1, :start, :due, :on, :on, :by, :at, 0)""")
                        .param("id", id).param("p", projectId).param("content", json.writeValueAsString(content))
                        .param("start", window.opensOn(start)).param("due", window.dueOn(start)).param("on", today)
                        .param("by", guard.username()).param("at", Timestamp.from(guard.now())).update();
            }
            catch (DuplicateKeyException e) {
                throw new OptimisticLockingFailureException("the project's self-evaluation was submitted meanwhile");
            }
        }
        else {
            SelfEvaluation current = existing.get();
            id = current.id();
            revision = current.revision() + 1;
            int rows = jdbc.sql("""
                    UPDATE self_evaluation SET status = 'SUBMITTED', content = CAST(:content AS jsonb), revision = :rev,
                        last_submitted_on = :on, decision_opinion = NULL, decided_on = NULL, version = version + 1
                     WHERE id = :id AND version = :v""")
                    .param("content", json.writeValueAsString(content)).param("rev", revision).param("on", today)
                    .param("id", id).param("v", current.version()).update();
            if (rows != 1) {
                throw new OptimisticLockingFailureException("self-evaluation " + id + " changed meanwhile");
            }
        }
        boolean late = window.late(start, today);
        jdbc.sql("""
                INSERT INTO self_evaluation_version (self_evaluation_id, revision, submitted_on, submitted_by,
                    submitted_at, late, content)
                VALUES (:id, :rev, :on, :by, :at, :late, CAST(:content AS jsonb))""")
                .param("id", id).param("rev", revision).param("on", today).param("by", guard.username())
                .param("at", Timestamp.from(guard.now())).param("late", late)
                .param("content", json.writeValueAsString(content)).update();
        obligations.meet(projectId, ObligationType.SELF_EVALUATION, OBLIGATION_SUBJECT, today);
        audit.record("SELF_EVALUATION_SUBMITTED", "SelfEvaluation", id.toString(), projectId,
                project.code() + " revision " + revision + " on " + today
                        + (late ? " (late, due " + window.dueOn(start) + ")" : ""));
        Notice notice = Notice.of("evaluation.notice.self-evaluation-submitted", "/projects/" + projectId + "/evaluation",
                projectId, null, project.code(), project.name());
        notifications.notifyMembers(project.approvalAuthority().organizationCode(), Role.APPROVER, notice);
        notifications.notifyMembers(OrganizationCodes.FINANCE, Role.FINANCE_OFFICER, notice);
        events.publishEvent(new EvaluationEvents.SelfEvaluationSubmitted(id, projectId, revision, today, late));
        return new Submitted(find(projectId).orElseThrow(), existing.isEmpty());
    }

    /** The approval authority accepts the submitted report or returns it for revision, with its opinion. */
    @Transactional
    public SelfEvaluation decide(UUID id, EvaluationRequests.Decision request) {
        SelfEvaluation report = checkMayDecide(id);
        Project project = guard.readable(report.projectId());
        EvaluationGuard.checkVersion("self-evaluation", id, report.version(), request.version());
        if (report.status() != SelfEvaluationStatus.SUBMITTED) {
            throw new RuleViolationException(Violation.of(SelfEvaluationWindow.RULE, "status",
                    "violation.ART-28.report-not-submitted",
                    new MessageKey("enum.SelfEvaluationStatus." + report.status().name())));
        }
        LocalDate today = guard.today();
        String opinion = request.opinion().strip();
        SelfEvaluationStatus status = request.outcome() == SelfEvaluationOutcome.ACCEPTED ? SelfEvaluationStatus.ACCEPTED
                : SelfEvaluationStatus.RETURNED;
        int rows = jdbc.sql("""
                UPDATE self_evaluation SET status = :status, decision_opinion = :opinion, decided_on = :on,
                    version = version + 1 WHERE id = :id AND version = :v""")
                .param("status", status.name()).param("opinion", opinion).param("on", today).param("id", id)
                .param("v", report.version()).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("self-evaluation " + id + " changed meanwhile");
        }
        jdbc.sql("""
                INSERT INTO self_evaluation_decision (self_evaluation_id, revision, outcome, opinion, decided_by,
                    decided_on, decided_at)
                VALUES (:id, :rev, :outcome, :opinion, :by, :on, :at)""")
                .param("id", id).param("rev", report.revision()).param("outcome", request.outcome().name())
                .param("opinion", opinion).param("by", guard.username()).param("on", today)
                .param("at", Timestamp.from(guard.now())).update();
        audit.record("SELF_EVALUATION_" + request.outcome().name(), "SelfEvaluation", id.toString(), report.projectId(),
                project.code() + " revision " + report.revision());
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("evaluation.notice.self-evaluation-" + request.outcome().name().toLowerCase(Locale.ROOT),
                        "/projects/" + report.projectId() + "/evaluation", report.projectId(), null, project.code()));
        return get(id);
    }

    /** A report whoever sees its project reads ({@code 404} otherwise). */
    @Transactional(readOnly = true)
    public SelfEvaluation get(UUID id) {
        SelfEvaluation report = jdbc.sql("SELECT * FROM self_evaluation WHERE id = :id").param("id", id)
                .query(this::row).optional().orElseThrow(() -> new RecordNotFoundException("SelfEvaluation", id));
        if (!guard.isVisible(report.projectId())) {
            throw new RecordNotFoundException("SelfEvaluation", id);
        }
        return report;
    }

    /** The project's report, if submitted ({@code 404} outside scope); at most one, a list for the API's shape. */
    @Transactional(readOnly = true)
    public List<SelfEvaluation> forProject(UUID projectId) {
        guard.readable(projectId);
        return find(projectId).stream().toList();
    }

    /** Every submitted revision with the decision on it, oldest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<SelfEvaluationVersion> versions(UUID id) {
        get(id);
        return jdbc.sql("""
                SELECT v.*, d.outcome, d.opinion, d.decided_by, d.decided_on
                  FROM self_evaluation_version v
                  LEFT JOIN self_evaluation_decision d
                    ON d.self_evaluation_id = v.self_evaluation_id AND d.revision = v.revision
                 WHERE v.self_evaluation_id = :id ORDER BY v.revision""")
                .param("id", id)
                .query((rs, n) -> new SelfEvaluationVersion(rs.getObject("self_evaluation_id", UUID.class),
                        rs.getInt("revision"), rs.getObject("submitted_on", LocalDate.class),
                        rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
                        rs.getBoolean("late"), content(rs),
                        rs.getString("outcome") == null ? null : SelfEvaluationOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("opinion"), rs.getString("decided_by"), rs.getObject("decided_on", LocalDate.class)))
                .list();
    }

    /**
     * The project's self-evaluation window as it stands today ({@code 404} outside scope); empty while the project
     * is not in operation. The state follows the obligation: once met, the window no longer asks anything.
     */
    @Transactional(readOnly = true)
    public Optional<Window> window(UUID projectId) {
        Project project = guard.readable(projectId);
        if (project.operationStartedOn() == null) {
            return Optional.empty();
        }
        SelfEvaluationWindow policy = rules.window();
        LocalDate start = project.operationStartedOn();
        Optional<Obligation> obligation = obligations.find(projectId, ObligationType.SELF_EVALUATION, OBLIGATION_SUBJECT);
        return Optional.of(new Window(start, policy.opensOn(start), policy.dueOn(start),
                policy.stateOn(start, guard.today()), obligation.map(o -> o.statusOn(guard.today()).name()).orElse(null)));
    }

    /** Whether the signed-in user submits (or resubmits) the project's report now; the page shows the form then. */
    @Transactional(readOnly = true)
    public boolean canSubmit(Project project) {
        return guard.isUnit(project) && EvaluationGuard.inOperation(project).isEmpty()
                && find(project.id()).map(r -> r.status() == SelfEvaluationStatus.RETURNED).orElse(true);
    }

    /**
     * The reports of the projects the caller sees (a department those it leads or takes part in, the provincial
     * bodies all), latest first; {@code status} filters when given.
     */
    @Transactional(readOnly = true)
    public PageOf<Listed> page(SelfEvaluationStatus status, int page, int size) {
        Paging paging = Paging.of(page, size);
        ProjectScope.Filter scope = ProjectScope.filterFor(users.current());
        if (scope.none()) {
            return new PageOf<>(List.of(), paging.page(), paging.size(), 0);
        }
        ProjectConditions conditions = ProjectConditions.within(scope)
                .when(status == null ? null : status.name(), " AND s.status = :status", "status");
        String where = " FROM self_evaluation s JOIN project p ON p.id = s.project_id" + conditions.where();
        List<Listed> content = jdbc.sql("SELECT s.*, p.code AS project_code, p.name AS project_name" + where
                        + " ORDER BY s.last_submitted_on DESC, p.code LIMIT :size OFFSET :offset")
                .params(conditions.params())
                .param("size", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query((rs, n) -> new Listed(row(rs, n), rs.getString("project_code"), rs.getString("project_name")))
                .list();
        long total = jdbc.sql("SELECT count(*)" + where).params(conditions.params()).query(Long.class).single();
        return new PageOf<>(content, paging.page(), paging.size(), total);
    }

    /**
     * The self-evaluation windows of the projects the caller sees that are open or overdue today and still
     * pending, earliest due first. Read from the obligations, which hold each project's window (Art. 28).
     */
    @Transactional(readOnly = true)
    public PageOf<ListedWindow> pendingWindows(int page, int size) {
        Paging paging = Paging.of(page, size);
        ProjectScope.Filter scope = ProjectScope.filterFor(users.current());
        if (scope.none()) {
            return new PageOf<>(List.of(), paging.page(), paging.size(), 0);
        }
        LocalDate today = guard.today();
        ProjectConditions conditions = ProjectConditions.within(scope)
                .and(" AND o.type = 'SELF_EVALUATION' AND o.status IN ('OPEN', 'OVERDUE') AND o.window_start <= :today",
                        "today", today);
        String where = " FROM obligation o JOIN project p ON p.id = o.project_id" + conditions.where();
        List<ListedWindow> content = jdbc.sql("SELECT o.project_id, o.window_start, o.due_date, p.code, p.name" + where
                        + " ORDER BY o.due_date, p.code LIMIT :size OFFSET :offset")
                .params(conditions.params())
                .param("size", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query((rs, n) -> new ListedWindow(rs.getObject("project_id", UUID.class), rs.getString("code"),
                        rs.getString("name"), rs.getObject("window_start", LocalDate.class),
                        rs.getObject("due_date", LocalDate.class),
                        today.isAfter(rs.getObject("due_date", LocalDate.class)) ? SelfEvaluationWindow.State.OVERDUE
                                : SelfEvaluationWindow.State.OPEN))
                .list();
        long total = jdbc.sql("SELECT count(*)" + where).params(conditions.params()).query(Long.class).single();
        return new PageOf<>(content, paging.page(), paging.size(), total);
    }

    Optional<SelfEvaluation> find(UUID projectId) {
        return jdbc.sql("SELECT * FROM self_evaluation WHERE project_id = :p").param("p", projectId).query(this::row)
                .optional();
    }

    /** The window of a project: when operation started, when the window opens and closes, the state today. */
    public record Window(LocalDate operationStartedOn, LocalDate opensOn, LocalDate dueOn,
            SelfEvaluationWindow.State state, String obligationStatus) {
    }

    /** A report with its project, for the list across projects. */
    public record Listed(SelfEvaluation report, String projectCode, String projectName) {
    }

    /** A project whose self-evaluation is due now (window open) or overdue. */
    public record ListedWindow(UUID projectId, String projectCode, String projectName, LocalDate opensOn,
            LocalDate dueOn, SelfEvaluationWindow.State state) {
    }

    private SelfEvaluation row(ResultSet rs, int n) throws SQLException {
        return new SelfEvaluation(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                SelfEvaluationStatus.valueOf(rs.getString("status")), content(rs), rs.getInt("revision"),
                rs.getObject("window_start", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                rs.getObject("first_submitted_on", LocalDate.class), rs.getObject("last_submitted_on", LocalDate.class),
                rs.getString("decision_opinion"), rs.getObject("decided_on", LocalDate.class),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    private SelfEvaluationContent content(ResultSet rs) throws SQLException {
        return json.readValue(rs.getString("content"), SelfEvaluationContent.class);
    }
}
