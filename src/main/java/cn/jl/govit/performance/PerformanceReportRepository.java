package cn.jl.govit.performance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports in PostgreSQL: one row per project and year with its content as JSON; each submitted revision and each
 * decision on it in append-only tables.
 */
@Repository
class PerformanceReportRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    PerformanceReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PerformanceReport r) {
        jdbc.sql("""
                INSERT INTO performance_report (id, project_id, year, status, content, revision, due_date, created_by,
                    created_at, version)
                VALUES (:id, :project, :year, :status, CAST(:content AS jsonb), 0, :due, :by, :at, 0)""")
                .param("id", r.id()).param("project", r.projectId()).param("year", r.year())
                .param("status", r.status().name()).param("content", json.writeValueAsString(r.content()))
                .param("due", r.dueDate()).param("by", r.createdBy()).param("at", Timestamp.from(r.createdAt()))
                .update();
    }

    PerformanceReport update(PerformanceReport r) {
        int rows = jdbc.sql("""
                UPDATE performance_report SET status = :status, content = CAST(:content AS jsonb), revision = :revision,
                    due_date = :due, first_submitted_on = :first, last_submitted_on = :last,
                    decision_opinion = :opinion, decided_on = :decidedOn, version = version + 1
                 WHERE id = :id AND version = :version""")
                .param("status", r.status().name()).param("content", json.writeValueAsString(r.content()))
                .param("revision", r.revision()).param("due", r.dueDate()).param("first", r.firstSubmittedOn())
                .param("last", r.lastSubmittedOn()).param("opinion", r.decisionOpinion())
                .param("decidedOn", r.decidedOn()).param("id", r.id()).param("version", r.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("performance report " + r.id() + " changed meanwhile");
        }
        return findById(r.id()).orElseThrow();
    }

    Optional<PerformanceReport> findById(UUID id) {
        return jdbc.sql("SELECT * FROM performance_report WHERE id = :id").param("id", id).query(this::row).optional();
    }

    Optional<PerformanceReport> find(UUID projectId, int year) {
        return jdbc.sql("SELECT * FROM performance_report WHERE project_id = :project AND year = :year")
                .param("project", projectId).param("year", year).query(this::row).optional();
    }

    List<PerformanceReport> ofProject(UUID projectId) {
        return jdbc.sql("SELECT * FROM performance_report WHERE project_id = :project ORDER BY year")
                .param("project", projectId).query(this::row).list();
    }

    void insertVersion(UUID reportId, int revision, LocalDate submittedOn, String by, Instant at, boolean late,
            PerformanceReportContent content) {
        jdbc.sql("""
                INSERT INTO performance_report_version (report_id, revision, submitted_on, submitted_by, submitted_at,
                    late, content)
                VALUES (:id, :revision, :on, :by, :at, :late, CAST(:content AS jsonb))""")
                .param("id", reportId).param("revision", revision).param("on", submittedOn).param("by", by)
                .param("at", Timestamp.from(at)).param("late", late).param("content", json.writeValueAsString(content))
                .update();
    }

    void insertDecision(UUID reportId, int revision, PerformanceReportOutcome outcome, String opinion, String by,
            LocalDate on, Instant at) {
        jdbc.sql("""
                INSERT INTO performance_report_decision (report_id, revision, outcome, opinion, decided_by, decided_on,
                    decided_at)
                VALUES (:id, :revision, :outcome, :opinion, :by, :on, :at)""")
                .param("id", reportId).param("revision", revision).param("outcome", outcome.name())
                .param("opinion", opinion).param("by", by).param("on", on).param("at", Timestamp.from(at))
                .update();
    }

    List<PerformanceReportVersion> versions(UUID reportId) {
        return jdbc.sql("""
                SELECT v.*, d.outcome, d.opinion, d.decided_by, d.decided_on
                  FROM performance_report_version v
                  LEFT JOIN performance_report_decision d ON d.report_id = v.report_id AND d.revision = v.revision
                 WHERE v.report_id = :id ORDER BY v.revision""")
                .param("id", reportId)
                .query((rs, n) -> new PerformanceReportVersion(rs.getObject("report_id", UUID.class),
                        rs.getInt("revision"), rs.getObject("submitted_on", LocalDate.class),
                        rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
                        rs.getBoolean("late"), content(rs),
                        rs.getString("outcome") == null ? null : PerformanceReportOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("opinion"), rs.getString("decided_by"), rs.getObject("decided_on", LocalDate.class)))
                .list();
    }

    private PerformanceReport row(ResultSet rs, int n) throws SQLException {
        return new PerformanceReport(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getInt("year"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                PerformanceReportStatus.valueOf(rs.getString("status")), content(rs), rs.getInt("revision"),
                rs.getObject("due_date", LocalDate.class), rs.getObject("first_submitted_on", LocalDate.class),
                rs.getObject("last_submitted_on", LocalDate.class), rs.getString("decision_opinion"),
                rs.getObject("decided_on", LocalDate.class), rs.getLong("version"));
    }

    private PerformanceReportContent content(ResultSet rs) throws SQLException {
        return json.readValue(rs.getString("content"), PerformanceReportContent.class);
    }
}
