package cn.jl.govit.obligation;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.obligation.ObligationEvents.DailyScanCompleted;
import cn.jl.govit.obligation.internal.ObligationProperties;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;

/**
 * The daily obligation scan: marks open obligations past their due date {@code OVERDUE} (one audit event each)
 * and tells the responsible department's staff and the project's approval authority; reminds the responsible
 * department once, {@code govit.obligation.reminder-days} before a due date.
 * <p>
 * One node does a day's work even when several share the database: the scan first claims the day in
 * {@code obligation_scan} ({@code INSERT … ON CONFLICT DO NOTHING}); a second scan of the same day — on another
 * node, or an administrator's run after the nightly one — blocks on that row until the first commits, then finds
 * the day claimed and does nothing. The claim commits with the work, so a scan that fails leaves the day free
 * for another try. {@link DailyScanCompleted} is published in a second, short transaction after the work
 * committed, so that its listeners see the marked obligations and cannot roll the scan back.
 */
@Service
public class ObligationScans {

    private static final Logger log = LoggerFactory.getLogger(ObligationScans.class);

    private final JdbcClient jdbc;
    private final Projects projects;
    private final Notifications notifications;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ObligationProperties properties;
    private final Clock clock;
    private final String node;

    ObligationScans(JdbcClient jdbc, Projects projects, Notifications notifications, AuditLog audit,
            ApplicationEventPublisher events, TransactionTemplate tx, ObligationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.node = ManagementFactory.getRuntimeMXBean().getName();
    }

    /**
     * What a scan did.
     *
     * @param ran whether this call did the day's work; {@code false} when the day was claimed before
     * @param node the node that claimed the day
     * @param markedOverdue obligations marked overdue ({@code null} while the claiming scan has not finished)
     * @param reminded obligations reminded of
     */
    public record ScanReport(LocalDate day, boolean ran, String node, Instant startedAt, Instant finishedAt,
            Integer markedOverdue, Integer reminded) {
    }

    /** Scans {@code day} unless it was scanned (or is being scanned) already. */
    public ScanReport scan(LocalDate day) {
        Instant started = clock.instant();
        Optional<int[]> work = tx.execute(status -> {
            int claimed = jdbc.sql("""
                    INSERT INTO obligation_scan (day, node, started_at) VALUES (:day, :node, :now)
                    ON CONFLICT (day) DO NOTHING""")
                    .param("day", day).param("node", node).param("now", Timestamp.from(started)).update();
            if (claimed == 0) {
                return Optional.<int[]>empty();
            }
            int overdue = markOverdue(day);
            int reminded = remind(day);
            jdbc.sql("UPDATE obligation_scan SET marked_overdue = :o, reminded = :r WHERE day = :day")
                    .param("o", overdue).param("r", reminded).param("day", day).update();
            audit.record("OBLIGATION_SCAN", "ObligationScan", day.toString(), null,
                    day + " on " + node + ": " + overdue + " marked overdue, " + reminded + " reminded");
            return Optional.of(new int[] {overdue, reminded});
        });
        if (work.isEmpty()) {
            return report(day, false);
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE obligation_scan SET finished_at = :now WHERE day = :day")
                    .param("now", Timestamp.from(clock.instant())).param("day", day).update();
            events.publishEvent(new DailyScanCompleted(day));
        });
        log.info("obligation scan of {}: {} marked overdue, {} reminded", day, work.get()[0], work.get()[1]);
        return report(day, true);
    }

    /** Today in the provincial calendar: the day the nightly scan and an administrator's run scan. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Projects.ZONE));
    }

    private int markOverdue(LocalDate day) {
        List<Obligation> late = jdbc.sql("""
                SELECT * FROM obligation WHERE status = 'OPEN' AND due_date < :day ORDER BY due_date, id FOR UPDATE""")
                .param("day", day).query((rs, n) -> Obligations.row(rs)).list();
        for (Obligation o : late) {
            jdbc.sql("""
                    UPDATE obligation SET status = 'OVERDUE', updated_at = :now, version = version + 1 WHERE id = :id""")
                    .param("now", Timestamp.from(clock.instant())).param("id", o.id()).update();
            audit.record("OBLIGATION_OVERDUE", "Obligation", o.id().toString(), o.projectId(),
                    o.type() + " " + o.subject() + " due " + o.dueDate() + " (" + o.rule() + ")");
            Project project = projects.find(o.projectId());
            Notice notice = notice("obligation.notice.overdue", o, project, "obligation-overdue:" + o.id());
            notifications.notifyMembers(o.responsibleOrganizationCode(), Role.DEPARTMENT_STAFF, notice);
            notifications.notifyMembers(project.approvalAuthority().organizationCode(), Role.APPROVER, notice);
        }
        return late.size();
    }

    private int remind(LocalDate day) {
        List<Obligation> soon = jdbc.sql("""
                SELECT * FROM obligation WHERE status = 'OPEN' AND reminded_on IS NULL
                  AND due_date >= :day AND due_date <= :until ORDER BY due_date, id FOR UPDATE""")
                .param("day", day).param("until", day.plusDays(properties.reminderDays()))
                .query((rs, n) -> Obligations.row(rs)).list();
        for (Obligation o : soon) {
            jdbc.sql("UPDATE obligation SET reminded_on = :day, updated_at = :now, version = version + 1 WHERE id = :id")
                    .param("day", day).param("now", Timestamp.from(clock.instant())).param("id", o.id()).update();
            audit.record("OBLIGATION_REMINDED", "Obligation", o.id().toString(), o.projectId(),
                    o.type() + " " + o.subject() + " due " + o.dueDate());
            Project project = projects.find(o.projectId());
            notifications.notifyMembers(o.responsibleOrganizationCode(), Role.DEPARTMENT_STAFF,
                    notice("obligation.notice.reminder", o, project, "obligation-reminder:" + o.id() + ":" + o.dueDate()));
        }
        return soon.size();
    }

    /** An obligation with a fixed subject (the one initial acceptance) is named without it. */
    private static Notice notice(String key, Obligation o, Project project, String dedupKey) {
        String text = ConstructionDeadlines.INITIAL_ACCEPTANCE_SUBJECT.equals(o.subject()) ? key + ".no-subject" : key;
        return Notice.of(text, "/projects/" + o.projectId() + "/obligations", o.projectId(), dedupKey,
                "#enum.ObligationType." + o.type().name(), o.subject(), o.dueDate().toString(), project.code(),
                project.name(), o.rule());
    }

    private ScanReport report(LocalDate day, boolean ran) {
        return jdbc.sql("SELECT * FROM obligation_scan WHERE day = :day").param("day", day)
                .query((rs, n) -> {
                    Timestamp finished = rs.getTimestamp("finished_at");
                    return new ScanReport(day, ran, rs.getString("node"), rs.getTimestamp("started_at").toInstant(),
                            finished == null ? null : finished.toInstant(),
                            (Integer) rs.getObject("marked_overdue"), (Integer) rs.getObject("reminded"));
                })
                .single();
    }
}
