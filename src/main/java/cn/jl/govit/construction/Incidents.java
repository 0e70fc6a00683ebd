package cn.jl.govit.construction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * Serious delays and major losses the construction unit reports to the approval authority (Art. 22). A report
 * stays possible while construction is suspended; a serious delay answers the platform's open delay flags.
 */
@Service
public class Incidents {

    private final JdbcClient jdbc;
    private final ConstructionGuard guard;
    private final Notifications notifications;
    private final AuditLog audit;

    Incidents(JdbcClient jdbc, ConstructionGuard guard, Notifications notifications, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.notifications = notifications;
        this.audit = audit;
    }

    /**
     * Reports an incident: {@code 404}, {@code 403} but the unit, {@code 400} for a future date, {@code 422}
     * ART-14 before construction started or for a date before the start.
     */
    @Transactional
    public Incident report(UUID projectId, ConstructionRequests.NewIncident request) {
        Project project = guard.unit(projectId);
        guard.notFuture("occurredOn", request.occurredOn());
        if (project.status() != ProjectStatus.UNDER_CONSTRUCTION && project.status() != ProjectStatus.SUSPENDED) {
            ConstructionGuard.requireOpen(project);
        }
        if (request.occurredOn().isBefore(project.constructionStartedOn())) {
            throw new RuleViolationException(Violation.of("ART-14", "occurredOn", "violation.ART-14.incident-before-start",
                    request.occurredOn().toString(), project.constructionStartedOn().toString()));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO construction_incident (id, project_id, kind, occurred_on, facts, measures, reported_by,
                    reported_at)
                VALUES (:id, :p, :kind, :on, :facts, :measures, :by, :at)""")
                .param("id", id).param("p", projectId).param("kind", request.kind().name())
                .param("on", request.occurredOn()).param("facts", request.facts().strip())
                .param("measures", request.measures().strip()).param("by", guard.username()).param("at", guard.now())
                .update();
        int answered = 0;
        if (request.kind() == IncidentKind.SERIOUS_DELAY) {
            answered = jdbc.sql("UPDATE construction_delay_flag SET incident_id = :i WHERE project_id = :p AND incident_id IS NULL")
                    .param("i", id).param("p", projectId).update();
        }
        audit.record("INCIDENT_REPORTED", "Incident", id.toString(), projectId, project.code() + " " + request.kind()
                + " on " + request.occurredOn() + (answered > 0 ? ", answers " + answered + " delay flag(s)" : ""));
        notifications.notifyMembers(project.approvalAuthority().organizationCode(), Role.APPROVER,
                Notice.of("construction.notice.incident", "/projects/" + projectId + "/construction", projectId,
                        "construction-incident:" + id, project.code(), project.name()));
        return get(projectId, id);
    }

    /** The project's incidents, latest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public PageOf<Incident> page(UUID projectId, int page, int size) {
        guard.readable(projectId);
        Paging paging = Paging.of(page, size);
        long total = jdbc.sql("SELECT count(*) FROM construction_incident WHERE project_id = :p")
                .param("p", projectId).query(Long.class).single();
        List<Incident> content = jdbc.sql("""
                SELECT * FROM construction_incident WHERE project_id = :p
                ORDER BY occurred_on DESC, reported_at DESC LIMIT :limit OFFSET :offset""")
                .param("p", projectId).param("limit", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query(Incidents::map).list();
        return new PageOf<>(content, paging.page(), paging.size(), total);
    }

    /** Whether the incident belongs to the project; for the orders that refer to it. */
    boolean belongsTo(UUID incidentId, UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM construction_incident WHERE id = :id AND project_id = :p")
                .param("id", incidentId).param("p", projectId).query(Long.class).single() > 0;
    }

    private Incident get(UUID projectId, UUID id) {
        return jdbc.sql("SELECT * FROM construction_incident WHERE id = :id AND project_id = :p")
                .param("id", id).param("p", projectId).query(Incidents::map).optional()
                .orElseThrow(() -> new RecordNotFoundException("Incident", id));
    }

    private static Incident map(ResultSet rs, int n) throws SQLException {
        return new Incident(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                IncidentKind.valueOf(rs.getString("kind")), rs.getObject("occurred_on", LocalDate.class),
                rs.getString("facts"), rs.getString("measures"), rs.getString("reported_by"),
                rs.getTimestamp("reported_at").toInstant());
    }
}
