package cn.jl.govit.construction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.Actor;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.obligation.ObligationEvents;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.PolicyParameters;

/**
 * The daily check for likely serious delays (Art. 22, {@link DelayPolicy}), run after the obligation module's
 * daily scan. Each cause is flagged once, audited and notified to the lead department, which is asked to report
 * the delay; its report answers the flag. Suspended projects are not checked: the authority already acts.
 */
@Service
public class DelayFlags {

    private final JdbcClient jdbc;
    private final ConstructionGuard guard;
    private final Milestones milestones;
    private final ProgressReports reports;
    private final PolicyParameters policy;
    private final Notifications notifications;
    private final AuditLog audit;

    DelayFlags(JdbcClient jdbc, ConstructionGuard guard, Milestones milestones, ProgressReports reports,
            PolicyParameters policy, Notifications notifications, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.milestones = milestones;
        this.reports = reports;
        this.policy = policy;
        this.notifications = notifications;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(ObligationEvents.DailyScanCompleted scan) {
        check(scan.day());
    }

    /** Checks every project under construction on {@code day}; returns the flags raised now (none twice). */
    @Transactional
    public List<DelayFlag> check(LocalDate day) {
        DelayPolicy delays = new DelayPolicy(policy.progressReportPeriodMonths(), policy.seriousDelayMarginMonths());
        // The project module offers no unscoped listing; the status column is its published state.
        List<UUID> underConstruction = jdbc.sql("SELECT id FROM project WHERE status = 'UNDER_CONSTRUCTION' ORDER BY id")
                .query(UUID.class).list();
        List<DelayFlag> raised = new ArrayList<>();
        for (UUID projectId : underConstruction) {
            Project project = guard.any(projectId);
            if (project.constructionStartedOn() == null) {
                continue;
            }
            DelayPolicy.Facts facts = new DelayPolicy.Facts(project.constructionStartedOn(),
                    reports.latest(projectId).map(ProgressReport::reportedOn).orElse(null),
                    milestones.currentMilestones(projectId).stream()
                            .map(m -> new DelayPolicy.Facts.Milestone(m.id(), m.name(), m.plannedOn(), m.reachedOn()))
                            .toList());
            for (DelayPolicy.Cause cause : delays.check(facts, day)) {
                UUID id = UUID.randomUUID();
                int rows = jdbc.sql("""
                        INSERT INTO construction_delay_flag (id, project_id, cause, kind, subject, since, detected_on)
                        VALUES (:id, :p, :cause, :kind, :subject, :since, :day) ON CONFLICT (project_id, cause) DO NOTHING""")
                        .param("id", id).param("p", projectId).param("cause", cause.key())
                        .param("kind", cause.kind().name()).param("subject", cause.subject())
                        .param("since", cause.since()).param("day", day).update();
                if (rows == 0) {
                    continue;
                }
                audit.record(Actor.SYSTEM, "DELAY_FLAGGED", "DelayFlag", id.toString(), projectId,
                        project.code() + " " + cause.kind() + " " + cause.subject() + " since " + cause.since());
                notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                        Notice.of("construction.notice.delay-" + cause.kind().name(),
                                "/projects/" + projectId + "/construction", projectId, "construction-delay:" + id,
                                project.code(), cause.subject(), cause.since().toString()));
                raised.add(find(id));
            }
        }
        return raised;
    }

    /** The project's flags, latest first ({@code 404} outside scope); a short list, never paged. */
    @Transactional(readOnly = true)
    public List<DelayFlag> forProject(UUID projectId) {
        guard.readable(projectId);
        return jdbc.sql("SELECT * FROM construction_delay_flag WHERE project_id = :p ORDER BY detected_on DESC, cause")
                .param("p", projectId).query(DelayFlags::map).list();
    }

    private DelayFlag find(UUID id) {
        return jdbc.sql("SELECT * FROM construction_delay_flag WHERE id = :id").param("id", id).query(DelayFlags::map)
                .single();
    }

    private static DelayFlag map(ResultSet rs, int n) throws SQLException {
        return new DelayFlag(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("cause"), DelayFlagKind.valueOf(rs.getString("kind")), rs.getString("subject"),
                rs.getObject("since", LocalDate.class), rs.getObject("detected_on", LocalDate.class),
                rs.getObject("incident_id", UUID.class));
    }
}
