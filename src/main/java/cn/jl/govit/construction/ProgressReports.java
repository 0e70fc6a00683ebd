package cn.jl.govit.construction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The construction unit's periodic progress reports, one per period of {@code progressReportPeriodMonths}: each
 * report covers at most one period, from the start of construction on, without overlapping the previous one.
 * The first report freezes the milestone baseline ({@link Milestones}); a long silence is flagged by
 * {@link DelayPolicy}.
 */
@Service
public class ProgressReports {

    private final JdbcClient jdbc;
    private final ConstructionGuard guard;
    private final PolicyParameters policy;
    private final AuditLog audit;

    ProgressReports(JdbcClient jdbc, ConstructionGuard guard, PolicyParameters policy, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.policy = policy;
        this.audit = audit;
    }

    /** Files a report: {@code 404}, {@code 403} but the unit, {@code 400}, {@code 422} ART-22/14. */
    @Transactional
    public ProgressReport file(UUID projectId, ConstructionRequests.NewProgressReport request) {
        Project project = guard.unit(projectId);
        guard.notFuture("periodEnd", request.periodEnd());
        if (request.periodEnd().isBefore(request.periodStart())) {
            throw new InvalidInputException("periodEnd", "construction.progress.end-before-start",
                    request.periodEnd().toString(), request.periodStart().toString());
        }
        if (request.periodEnd().isAfter(request.periodStart().plusMonths(policy.progressReportPeriodMonths()))) {
            throw new InvalidInputException("periodEnd", "construction.progress.period-too-long",
                    policy.progressReportPeriodMonths());
        }
        Optional<ProgressReport> last = latest(projectId);
        if (last.isPresent() && !request.periodStart().isAfter(last.get().periodEnd())) {
            throw new InvalidInputException("periodStart", "construction.progress.overlap",
                    last.get().periodEnd().toString());
        }
        ConstructionGuard.requireOpen(project);
        if (request.periodStart().isBefore(project.constructionStartedOn())) {
            throw new RuleViolationException(Violation.of("ART-14", "periodStart", "violation.ART-14.report-before-start",
                    request.periodStart().toString(), project.constructionStartedOn().toString()));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO construction_progress_report (id, project_id, period_start, period_end, percent_complete,
                    work_done, problems, next_steps, reported_on, reported_by, reported_at)
                VALUES (:id, :p, :start, :end, :percent, :work, :problems, :next, :on, :by, :at)""")
                .param("id", id).param("p", projectId).param("start", request.periodStart())
                .param("end", request.periodEnd()).param("percent", request.percentComplete())
                .param("work", request.workDone().strip()).param("problems", strip(request.problems()))
                .param("next", strip(request.nextSteps())).param("on", guard.today()).param("by", guard.username())
                .param("at", guard.now()).update();
        audit.record("PROGRESS_REPORTED", "ProgressReport", id.toString(), projectId, project.code() + " "
                + request.periodStart() + ".." + request.periodEnd() + " " + request.percentComplete() + "%");
        return latest(projectId).orElseThrow();
    }

    /** The period the next report covers: from the day after the last one (or the start) for one period. */
    @Transactional(readOnly = true)
    public Optional<Period> nextPeriod(UUID projectId) {
        Project project = guard.readable(projectId);
        if (project.constructionStartedOn() == null) {
            return Optional.empty();
        }
        LocalDate start = latest(projectId).map(r -> r.periodEnd().plusDays(1)).orElse(project.constructionStartedOn());
        return Optional.of(new Period(start, start.plusMonths(policy.progressReportPeriodMonths()).minusDays(1)));
    }

    /** The project's reports, latest period first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public PageOf<ProgressReport> page(UUID projectId, int page, int size) {
        guard.readable(projectId);
        Paging paging = Paging.of(page, size);
        long total = jdbc.sql("SELECT count(*) FROM construction_progress_report WHERE project_id = :p")
                .param("p", projectId).query(Long.class).single();
        List<ProgressReport> content = jdbc.sql("""
                SELECT * FROM construction_progress_report WHERE project_id = :p
                ORDER BY period_end DESC LIMIT :limit OFFSET :offset""")
                .param("p", projectId).param("limit", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query(ProgressReports::map).list();
        return new PageOf<>(content, paging.page(), paging.size(), total);
    }

    /** The latest report without a scope check, for the delay check and the baseline freeze. */
    Optional<ProgressReport> latest(UUID projectId) {
        return jdbc.sql("SELECT * FROM construction_progress_report WHERE project_id = :p ORDER BY period_end DESC LIMIT 1")
                .param("p", projectId).query(ProgressReports::map).optional();
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ProgressReport map(ResultSet rs, int n) throws SQLException {
        return new ProgressReport(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getInt("percent_complete"), rs.getString("work_done"), rs.getString("problems"),
                rs.getString("next_steps"), rs.getObject("reported_on", LocalDate.class), rs.getString("reported_by"),
                rs.getTimestamp("reported_at").toInstant());
    }

    /** A reporting period, both days included. */
    public record Period(LocalDate start, LocalDate end) {
    }
}
