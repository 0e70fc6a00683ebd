package cn.jl.govit.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.organization.CurrentUsers;
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
 * Third-party post-evaluations (Art. 28: "项目审批部门结合自评价情况，可以委托第三方咨询机构对项目开展后评价"). Only the
 * project's approval authority commissions one and records its report ({@code 403} for everyone else); the
 * construction unit is told of both, since the results may lead to findings it must rectify (Art. 32).
 */
@Service
public class PostEvaluations {

    private final JdbcClient jdbc;
    private final EvaluationGuard guard;
    private final Notifications notifications;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PostEvaluations(JdbcClient jdbc, EvaluationGuard guard, Notifications notifications, CurrentUsers users,
            AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.notifications = notifications;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's approval authority. */
    @Transactional(readOnly = true)
    public Project checkMayCommission(UUID projectId) {
        return guard.authority(projectId);
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the approval authority of its project. */
    @Transactional(readOnly = true)
    public PostEvaluation checkMayReport(UUID id) {
        PostEvaluation evaluation = get(id);
        guard.authority(evaluation.projectId());
        return evaluation;
    }

    /**
     * The authority commissions a post-evaluation of a project in operation, on a day not in the future
     * ({@code 400}) nor before operation started ({@code 422 ART-28}).
     */
    @Transactional
    public PostEvaluation commission(UUID projectId, EvaluationRequests.Commission request) {
        Project project = guard.authority(projectId);
        guard.notFuture("commissionedOn", request.commissionedOn());
        List<Violation> violations = new ArrayList<>(EvaluationGuard.inOperation(project));
        if (violations.isEmpty() && request.commissionedOn().isBefore(project.operationStartedOn())) {
            violations.add(Violation.of(SelfEvaluationWindow.RULE, "commissionedOn",
                    "violation.ART-28.commissioned-before-operation", request.commissionedOn().toString(),
                    project.operationStartedOn().toString()));
        }
        RuleViolationException.throwIfAny(violations);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO post_evaluation (id, project_id, evaluator, commissioned_on, scope, status, commissioned_by,
                    commissioned_at, version)
                VALUES (:id, :p, :evaluator, :on, :scope, 'COMMISSIONED', :by, :at, 0)""")
                .param("id", id).param("p", projectId).param("evaluator", request.evaluator().strip())
                .param("on", request.commissionedOn()).param("scope", request.scope().strip())
                .param("by", guard.username()).param("at", Timestamp.from(guard.now())).update();
        audit.record("POST_EVALUATION_COMMISSIONED", "PostEvaluation", id.toString(), projectId,
                project.code() + " to " + request.evaluator().strip() + " on " + request.commissionedOn());
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("evaluation.notice.post-evaluation-commissioned", "/projects/" + projectId + "/evaluation",
                        projectId, null, project.code(), request.evaluator().strip()));
        return get(id);
    }

    /**
     * The authority records the institution's report: once ({@code 422} when already recorded), not before the
     * commission ({@code 422}), with its summary and document ({@code 422 ART-28} naming each missing one).
     */
    @Transactional
    public PostEvaluation report(UUID id, EvaluationRequests.PostEvaluationReport request) {
        PostEvaluation evaluation = checkMayReport(id);
        Project project = guard.readable(evaluation.projectId());
        guard.notFuture("reportedOn", request.reportedOn());
        guard.ownDocument(evaluation.projectId(), "documentId", request.documentId());
        EvaluationGuard.checkVersion("post-evaluation", id, evaluation.version(), request.version());
        List<Violation> violations = new ArrayList<>();
        if (evaluation.status() != PostEvaluationStatus.COMMISSIONED) {
            violations.add(Violation.of(SelfEvaluationWindow.RULE, "status", "violation.ART-28.post-evaluation-reported",
                    new MessageKey("enum.PostEvaluationStatus." + evaluation.status().name())));
        }
        if (request.reportedOn().isBefore(evaluation.commissionedOn())) {
            violations.add(Violation.of(SelfEvaluationWindow.RULE, "reportedOn",
                    "violation.ART-28.reported-before-commissioned", request.reportedOn().toString(),
                    evaluation.commissionedOn().toString()));
        }
        if (request.summary() == null || request.summary().isBlank()) {
            violations.add(Violation.of(SelfEvaluationWindow.RULE, "summary", "violation.ART-28.missing-part",
                    new MessageKey("evaluation.field.summary")));
        }
        if (request.documentId() == null) {
            violations.add(Violation.of(SelfEvaluationWindow.RULE, "documentId", "violation.ART-28.missing-part",
                    new MessageKey("evaluation.field.report-document")));
        }
        RuleViolationException.throwIfAny(violations);
        int rows = jdbc.sql("""
                UPDATE post_evaluation SET status = 'REPORTED', reported_on = :on, conclusion = :conclusion,
                    summary = :summary, document_id = :doc, reported_by = :by, version = version + 1
                 WHERE id = :id AND version = :v""")
                .param("on", request.reportedOn()).param("conclusion", request.conclusion().name())
                .param("summary", request.summary().strip()).param("doc", request.documentId())
                .param("by", guard.username()).param("id", id).param("v", evaluation.version()).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("post-evaluation " + id + " changed meanwhile");
        }
        audit.record("POST_EVALUATION_REPORTED", "PostEvaluation", id.toString(), evaluation.projectId(),
                project.code() + " " + request.conclusion() + " on " + request.reportedOn());
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("evaluation.notice.post-evaluation-reported", "/projects/" + project.id() + "/evaluation",
                        project.id(), null, project.code(), evaluation.evaluator()));
        events.publishEvent(new EvaluationEvents.PostEvaluationReported(id, project.id(), request.conclusion(),
                request.reportedOn()));
        return get(id);
    }

    /** A post-evaluation whoever sees its project reads ({@code 404} otherwise). */
    @Transactional(readOnly = true)
    public PostEvaluation get(UUID id) {
        PostEvaluation evaluation = jdbc.sql("SELECT * FROM post_evaluation WHERE id = :id").param("id", id)
                .query(PostEvaluations::row).optional()
                .orElseThrow(() -> new RecordNotFoundException("PostEvaluation", id));
        if (!guard.isVisible(evaluation.projectId())) {
            throw new RecordNotFoundException("PostEvaluation", id);
        }
        return evaluation;
    }

    /** The project's post-evaluations, latest commission first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<PostEvaluation> forProject(UUID projectId) {
        guard.readable(projectId);
        return jdbc.sql("SELECT * FROM post_evaluation WHERE project_id = :p ORDER BY commissioned_on DESC, commissioned_at DESC")
                .param("p", projectId).query(PostEvaluations::row).list();
    }

    /** Whether the signed-in user commissions post-evaluations of the project now. */
    @Transactional(readOnly = true)
    public boolean canCommission(Project project) {
        return guard.isAuthority(project) && EvaluationGuard.inOperation(project).isEmpty();
    }

    /** The post-evaluations of the projects the caller sees, latest first; {@code status} filters when given. */
    @Transactional(readOnly = true)
    public PageOf<Listed> page(PostEvaluationStatus status, int page, int size) {
        Paging paging = Paging.of(page, size);
        ProjectScope.Filter scope = ProjectScope.filterFor(users.current());
        if (scope.none()) {
            return new PageOf<>(List.of(), paging.page(), paging.size(), 0);
        }
        ProjectConditions conditions = ProjectConditions.within(scope)
                .when(status == null ? null : status.name(), " AND e.status = :status", "status");
        String where = " FROM post_evaluation e JOIN project p ON p.id = e.project_id" + conditions.where();
        List<Listed> content = jdbc.sql("SELECT e.*, p.code AS project_code, p.name AS project_name" + where
                        + " ORDER BY COALESCE(e.reported_on, e.commissioned_on) DESC, p.code LIMIT :size OFFSET :offset")
                .params(conditions.params())
                .param("size", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query((rs, n) -> new Listed(row(rs, n), rs.getString("project_code"), rs.getString("project_name")))
                .list();
        long total = jdbc.sql("SELECT count(*)" + where).params(conditions.params()).query(Long.class).single();
        return new PageOf<>(content, paging.page(), paging.size(), total);
    }

    /** A post-evaluation with its project, for the list across projects. */
    public record Listed(PostEvaluation evaluation, String projectCode, String projectName) {
    }

    private static PostEvaluation row(ResultSet rs, int n) throws SQLException {
        String conclusion = rs.getString("conclusion");
        return new PostEvaluation(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("evaluator"), rs.getObject("commissioned_on", LocalDate.class), rs.getString("scope"),
                PostEvaluationStatus.valueOf(rs.getString("status")), rs.getObject("reported_on", LocalDate.class),
                conclusion == null ? null : PostEvaluationConclusion.valueOf(conclusion), rs.getString("summary"),
                rs.getObject("document_id", UUID.class), rs.getString("commissioned_by"),
                rs.getTimestamp("commissioned_at").toInstant(), rs.getString("reported_by"), rs.getLong("version"));
    }
}
