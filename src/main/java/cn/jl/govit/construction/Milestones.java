package cn.jl.govit.construction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The milestone baseline of a project and the milestones reached.
 * <p>
 * The rule: the construction unit plans baseline 0 itself while the project is approved and, once construction
 * has started, until it files its first progress report. That report freezes the baseline: from then on milestones
 * are only marked reached, and a new baseline comes only from an approved change through
 * {@link #rebaseline(UUID, List, String)}, which keeps every earlier version. A planned date lies within the
 * construction period: not before the start (before it, the approval) and not after the planned completion
 * (before the start, the approval date plus the approved period, the earliest the period can end).
 */
@Service
public class Milestones {

    private final JdbcClient jdbc;
    private final ConstructionGuard guard;
    private final AuditLog audit;

    Milestones(JdbcClient jdbc, ConstructionGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
    }

    /** The current baseline and its milestones ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public Baseline current(UUID projectId) {
        guard.readable(projectId);
        return baseline(projectId, currentVersion(projectId));
    }

    /** Every baseline version of the project, oldest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<Baseline> history(UUID projectId) {
        guard.readable(projectId);
        return jdbc.sql("SELECT version FROM construction_baseline WHERE project_id = :p ORDER BY version")
                .param("p", projectId).query(Integer.class).list().stream().map(v -> baseline(projectId, v)).toList();
    }

    /**
     * The construction unit adds a milestone to baseline 0: {@code 404}, {@code 403}, {@code 422} when frozen
     * (ART-23), suspended (ART-22), neither approved nor under construction or outside the period (ART-14).
     */
    @Transactional
    public Milestone plan(UUID projectId, PlannedMilestone request) {
        Project project = guard.unit(projectId);
        requireUnfrozen(project);
        RuleViolationException.throwIfAny(outsidePeriod(project, List.of(request)));
        String name = request.name().strip();
        if (baseline(projectId, 0).milestones().stream().anyMatch(m -> m.name().equals(name))) {
            throw new InvalidInputException("name", "construction.milestone.duplicate", name);
        }
        ensureBaseline(projectId, 0, null);
        UUID id = insert(projectId, 0, name, request.plannedOn(), null);
        audit.record("MILESTONE_PLANNED", "Milestone", id.toString(), projectId,
                project.code() + " " + name + " planned " + request.plannedOn());
        return find(id);
    }

    /**
     * The construction unit takes a milestone out of baseline 0 while it is not frozen. It is marked unplanned, not
     * deleted (Art. 30): the row stays with who took it out and when.
     */
    @Transactional
    public void unplan(UUID projectId, UUID milestoneId) {
        Project project = guard.unit(projectId);
        Milestone milestone = get(projectId, milestoneId);
        requireUnfrozen(project);
        jdbc.sql("UPDATE construction_milestone SET unplanned_at = :at, unplanned_by = :by WHERE id = :id")
                .param("at", guard.now()).param("by", guard.username()).param("id", milestoneId).update();
        audit.record("MILESTONE_UNPLANNED", "Milestone", milestoneId.toString(), projectId,
                project.code() + " " + milestone.name());
    }

    /**
     * The construction unit records the day a milestone of the current baseline was reached: not in the future
     * ({@code 400}), not before construction started ({@code 422} ART-14), once.
     */
    @Transactional
    public Milestone reach(UUID projectId, UUID milestoneId, LocalDate reachedOn) {
        Project project = guard.unit(projectId);
        Milestone milestone = get(projectId, milestoneId);
        guard.notFuture("reachedOn", reachedOn);
        if (milestone.baselineVersion() != currentVersion(projectId)) {
            throw new InvalidInputException("milestoneId", "construction.milestone.superseded");
        }
        if (milestone.reached()) {
            throw new InvalidInputException("reachedOn", "construction.milestone.already-reached",
                    milestone.reachedOn().toString());
        }
        ConstructionGuard.requireOpen(project);
        if (reachedOn.isBefore(project.constructionStartedOn())) {
            throw new RuleViolationException(Violation.of("ART-14", "reachedOn", "violation.ART-14.reached-before-start",
                    reachedOn.toString(), project.constructionStartedOn().toString()));
        }
        jdbc.sql("UPDATE construction_milestone SET reached_on = :d WHERE id = :id")
                .param("d", reachedOn).param("id", milestoneId).update();
        audit.record("MILESTONE_REACHED", "Milestone", milestoneId.toString(), projectId,
                project.code() + " " + milestone.name() + " reached " + reachedOn + " (planned " + milestone.plannedOn() + ")");
        return find(milestoneId);
    }

    /**
     * Sets a new baseline after an approved change (Art. 23), for the change module in its own transaction; the
     * caller has checked the approval. Earlier versions stay; a milestone of the same name keeps the day it was
     * reached. Planned dates lie within the construction period ({@code 422} ART-14).
     *
     * @return the new baseline
     */
    @Transactional
    public Baseline rebaseline(UUID projectId, List<PlannedMilestone> milestones, String basis) {
        Project project = guard.any(projectId);
        if (milestones == null || milestones.isEmpty() || basis == null || basis.isBlank()) {
            throw new InvalidInputException("milestones", "problem.field.required");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            if (!names.add(milestones.get(i).name().strip())) {
                throw new InvalidInputException("milestones[" + i + "].name", "construction.milestone.duplicate",
                        milestones.get(i).name().strip());
            }
        }
        RuleViolationException.throwIfAny(outsidePeriod(project, milestones));
        int previous = currentVersion(projectId);
        Map<String, LocalDate> reached = baseline(projectId, previous).milestones().stream()
                .filter(Milestone::reached).collect(Collectors.toMap(Milestone::name, Milestone::reachedOn));
        int version = previous + 1;
        ensureBaseline(projectId, version, basis.strip());
        for (PlannedMilestone m : milestones) {
            insert(projectId, version, m.name().strip(), m.plannedOn(), reached.get(m.name().strip()));
        }
        audit.record("MILESTONES_REBASELINED", "Project", projectId.toString(), projectId,
                project.code() + " baseline " + previous + " -> " + version + ", " + milestones.size() + " milestones — "
                        + basis.strip());
        return baseline(projectId, version);
    }

    /** Whether the baseline is frozen: a progress report was filed or it was set through change control. */
    boolean frozen(UUID projectId) {
        return currentVersion(projectId) > 0 || jdbc.sql("SELECT count(*) FROM construction_progress_report WHERE project_id = :p")
                .param("p", projectId).query(Long.class).single() > 0;
    }

    /** The milestones of the current baseline without a scope check, for the daily delay check. */
    List<Milestone> currentMilestones(UUID projectId) {
        return baseline(projectId, currentVersion(projectId)).milestones();
    }

    private void requireUnfrozen(Project project) {
        if (project.status() != ProjectStatus.APPROVED) {
            ConstructionGuard.requireOpen(project);
        }
        if (frozen(project.id())) {
            throw new RuleViolationException(Violation.of("ART-23", "milestones", "violation.ART-23.baseline-frozen"));
        }
    }

    private static List<Violation> outsidePeriod(Project project, List<PlannedMilestone> milestones) {
        LocalDate from = project.constructionStartedOn() != null ? project.constructionStartedOn() : project.approvedOn();
        LocalDate to = project.plannedCompletion() != null ? project.plannedCompletion()
                : project.approvedOn() == null ? null : project.approvedOn().plusMonths(project.approvedConstructionPeriodMonths());
        List<Violation> violations = new ArrayList<>();
        if (from == null || to == null) {
            violations.add(Violation.of("ART-14", "status", "violation.ART-14.not-under-construction",
                    new cn.jl.govit.rulebook.MessageKey("enum.ProjectStatus." + project.status().name())));
            return violations;
        }
        for (PlannedMilestone m : milestones) {
            if (m.plannedOn().isBefore(from) || m.plannedOn().isAfter(to)) {
                violations.add(Violation.of("ART-14", "plannedOn", "violation.ART-14.milestone-outside-period",
                        m.name().strip(), m.plannedOn().toString(), from.toString(), to.toString()));
            }
        }
        return violations;
    }

    private int currentVersion(UUID projectId) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM construction_baseline WHERE project_id = :p")
                .param("p", projectId).query(Integer.class).single();
    }

    private void ensureBaseline(UUID projectId, int version, String basis) {
        jdbc.sql("""
                INSERT INTO construction_baseline (project_id, version, basis, recorded_by, recorded_at)
                VALUES (:p, :v, :basis, :by, :at) ON CONFLICT DO NOTHING""")
                .param("p", projectId).param("v", version).param("basis", basis).param("by", guard.username())
                .param("at", guard.now()).update();
    }

    private UUID insert(UUID projectId, int version, String name, LocalDate plannedOn, LocalDate reachedOn) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO construction_milestone (id, project_id, baseline_version, name, planned_on, reached_on)
                VALUES (:id, :p, :v, :name, :planned, :reached)""")
                .param("id", id).param("p", projectId).param("v", version).param("name", name)
                .param("planned", plannedOn).param("reached", reachedOn).update();
        return id;
    }

    private Milestone get(UUID projectId, UUID milestoneId) {
        Milestone milestone = find(milestoneId);
        if (!milestone.projectId().equals(projectId)) {
            throw new RecordNotFoundException("Milestone", milestoneId);
        }
        return milestone;
    }

    private Milestone find(UUID id) {
        return jdbc.sql("SELECT * FROM construction_milestone WHERE id = :id AND unplanned_at IS NULL").param("id", id)
                .query((rs, n) -> map(rs)).optional().orElseThrow(() -> new RecordNotFoundException("Milestone", id));
    }

    private Baseline baseline(UUID projectId, int version) {
        List<Milestone> milestones = jdbc.sql("""
                SELECT * FROM construction_milestone WHERE project_id = :p AND baseline_version = :v
                    AND unplanned_at IS NULL
                ORDER BY planned_on, name""")
                .param("p", projectId).param("v", version).query((rs, n) -> map(rs)).list();
        record Row(String basis, Instant at) {
        }
        Row row = jdbc.sql("SELECT basis, recorded_at FROM construction_baseline WHERE project_id = :p AND version = :v")
                .param("p", projectId).param("v", version)
                .query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant())).optional().orElse(null);
        return new Baseline(projectId, version, row == null ? null : row.basis(), row == null ? null : row.at(),
                frozen(projectId), milestones);
    }

    private static Milestone map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Milestone(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getInt("baseline_version"), rs.getString("name"), rs.getObject("planned_on", LocalDate.class),
                rs.getObject("reached_on", LocalDate.class));
    }

    /**
     * A baseline version: 0 is the construction unit's own plan, later versions come from approved changes.
     *
     * @param frozen whether the project's baseline takes no more planning (see {@link Milestones})
     */
    public record Baseline(UUID projectId, int version, String basis, Instant recordedAt, boolean frozen,
            List<Milestone> milestones) {

        public Baseline {
            milestones = List.copyOf(milestones);
        }
    }
}
