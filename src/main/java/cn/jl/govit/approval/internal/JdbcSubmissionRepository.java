package cn.jl.govit.approval.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import cn.jl.govit.approval.Submission;
import cn.jl.govit.approval.SubmissionContent;
import cn.jl.govit.approval.SubmissionRepository;
import cn.jl.govit.approval.SubmissionStatus;
import cn.jl.govit.approval.SubmissionVersion;
import cn.jl.govit.project.Stage;

/** Submissions in PostgreSQL: one row each, the content as JSON; filed versions in an append-only table. */
@Repository
class JdbcSubmissionRepository implements SubmissionRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcSubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Submission s) {
        jdbc.sql("""
                INSERT INTO submission (id, project_id, stage, status, content, revision, return_reason, created_by,
                    created_at, submitted_at, version, change_request_id)
                VALUES (:id, :projectId, :stage, :status, CAST(:content AS jsonb), :revision, :returnReason, :createdBy,
                    :createdAt, :submittedAt, 0, :changeRequestId)""")
                .param("changeRequestId", s.changeRequestId())
                .param("id", s.id())
                .param("projectId", s.projectId())
                .param("stage", s.stage().name())
                .param("status", s.status().name())
                .param("content", json.writeValueAsString(s.content()))
                .param("revision", s.revision())
                .param("returnReason", s.returnReason())
                .param("createdBy", s.createdBy())
                .param("createdAt", Timestamp.from(s.createdAt()))
                .param("submittedAt", s.submittedAt() == null ? null : Timestamp.from(s.submittedAt()))
                .update();
    }

    @Override
    public Submission update(Submission s) {
        int rows = jdbc.sql("""
                UPDATE submission SET status = :status, content = CAST(:content AS jsonb), revision = :revision,
                    return_reason = :returnReason, submitted_at = :submittedAt, version = version + 1
                 WHERE id = :id AND version = :version""")
                .param("id", s.id())
                .param("status", s.status().name())
                .param("content", json.writeValueAsString(s.content()))
                .param("revision", s.revision())
                .param("returnReason", s.returnReason())
                .param("submittedAt", s.submittedAt() == null ? null : Timestamp.from(s.submittedAt()))
                .param("version", s.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("submission " + s.id() + " changed since version " + s.version());
        }
        return findById(s.id()).orElseThrow();
    }

    @Override
    public Optional<Submission> findById(UUID id) {
        return jdbc.sql("SELECT * FROM submission WHERE id = :id").param("id", id).query(this::map).optional();
    }

    @Override
    public Optional<Submission> find(UUID projectId, Stage stage) {
        return jdbc.sql("""
                SELECT * FROM submission WHERE project_id = :projectId AND stage = :stage
                   AND change_request_id IS NULL""")
                .param("projectId", projectId).param("stage", stage.name()).query(this::map).optional();
    }

    @Override
    public List<Submission> findByProject(UUID projectId) {
        return jdbc.sql("SELECT * FROM submission WHERE project_id = :projectId")
                .param("projectId", projectId).query(this::map).list().stream()
                .sorted(Comparator.comparing(Submission::stage)
                        .thenComparing(Submission::isReapproval).thenComparing(Submission::createdAt)).toList();
    }

    @Override
    public void insertVersion(SubmissionVersion v) {
        jdbc.sql("""
                INSERT INTO submission_version (submission_id, revision, submitted_at, submitted_by, content)
                VALUES (:id, :revision, :submittedAt, :submittedBy, CAST(:content AS jsonb))""")
                .param("id", v.submissionId())
                .param("revision", v.revision())
                .param("submittedAt", Timestamp.from(v.submittedAt()))
                .param("submittedBy", v.submittedBy())
                .param("content", json.writeValueAsString(v.content()))
                .update();
    }

    @Override
    public List<SubmissionVersion> versions(UUID submissionId) {
        return jdbc.sql("SELECT * FROM submission_version WHERE submission_id = :id ORDER BY revision")
                .param("id", submissionId)
                .query((rs, n) -> new SubmissionVersion(rs.getObject("submission_id", UUID.class), rs.getInt("revision"),
                        rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"),
                        json.readValue(rs.getString("content"), SubmissionContent.class)))
                .list();
    }

    private Submission map(ResultSet rs, int n) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new Submission(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                Stage.valueOf(rs.getString("stage")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), SubmissionStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("content"), SubmissionContent.class), rs.getInt("revision"),
                rs.getString("return_reason"), submitted == null ? null : submitted.toInstant(), rs.getLong("version"),
                rs.getObject("change_request_id", UUID.class));
    }
}
