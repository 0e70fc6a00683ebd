package cn.jl.govit.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * Findings of evaluations and their rectification (Art. 32: "根据评价结果对政务信息化项目存在的问题提出整改意见"). The
 * approval authority raises a finding from a self-evaluation or a reported post-evaluation of the project; it opens a
 * RECTIFICATION obligation of the construction unit (rule ART-32) due on the finding's deadline. The unit reports
 * its rectification; the authority accepts it (closed, the obligation met) or rejects it with an opinion (open
 * again, the obligation stays pending). Every report and review is kept.
 */
@Service
public class EvaluationFindings {

    private final JdbcClient jdbc;
    private final EvaluationGuard guard;
    private final EvaluationRules rules;
    private final SelfEvaluations selfEvaluations;
    private final PostEvaluations postEvaluations;
    private final Obligations obligations;
    private final Notifications notifications;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    EvaluationFindings(JdbcClient jdbc, EvaluationGuard guard, EvaluationRules rules, SelfEvaluations selfEvaluations,
            PostEvaluations postEvaluations, Obligations obligations, Notifications notifications, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.rules = rules;
        this.selfEvaluations = selfEvaluations;
        this.postEvaluations = postEvaluations;
        this.obligations = obligations;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's approval authority. */
    @Transactional(readOnly = true)
    public Project checkMayRaise(UUID projectId) {
        return guard.authority(projectId);
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the construction unit of the finding's project. */
    @Transactional(readOnly = true)
    public EvaluationFinding checkMayRectify(UUID id) {
        EvaluationFinding finding = get(id);
        guard.unit(finding.projectId());
        return finding;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the approval authority of the finding's project. */
    @Transactional(readOnly = true)
    public EvaluationFinding checkMayReview(UUID id) {
        EvaluationFinding finding = get(id);
        guard.authority(finding.projectId());
        return finding;
    }

    /**
     * The authority raises a finding: the source must be an evaluation of this project ({@code 400} otherwise), a
     * post-evaluation with its report ({@code 422 ART-32}); the deadline not before today ({@code 400}), by default
     * the rectification window after today.
     */
    @Transactional
    public EvaluationFinding raise(UUID projectId, EvaluationRequests.NewFinding request) {
        Project project = guard.authority(projectId);
        LocalDate today = guard.today();
        if (request.rectificationDue() != null && request.rectificationDue().isBefore(today)) {
            throw new InvalidInputException("rectificationDue", "evaluation.finding.due-past",
                    request.rectificationDue().toString(), today.toString());
        }
        EvaluationFindingPolicy policy = rules.findings();
        if (request.source() == EvaluationSource.SELF_EVALUATION) {
            boolean ours = selfEvaluations.find(projectId).map(s -> s.id().equals(request.sourceId())).orElse(false);
            if (!ours) {
                throw unknownSource(request.sourceId());
            }
        }
        else {
            PostEvaluation source = postEvaluations.forProject(projectId).stream()
                    .filter(p -> p.id().equals(request.sourceId())).findFirst()
                    .orElseThrow(() -> unknownSource(request.sourceId()));
            RuleViolationException.throwIfAny(policy.postEvaluationReported(source.status()));
        }
        LocalDate due = policy.rectificationDue(today, request.rectificationDue());
        UUID id = UUID.randomUUID();
        String subject = EvaluationFinding.subjectOf(id);
        try {
            jdbc.sql("""
                    INSERT INTO evaluation_finding (id, project_id, source, source_id, description, raised_on,
                        rectification_due, obligation_subject, status, rounds, raised_by, raised_at, version)
                    VALUES (:id, :p, :source, :sourceId, :description, :on, :due, :subject, 'OPEN', 0, :by, :at, 0)""")
                    .param("id", id).param("p", projectId).param("source", request.source().name())
                    .param("sourceId", request.sourceId()).param("description", request.description().strip())
                    .param("on", today).param("due", due).param("subject", subject).param("by", guard.username())
                    .param("at", Timestamp.from(guard.now())).update();
        }
        catch (DuplicateKeyException e) {
            // two findings of one project whose ids share the first eight hex digits: vanishingly rare, retry
            throw new OptimisticLockingFailureException("finding subject " + subject + " taken, please retry");
        }
        obligations.open(projectId, ObligationType.RECTIFICATION, subject, due, null, EvaluationFindingPolicy.RULE,
                project.leadOrganizationCode());
        audit.record("EVALUATION_FINDING_RAISED", "EvaluationFinding", id.toString(), projectId,
                project.code() + " " + subject + " from " + request.source() + ", due " + due);
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("evaluation.notice.finding-raised", "/projects/" + projectId + "/evaluation", projectId,
                        "evaluation-finding:" + id, project.code(), due.toString()));
        events.publishEvent(new EvaluationEvents.EvaluationFindingRaised(id, projectId, request.source(), due));
        return get(id);
    }

    /**
     * The unit reports its rectification of an open finding ({@code 422 ART-32} otherwise), done on a day not in
     * the future ({@code 400}) nor before the finding ({@code 422}).
     */
    @Transactional
    public EvaluationFinding rectify(UUID id, EvaluationRequests.Rectification request) {
        EvaluationFinding finding = checkMayRectify(id);
        Project project = guard.readable(finding.projectId());
        guard.notFuture("rectifiedOn", request.rectifiedOn());
        guard.ownDocument(finding.projectId(), "documentId", request.documentId());
        EvaluationGuard.checkVersion("evaluation finding", id, finding.version(), request.version());
        EvaluationFindingPolicy policy = rules.findings();
        RuleViolationException.throwIfAny(policy.answerable(finding.status()));
        RuleViolationException.throwIfAny(policy.rectifiedAfterRaised(finding.raisedOn(), request.rectifiedOn()));
        int round = finding.rounds() + 1;
        update(finding, EvaluationFindingStatus.RECTIFIED, round, null);
        jdbc.sql("""
                INSERT INTO evaluation_finding_rectification (finding_id, round, rectified_on, summary, document_id,
                    reported_by, reported_at)
                VALUES (:id, :round, :on, :summary, :doc, :by, :at)""")
                .param("id", id).param("round", round).param("on", request.rectifiedOn())
                .param("summary", request.summary().strip()).param("doc", request.documentId())
                .param("by", guard.username()).param("at", Timestamp.from(guard.now())).update();
        audit.record("EVALUATION_FINDING_RECTIFIED", "EvaluationFinding", id.toString(), finding.projectId(),
                project.code() + " " + finding.obligationSubject() + " round " + round);
        notifications.notifyMembers(project.approvalAuthority().organizationCode(), Role.APPROVER,
                Notice.of("evaluation.notice.finding-rectified", "/projects/" + project.id() + "/evaluation",
                        project.id(), null, project.code(), finding.obligationSubject()));
        return get(id);
    }

    /**
     * The authority reviews the reported rectification ({@code 422 ART-32} unless one awaits review): accepted closes
     * the finding and meets its obligation; rejected needs an opinion ({@code 400}) and opens the finding again.
     */
    @Transactional
    public EvaluationFinding review(UUID id, EvaluationRequests.Review request) {
        EvaluationFinding finding = checkMayReview(id);
        Project project = guard.readable(finding.projectId());
        boolean accepted = request.decision() == ReviewDecision.ACCEPTED;
        String opinion = EvaluationRequests.strip(request.opinion());
        if (!accepted && opinion == null) {
            throw new InvalidInputException("opinion", "problem.field.required");
        }
        EvaluationGuard.checkVersion("evaluation finding", id, finding.version(), request.version());
        RuleViolationException.throwIfAny(rules.findings().reviewable(finding.status()));
        LocalDate today = guard.today();
        update(finding, accepted ? EvaluationFindingStatus.CLOSED : EvaluationFindingStatus.OPEN, finding.rounds(),
                accepted ? today : null);
        jdbc.sql("""
                INSERT INTO evaluation_finding_review (finding_id, round, decision, opinion, reviewed_by, reviewed_on,
                    reviewed_at)
                VALUES (:id, :round, :decision, :opinion, :by, :on, :at)""")
                .param("id", id).param("round", finding.rounds()).param("decision", request.decision().name())
                .param("opinion", opinion).param("by", guard.username()).param("on", today)
                .param("at", Timestamp.from(guard.now())).update();
        if (accepted) {
            obligations.meet(finding.projectId(), ObligationType.RECTIFICATION, finding.obligationSubject(), today);
        }
        audit.record(accepted ? "EVALUATION_FINDING_CLOSED" : "EVALUATION_FINDING_REOPENED", "EvaluationFinding",
                id.toString(), finding.projectId(), project.code() + " " + finding.obligationSubject() + " round "
                        + finding.rounds() + (opinion == null ? "" : " — " + opinion));
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of(accepted ? "evaluation.notice.finding-closed" : "evaluation.notice.finding-reopened",
                        "/projects/" + project.id() + "/evaluation", project.id(), null, project.code(),
                        finding.obligationSubject()));
        if (accepted) {
            events.publishEvent(new EvaluationEvents.EvaluationFindingClosed(id, finding.projectId(), today));
        }
        return get(id);
    }

    /** The deadline a finding raised today gets when the authority names none (Art. 32, the rectification window). */
    public LocalDate defaultRectificationDue() {
        return rules.findings().rectificationDue(guard.today(), null);
    }

    /** A finding whoever sees its project reads ({@code 404} otherwise). */
    @Transactional(readOnly = true)
    public EvaluationFinding get(UUID id) {
        EvaluationFinding finding = jdbc.sql("SELECT * FROM evaluation_finding WHERE id = :id").param("id", id)
                .query(this::row).optional().orElseThrow(() -> new RecordNotFoundException("EvaluationFinding", id));
        if (!guard.isVisible(finding.projectId())) {
            throw new RecordNotFoundException("EvaluationFinding", id);
        }
        return withRectifications(List.of(finding)).get(0);
    }

    /** The project's findings, latest first, with their rectifications ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<EvaluationFinding> forProject(UUID projectId) {
        guard.readable(projectId);
        return withRectifications(jdbc.sql("""
                SELECT * FROM evaluation_finding WHERE project_id = :p ORDER BY raised_on DESC, raised_at DESC""")
                .param("p", projectId).query(this::row).list());
    }

    private List<EvaluationFinding> withRectifications(List<EvaluationFinding> findings) {
        if (findings.isEmpty()) {
            return findings;
        }
        Map<UUID, List<EvaluationFinding.Rectification>> byFinding = jdbc.sql("""
                SELECT r.*, v.decision, v.opinion, v.reviewed_by, v.reviewed_on
                  FROM evaluation_finding_rectification r
                  LEFT JOIN evaluation_finding_review v ON v.finding_id = r.finding_id AND v.round = r.round
                 WHERE r.finding_id IN (:ids) ORDER BY r.round""")
                .param("ids", findings.stream().map(EvaluationFinding::id).toList())
                .query((rs, n) -> Map.entry(rs.getObject("finding_id", UUID.class), new EvaluationFinding.Rectification(
                        rs.getInt("round"), rs.getObject("rectified_on", LocalDate.class), rs.getString("summary"),
                        rs.getObject("document_id", UUID.class), rs.getString("reported_by"),
                        rs.getTimestamp("reported_at").toInstant(),
                        rs.getString("decision") == null ? null : ReviewDecision.valueOf(rs.getString("decision")),
                        rs.getString("opinion"), rs.getString("reviewed_by"), rs.getObject("reviewed_on", LocalDate.class))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return findings.stream().map(f -> new EvaluationFinding(f.id(), f.projectId(), f.source(), f.sourceId(),
                f.description(), f.raisedOn(), f.rectificationDue(), f.obligationSubject(), f.status(), f.rounds(),
                f.closedOn(), f.raisedBy(), f.raisedAt(), f.version(), byFinding.getOrDefault(f.id(), List.of()))).toList();
    }

    private void update(EvaluationFinding finding, EvaluationFindingStatus status, int rounds, LocalDate closedOn) {
        int rows = jdbc.sql("UPDATE evaluation_finding SET status = :status, rounds = :rounds, closed_on = :closed, "
                        + "version = version + 1 WHERE id = :id AND version = :v")
                .param("status", status.name()).param("rounds", rounds).param("closed", closedOn)
                .param("id", finding.id()).param("v", finding.version()).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("evaluation finding " + finding.id() + " changed meanwhile");
        }
    }

    private static InvalidInputException unknownSource(UUID sourceId) {
        return new InvalidInputException("sourceId", "evaluation.finding.source-unknown", String.valueOf(sourceId));
    }

    private EvaluationFinding row(ResultSet rs, int n) throws SQLException {
        return new EvaluationFinding(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                EvaluationSource.valueOf(rs.getString("source")), rs.getObject("source_id", UUID.class),
                rs.getString("description"), rs.getObject("raised_on", LocalDate.class),
                rs.getObject("rectification_due", LocalDate.class), rs.getString("obligation_subject"),
                EvaluationFindingStatus.valueOf(rs.getString("status")), rs.getInt("rounds"),
                rs.getObject("closed_on", LocalDate.class), rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(), rs.getLong("version"), List.of());
    }
}
