package cn.jl.govit.acceptance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Initial acceptance attempts, trial runs, extensions and rectifications in PostgreSQL. */
@Repository
class InitialPhaseRepository {

    private final JdbcClient jdbc;

    InitialPhaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- initial acceptance attempts

    void insertAttempt(InitialAcceptance a) {
        jdbc.sql("""
                INSERT INTO acceptance_initial_attempt (id, project_id, attempt, accepted_on, result, report_document_id,
                    opinion, recorded_by, recorded_at)
                VALUES (:id, :p, :attempt, :on, :result, :report, :opinion, :by, :at)""")
                .param("id", a.id()).param("p", a.projectId()).param("attempt", a.attempt())
                .param("on", a.acceptedOn()).param("result", a.result().name()).param("report", a.reportDocumentId())
                .param("opinion", a.opinion()).param("by", a.recordedBy()).param("at", Timestamp.from(a.recordedAt()))
                .update();
        int position = 0;
        for (InitialAcceptance.SpecialAcceptanceReport s : a.specialAcceptances()) {
            jdbc.sql("""
                    INSERT INTO acceptance_initial_special (attempt_id, code, document_id, position)
                    VALUES (:a, :code, :doc, :pos)""")
                    .param("a", a.id()).param("code", s.code()).param("doc", s.documentId()).param("pos", position++)
                    .update();
        }
    }

    List<InitialAcceptance> attempts(UUID projectId) {
        List<InitialAcceptance> bare = jdbc.sql("SELECT * FROM acceptance_initial_attempt WHERE project_id = :p ORDER BY attempt")
                .param("p", projectId).query(InitialPhaseRepository::attempt).list();
        if (bare.isEmpty()) {
            return bare;
        }
        Map<UUID, List<InitialAcceptance.SpecialAcceptanceReport>> specials = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.* FROM acceptance_initial_special s JOIN acceptance_initial_attempt a ON a.id = s.attempt_id
                 WHERE a.project_id = :p ORDER BY s.attempt_id, s.position""")
                .param("p", projectId)
                .query((rs, n) -> {
                    specials.computeIfAbsent(rs.getObject("attempt_id", UUID.class), k -> new ArrayList<>())
                            .add(new InitialAcceptance.SpecialAcceptanceReport(rs.getString("code"),
                                    rs.getObject("document_id", UUID.class)));
                    return null;
                }).list();
        return bare.stream().map(a -> new InitialAcceptance(a.id(), a.projectId(), a.attempt(), a.acceptedOn(), a.result(),
                a.reportDocumentId(), a.opinion(), a.recordedBy(), a.recordedAt(), specials.get(a.id()))).toList();
    }

    int lastAttempt(UUID projectId) {
        return jdbc.sql("SELECT coalesce(max(attempt), 0) FROM acceptance_initial_attempt WHERE project_id = :p")
                .param("p", projectId).query(Integer.class).single();
    }

    private static InitialAcceptance attempt(ResultSet rs, int n) throws SQLException {
        return new InitialAcceptance(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getInt("attempt"), rs.getObject("accepted_on", LocalDate.class),
                InitialAcceptanceResult.valueOf(rs.getString("result")), rs.getObject("report_document_id", UUID.class),
                rs.getString("opinion"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), List.of());
    }

    // --- trial run

    void insertTrialRun(TrialRun t) {
        jdbc.sql("""
                INSERT INTO acceptance_trial_run (project_id, version, started_on, stable_since, recorded_by, recorded_at)
                VALUES (:p, :v, :started, :stable, :by, :at)""")
                .param("p", t.projectId()).param("v", t.version()).param("started", t.startedOn())
                .param("stable", t.stableSince()).param("by", t.recordedBy()).param("at", Timestamp.from(t.recordedAt()))
                .update();
    }

    Optional<TrialRun> trialRun(UUID projectId) {
        return jdbc.sql("SELECT * FROM acceptance_trial_run WHERE project_id = :p ORDER BY version DESC LIMIT 1")
                .param("p", projectId).query(InitialPhaseRepository::trialRun).optional();
    }

    List<TrialRun> trialRunHistory(UUID projectId) {
        return jdbc.sql("SELECT * FROM acceptance_trial_run WHERE project_id = :p ORDER BY version")
                .param("p", projectId).query(InitialPhaseRepository::trialRun).list();
    }

    private static TrialRun trialRun(ResultSet rs, int n) throws SQLException {
        return new TrialRun(rs.getObject("project_id", UUID.class), rs.getObject("started_on", LocalDate.class),
                rs.getObject("stable_since", LocalDate.class), rs.getInt("version"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    // --- extensions

    void insertExtension(AcceptanceExtension e) {
        jdbc.sql("""
                INSERT INTO acceptance_extension (id, project_id, kind, reasons, previous_date, new_date, status,
                    applied_by, applied_on, applied_at)
                VALUES (:id, :p, :kind, :reasons, :previous, :new, 'PENDING', :by, :on, :at)""")
                .param("id", e.id()).param("p", e.projectId()).param("kind", e.kind().name()).param("reasons", e.reasons())
                .param("previous", e.previousDate()).param("new", e.newDate()).param("by", e.appliedBy())
                .param("on", e.appliedOn()).param("at", Timestamp.from(e.appliedAt()))
                .update();
    }

    void decideExtension(AcceptanceExtension e, AcceptanceExtensionStatus status, String opinion, String by,
            LocalDate on, Instant at) {
        int rows = jdbc.sql("""
                UPDATE acceptance_extension SET status = :status, opinion = :opinion, decided_by = :by, decided_on = :on,
                    decided_at = :at, version = version + 1
                 WHERE id = :id AND version = :version AND status = 'PENDING'""")
                .param("status", status.name()).param("opinion", opinion).param("by", by).param("on", on)
                .param("at", Timestamp.from(at)).param("id", e.id()).param("version", e.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("extension " + e.id() + " changed meanwhile");
        }
    }

    Optional<AcceptanceExtension> extension(UUID id) {
        return jdbc.sql("SELECT * FROM acceptance_extension WHERE id = :id").param("id", id)
                .query(InitialPhaseRepository::extension).optional();
    }

    List<AcceptanceExtension> extensions(UUID projectId) {
        return jdbc.sql("SELECT * FROM acceptance_extension WHERE project_id = :p ORDER BY applied_at, id")
                .param("p", projectId).query(InitialPhaseRepository::extension).list();
    }

    Optional<AcceptanceExtension> latestApproved(UUID projectId, AcceptanceKind kind) {
        return jdbc.sql("""
                SELECT * FROM acceptance_extension WHERE project_id = :p AND kind = :kind AND status = 'APPROVED'
                 ORDER BY decided_at DESC, id LIMIT 1""")
                .param("p", projectId).param("kind", kind.name()).query(InitialPhaseRepository::extension).optional();
    }

    Optional<AcceptanceExtension> pendingExtension(UUID projectId, AcceptanceKind kind) {
        return jdbc.sql("SELECT * FROM acceptance_extension WHERE project_id = :p AND kind = :kind AND status = 'PENDING'")
                .param("p", projectId).param("kind", kind.name()).query(InitialPhaseRepository::extension).optional();
    }

    /** Pending extensions of the projects whose approval authority is {@code authorityCode}, oldest first. */
    List<AcceptanceExtension> pendingExtensions(List<UUID> projectIds, int page, int size) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM acceptance_extension WHERE status = 'PENDING' AND project_id IN (:ids)
                 ORDER BY applied_at, id LIMIT :size OFFSET :offset""")
                .param("ids", projectIds).param("size", size).param("offset", (long) page * size)
                .query(InitialPhaseRepository::extension).list();
    }

    List<UUID> projectsWithPendingExtensions() {
        return jdbc.sql("SELECT DISTINCT project_id FROM acceptance_extension WHERE status = 'PENDING'")
                .query(UUID.class).list();
    }

    private static AcceptanceExtension extension(ResultSet rs, int n) throws SQLException {
        return new AcceptanceExtension(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                AcceptanceKind.valueOf(rs.getString("kind")), rs.getString("reasons"),
                rs.getObject("previous_date", LocalDate.class), rs.getObject("new_date", LocalDate.class),
                AcceptanceExtensionStatus.valueOf(rs.getString("status")), rs.getString("applied_by"),
                rs.getObject("applied_on", LocalDate.class), rs.getTimestamp("applied_at").toInstant(),
                rs.getString("opinion"), rs.getString("decided_by"), rs.getObject("decided_on", LocalDate.class),
                rs.getLong("version"));
    }

    // --- rectifications

    void insertRectification(AcceptanceRectification r, Instant at) {
        jdbc.sql("""
                INSERT INTO acceptance_rectification (id, project_id, kind, number, failed_on, opinion, due_date, status,
                    created_at)
                VALUES (:id, :p, :kind, :number, :failed, :opinion, :due, 'OPEN', :at)""")
                .param("id", r.id()).param("p", r.projectId()).param("kind", r.kind().name()).param("number", r.number())
                .param("failed", r.failedOn()).param("opinion", r.opinion()).param("due", r.dueDate())
                .param("at", Timestamp.from(at))
                .update();
    }

    void completeRectification(AcceptanceRectification r, LocalDate completedOn, UUID documentId, String summary,
            String by, Instant at) {
        int rows = jdbc.sql("""
                UPDATE acceptance_rectification SET status = 'COMPLETED', completed_on = :on, document_id = :doc,
                    summary = :summary, completed_by = :by, completed_at = :at, version = version + 1
                 WHERE id = :id AND version = :version AND status = 'OPEN'""")
                .param("on", completedOn).param("doc", documentId).param("summary", summary).param("by", by)
                .param("at", Timestamp.from(at)).param("id", r.id()).param("version", r.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("rectification " + r.id() + " changed meanwhile");
        }
    }

    int lastRectificationNumber(UUID projectId, AcceptanceKind kind) {
        return jdbc.sql("SELECT coalesce(max(number), 0) FROM acceptance_rectification WHERE project_id = :p AND kind = :k")
                .param("p", projectId).param("k", kind.name()).query(Integer.class).single();
    }

    Optional<AcceptanceRectification> rectification(UUID id) {
        return jdbc.sql("SELECT * FROM acceptance_rectification WHERE id = :id").param("id", id)
                .query(InitialPhaseRepository::rectification).optional();
    }

    List<AcceptanceRectification> rectifications(UUID projectId) {
        return jdbc.sql("SELECT * FROM acceptance_rectification WHERE project_id = :p ORDER BY created_at, kind, number")
                .param("p", projectId).query(InitialPhaseRepository::rectification).list();
    }

    Optional<AcceptanceRectification> latestRectification(UUID projectId, AcceptanceKind kind) {
        return jdbc.sql("""
                SELECT * FROM acceptance_rectification WHERE project_id = :p AND kind = :k ORDER BY number DESC LIMIT 1""")
                .param("p", projectId).param("k", kind.name()).query(InitialPhaseRepository::rectification).optional();
    }

    private static AcceptanceRectification rectification(ResultSet rs, int n) throws SQLException {
        return new AcceptanceRectification(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                AcceptanceKind.valueOf(rs.getString("kind")), rs.getInt("number"),
                rs.getObject("failed_on", LocalDate.class), rs.getString("opinion"),
                rs.getObject("due_date", LocalDate.class), AcceptanceRectificationStatus.valueOf(rs.getString("status")),
                rs.getObject("completed_on", LocalDate.class), rs.getObject("document_id", UUID.class),
                rs.getString("summary"), rs.getString("completed_by"), rs.getLong("version"));
    }
}
