package cn.jl.govit.obligation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.audit.AuditTrail;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectConditions;
import cn.jl.govit.project.ProjectScope;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.StampedCache;
import cn.jl.govit.rulebook.Violation;

/**
 * What is due, for every module that creates deadlines: the module that records a fact opens the obligation it
 * creates and meets the one it fulfils, in its own transaction (so that a deadline is never stale against its
 * facts). Opening is idempotent per project, type and subject: the same fact recorded again re-dates the
 * pending obligation instead of adding a second one.
 */
@Service
public class Obligations {

    private final JdbcClient jdbc;
    private final Projects projects;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final AuditTrail trail;
    private final StampedCache<TotalKey, Long> totals;

    Obligations(JdbcClient jdbc, Projects projects, CurrentUsers users, AuditLog audit, AuditTrail trail, Clock clock,
            @Value("${govit.list-totals.cache-max-age:60s}") Duration countCacheMaxAge) {
        this.jdbc = jdbc;
        this.users = users;
        this.projects = projects;
        this.audit = audit;
        this.trail = trail;
        this.clock = clock;
        this.totals = new StampedCache<>(countCacheMaxAge, clock, 10_000);
    }

    /**
     * What a list's total depends on besides the change stamp. The daily scan marks open obligations past their due
     * date OVERDUE; the list counts those as overdue whether marked or not, so the total moves with the day (in the
     * key) and with the audited changes that open, meet or waive obligations (the stamp).
     */
    private record TotalKey(ProjectScope.Filter scope, ObligationListFilter filter, LocalDate today) {
    }

    /**
     * Opens the obligation, or re-dates it while it is pending. A met or waived obligation stays as it is.
     *
     * @param rule the rule that creates it; {@code null} for the type's own article
     * @param responsibleOrganizationCode who must act (the construction unit, usually)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Obligation open(UUID projectId, ObligationType type, String subject, LocalDate dueDate, LocalDate windowStart,
            String rule, String responsibleOrganizationCode) {
        Objects.requireNonNull(dueDate, "dueDate");
        String citedRule = rule == null ? type.rule() : rule;
        Optional<Obligation> existing = find(projectId, type, subject);
        if (existing.isPresent()) {
            Obligation o = existing.get();
            if (!o.pending() || (o.dueDate().equals(dueDate) && Objects.equals(o.windowStart(), windowStart))) {
                return o;
            }
            jdbc.sql("""
                    UPDATE obligation SET due_date = :due, window_start = :window, status = 'OPEN', updated_at = :now,
                        reminded_on = NULL, version = version + 1
                    WHERE id = :id""")
                    .param("due", dueDate).param("window", windowStart).param("now", now()).param("id", o.id())
                    .update();
            audit.record("OBLIGATION_REDATED", "Obligation", o.id().toString(), projectId,
                    type + " " + subject + " due " + o.dueDate() + " -> " + dueDate);
            return find(projectId, type, subject).orElseThrow();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO obligation (id, project_id, type, subject, due_date, window_start, rule, status,
                    responsible_organization_code, created_at, updated_at)
                VALUES (:id, :project, :type, :subject, :due, :window, :rule, 'OPEN', :org, :now, :now)""")
                .param("id", id).param("project", projectId).param("type", type.name()).param("subject", subject)
                .param("due", dueDate).param("window", windowStart).param("rule", citedRule)
                .param("org", responsibleOrganizationCode).param("now", now())
                .update();
        audit.record("OBLIGATION_OPENED", "Obligation", id.toString(), projectId,
                type + " " + subject + " due " + dueDate + (windowStart == null ? "" : " from " + windowStart)
                        + " (" + citedRule + ", " + responsibleOrganizationCode + ")");
        return find(projectId, type, subject).orElseThrow();
    }

    /** Records that the pending obligation was fulfilled on {@code metOn} (late or not); empty if there is none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Obligation> meet(UUID projectId, ObligationType type, String subject, LocalDate metOn) {
        return close(projectId, type, subject, "MET", metOn, null, "OBLIGATION_MET");
    }

    /** Lifts the pending obligation with a reason (the fact that created it no longer holds); empty if none. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Obligation> waive(UUID projectId, ObligationType type, String subject, String reason) {
        return close(projectId, type, subject, "WAIVED", null, Objects.requireNonNull(reason, "reason"), "OBLIGATION_WAIVED");
    }

    /**
     * Lifts every pending obligation of the project with one reason: when the project ends without being completed
     * (terminated, Art. 31), nothing more falls due. They stay, {@code WAIVED}, with the reason (Art. 30).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Obligation> waiveAllPending(UUID projectId, String reason) {
        List<Obligation> pending = jdbc.sql("""
                SELECT * FROM obligation WHERE project_id = :project AND status IN ('OPEN', 'OVERDUE')
                ORDER BY due_date, type, subject""")
                .param("project", projectId).query((rs, n) -> row(rs)).list();
        return pending.stream().map(o -> waive(projectId, o.type(), o.subject(), reason).orElseThrow()).toList();
    }

    private Optional<Obligation> close(UUID projectId, ObligationType type, String subject, String status,
            LocalDate metOn, String note, String action) {
        Optional<Obligation> existing = find(projectId, type, subject).filter(Obligation::pending);
        existing.ifPresent(o -> {
            jdbc.sql("""
                    UPDATE obligation SET status = :status, met_on = :metOn, note = :note, updated_at = :now,
                        version = version + 1
                    WHERE id = :id""")
                    .param("status", status).param("metOn", metOn).param("note", note).param("now", now())
                    .param("id", o.id())
                    .update();
            audit.record(action, "Obligation", o.id().toString(), projectId,
                    type + " " + subject + (metOn == null ? "" : " on " + metOn) + (note == null ? "" : " — " + note));
        });
        return existing.flatMap(o -> find(projectId, type, subject));
    }

    /** The project's obligations by due date, if the caller may see the project ({@code 404} otherwise). */
    @Transactional(readOnly = true)
    public List<Obligation> forProject(UUID projectId) {
        projects.get(projectId);
        return jdbc.sql("SELECT * FROM obligation WHERE project_id = :project ORDER BY due_date, type, subject")
                .param("project", projectId)
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * The obligations of the projects the caller may see (a department those it leads or takes part in, the
     * provincial bodies all), by due date; {@code status} filters by the status read today ({@code OVERDUE}
     * includes open obligations past their due date that the daily scan has not marked yet).
     */
    @Transactional(readOnly = true)
    public PageOf<ObligationListing> page(ObligationStatus status, int page, int size) {
        return page(new ObligationListFilter(status, null, null, null, null), page, size);
    }

    /**
     * The list under all its filters: also the responsible organisation, the type, and the approval authority and
     * year of approval of the project. The caller's scope applies whatever it asks.
     */
    @Transactional(readOnly = true)
    public PageOf<ObligationListing> page(ObligationListFilter filter, int page, int size) {
        ProjectScope.Filter scope = ProjectScope.filterFor(users.current());
        if (scope.none()) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        // only the conditions that apply, so that the plan can use the pending obligations' index (issue 8)
        LocalDate today = today();
        ProjectConditions conditions = ProjectConditions.within(scope);
        if (filter.status() != null) {
            conditions.and(switch (filter.status()) {
                case OVERDUE -> " AND o.status IN ('OPEN', 'OVERDUE') AND (o.status = 'OVERDUE' OR o.due_date < :today)";
                case OPEN -> " AND o.status = 'OPEN' AND o.due_date >= :today";
                case MET, WAIVED -> " AND o.status = :status";
            }, "status", filter.status().name());
        }
        conditions.when(filter.department(), " AND o.responsible_organization_code = :department", "department")
                .when(filter.type() == null ? null : filter.type().name(), " AND o.type = :type", "type")
                .authority(filter.authority())
                .approvedIn(filter.approvedYear())
                .param("today", today);
        String where = conditions.where();
        Map<String, Object> params = conditions.params();
        List<ObligationListing> content = jdbc.sql("SELECT o.*, p.code AS project_code, p.name AS project_name "
                        + "FROM obligation o JOIN project p ON p.id = o.project_id " + where
                        + " ORDER BY o.due_date, p.code, o.type, o.subject LIMIT :size OFFSET :offset")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new ObligationListing(row(rs), rs.getString("project_code"), rs.getString("project_name")))
                .list();
        // counting the overdue obligations of the country reads a fifth of the table: kept while nothing changed
        long total = totals.get(new TotalKey(scope, filter, today), trail.head(),
                () -> jdbc.sql("SELECT count(*) FROM obligation o "
                        // every obligation has its project (a foreign key): a count that filters on no project
                        // column needs no join
                        + (conditions.onProject() ? "JOIN project p ON p.id = o.project_id " : "") + where)
                        .params(params).query(Long.class).single());
        return new PageOf<>(content, page, size, total);
    }

    /**
     * The obligation if the caller is the approval authority of its project: {@code 404} when it is unknown or
     * outside scope, {@code 403} for anyone else.
     */
    @Transactional(readOnly = true)
    public Obligation checkMayWaive(UUID id) {
        Obligation obligation = jdbc.sql("SELECT * FROM obligation WHERE id = :id").param("id", id)
                .query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new RecordNotFoundException("Obligation", id));
        Project project;
        try {
            project = projects.get(obligation.projectId());
        }
        catch (RecordNotFoundException e) {
            throw new RecordNotFoundException("Obligation", id);
        }
        projects.requireAuthority(project);
        return obligation;
    }

    /**
     * The project's approval authority lifts a pending obligation, with its reason: a rectification it no longer
     * requires, a deadline the facts no longer call for. The obligation stays, {@code WAIVED}, with the reason
     * (Art. 30: nothing is deleted). {@code 400} without a reason, {@code 422} when it is no longer pending.
     */
    @Transactional
    public Obligation waive(UUID id, String reason) {
        Obligation obligation = checkMayWaive(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "problem.field.required");
        }
        if (!obligation.pending()) {
            throw new RuleViolationException(Violation.of(obligation.rule(), "status", "obligation.waive.not-pending",
                    new MessageKey("enum.ObligationStatus." + obligation.status().name())));
        }
        return waive(obligation.projectId(), obligation.type(), obligation.subject(), reason.strip()).orElseThrow();
    }

    /** One obligation of a project, without a scope check: for the module that opened it. */
    @Transactional(readOnly = true)
    public Optional<Obligation> find(UUID projectId, ObligationType type, String subject) {
        return jdbc.sql("SELECT * FROM obligation WHERE project_id = :project AND type = :type AND subject = :subject")
                .param("project", projectId).param("type", type.name()).param("subject", subject)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Today in the provincial calendar, for the status of an obligation. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Projects.ZONE));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static Obligation row(ResultSet rs) throws SQLException {
        return new Obligation(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                ObligationType.valueOf(rs.getString("type")), rs.getString("subject"),
                rs.getObject("due_date", LocalDate.class), rs.getObject("window_start", LocalDate.class),
                rs.getString("rule"), ObligationStatus.valueOf(rs.getString("status")),
                rs.getString("responsible_organization_code"), rs.getObject("met_on", LocalDate.class),
                rs.getString("note"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }
}
