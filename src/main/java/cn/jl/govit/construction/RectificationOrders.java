package cn.jl.govit.construction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * Rectification ordered by the approval authority after a serious delay or major loss (Art. 22). Each order opens
 * a RECTIFICATION obligation of the construction unit, due on its deadline, with the order's id as subject; the
 * unit reports what it rectified (also while suspended: that is what suspension is for), and the authority
 * accepts (the obligation is met) or reopens the order with its opinion.
 */
@Service
public class RectificationOrders {

    private final JdbcClient jdbc;
    private final ConstructionGuard guard;
    private final Incidents incidents;
    private final Obligations obligations;
    private final Notifications notifications;
    private final AuditLog audit;

    RectificationOrders(JdbcClient jdbc, ConstructionGuard guard, Incidents incidents, Obligations obligations,
            Notifications notifications, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.incidents = incidents;
        this.obligations = obligations;
        this.notifications = notifications;
        this.audit = audit;
    }

    /**
     * The authority orders rectification: {@code 404}, {@code 403} but the authority, {@code 400} for a deadline
     * not after today or an incident of another project, {@code 422} ART-14 outside construction.
     */
    @Transactional
    public RectificationOrder order(UUID projectId, ConstructionRequests.NewRectificationOrder request) {
        Project project = guard.authority(projectId);
        LocalDate today = guard.today();
        if (!request.deadline().isAfter(today)) {
            throw new InvalidInputException("deadline", "construction.rectification.deadline-not-future",
                    request.deadline().toString(), today.toString());
        }
        if (request.incidentId() != null && !incidents.belongsTo(request.incidentId(), projectId)) {
            throw new InvalidInputException("incidentId", "construction.rectification.incident-foreign",
                    request.incidentId().toString());
        }
        requireStarted(project);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO construction_rectification_order (id, project_id, incident_id, requirements, deadline,
                    status, ordered_by, ordered_on)
                VALUES (:id, :p, :incident, :requirements, :deadline, 'OPEN', :by, :on)""")
                .param("id", id).param("p", projectId).param("incident", request.incidentId())
                .param("requirements", request.requirements().strip()).param("deadline", request.deadline())
                .param("by", guard.username()).param("on", today).update();
        obligations.open(projectId, ObligationType.RECTIFICATION, id.toString(), request.deadline(), null, "ART-22",
                project.leadOrganizationCode());
        audit.record("RECTIFICATION_ORDERED", "RectificationOrder", id.toString(), projectId,
                project.code() + " due " + request.deadline());
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("construction.notice.rectification-ordered", "/projects/" + projectId + "/construction",
                        projectId, "construction-rectification:" + id, project.code(), request.deadline().toString()));
        return get(projectId, id);
    }

    /** The unit reports what it rectified: {@code 404}, {@code 403}, {@code 409}, {@code 422} unless the order is open. */
    @Transactional
    public RectificationOrder report(UUID projectId, UUID orderId, ConstructionRequests.RectificationReport request) {
        Project project = guard.unit(projectId);
        RectificationOrder order = get(projectId, orderId);
        checkVersion(order, request.version());
        if (order.status() != RectificationStatus.OPEN) {
            throw new RuleViolationException(Violation.of("ART-22", "status", "violation.ART-22.rectification-not-open",
                    new cn.jl.govit.rulebook.MessageKey("enum.RectificationStatus." + order.status().name())));
        }
        update(order, """
                UPDATE construction_rectification_order SET status = 'REPORTED', rectification = :text,
                    reported_on = :on, version = version + 1 WHERE id = :id AND version = :v""",
                request.rectification().strip());
        audit.record("RECTIFICATION_REPORTED", "RectificationOrder", orderId.toString(), projectId, project.code());
        notifications.notifyMembers(project.approvalAuthority().organizationCode(), Role.APPROVER,
                Notice.of("construction.notice.rectification-reported", "/projects/" + projectId + "/construction",
                        projectId, null, project.code()));
        return get(projectId, orderId);
    }

    /**
     * The authority accepts the reported rectification (the obligation is met) or reopens the order with an
     * opinion ({@code 400} without one); {@code 422} unless it was reported.
     */
    @Transactional
    public RectificationOrder review(UUID projectId, UUID orderId, ConstructionRequests.RectificationReview request) {
        Project project = guard.authority(projectId);
        RectificationOrder order = get(projectId, orderId);
        checkVersion(order, request.version());
        if (!request.accepted() && (request.opinion() == null || request.opinion().isBlank())) {
            throw new InvalidInputException("opinion", "problem.field.required");
        }
        if (order.status() != RectificationStatus.REPORTED) {
            throw new RuleViolationException(Violation.of("ART-22", "status", "violation.ART-22.rectification-not-reported",
                    new cn.jl.govit.rulebook.MessageKey("enum.RectificationStatus." + order.status().name())));
        }
        String opinion = request.opinion() == null || request.opinion().isBlank() ? null : request.opinion().strip();
        LocalDate today = guard.today();
        if (request.accepted()) {
            update(order, """
                    UPDATE construction_rectification_order SET status = 'ACCEPTED', opinion = :text, accepted_on = :on,
                        version = version + 1 WHERE id = :id AND version = :v""", opinion);
            obligations.meet(projectId, ObligationType.RECTIFICATION, orderId.toString(), today);
        }
        else {
            update(order, """
                    UPDATE construction_rectification_order SET status = 'OPEN', opinion = :text,
                        version = version + 1 WHERE id = :id AND version = :v""", opinion);
        }
        audit.record(request.accepted() ? "RECTIFICATION_ACCEPTED" : "RECTIFICATION_REJECTED", "RectificationOrder",
                orderId.toString(), projectId, project.code() + (opinion == null ? "" : " — " + opinion));
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of(request.accepted() ? "construction.notice.rectification-accepted"
                        : "construction.notice.rectification-rejected", "/projects/" + projectId + "/construction",
                        projectId, null, project.code()));
        return get(projectId, orderId);
    }

    /** The project's orders, latest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public PageOf<RectificationOrder> page(UUID projectId, int page, int size) {
        guard.readable(projectId);
        Paging paging = Paging.of(page, size);
        long total = jdbc.sql("SELECT count(*) FROM construction_rectification_order WHERE project_id = :p")
                .param("p", projectId).query(Long.class).single();
        List<RectificationOrder> content = jdbc.sql("""
                SELECT * FROM construction_rectification_order WHERE project_id = :p
                ORDER BY ordered_on DESC, deadline DESC LIMIT :limit OFFSET :offset""")
                .param("p", projectId).param("limit", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query(RectificationOrders::map).list();
        return new PageOf<>(content, paging.page(), paging.size(), total);
    }

    private static void requireStarted(Project project) {
        if (project.status() != ProjectStatus.UNDER_CONSTRUCTION && project.status() != ProjectStatus.SUSPENDED) {
            ConstructionGuard.requireOpen(project);
        }
    }

    private static void checkVersion(RectificationOrder order, Long expected) {
        if (expected != null && expected != order.version()) {
            throw new OptimisticLockingFailureException("rectification order " + order.id() + " changed meanwhile");
        }
    }

    private void update(RectificationOrder order, String sql, String text) {
        int rows = jdbc.sql(sql).param("text", text).param("on", guard.today()).param("id", order.id())
                .param("v", order.version()).update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("rectification order " + order.id() + " changed meanwhile");
        }
    }

    private RectificationOrder get(UUID projectId, UUID id) {
        return jdbc.sql("SELECT * FROM construction_rectification_order WHERE id = :id AND project_id = :p")
                .param("id", id).param("p", projectId).query(RectificationOrders::map).optional()
                .orElseThrow(() -> new RecordNotFoundException("RectificationOrder", id));
    }

    private static RectificationOrder map(ResultSet rs, int n) throws SQLException {
        return new RectificationOrder(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("incident_id", UUID.class), rs.getString("requirements"),
                rs.getObject("deadline", LocalDate.class), RectificationStatus.valueOf(rs.getString("status")),
                rs.getString("rectification"), rs.getObject("reported_on", LocalDate.class), rs.getString("opinion"),
                rs.getObject("accepted_on", LocalDate.class), rs.getString("ordered_by"),
                rs.getObject("ordered_on", LocalDate.class), rs.getLong("version"));
    }
}
