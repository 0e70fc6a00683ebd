package cn.jl.govit.operation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assessments, MLPS evaluations, O&M contracts and the O&M log in PostgreSQL; rows are only ever added. */
@Repository
class OperationRepository {

    private final JdbcClient jdbc;

    OperationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the recordings of one kind of record on one project until the transaction ends. */
    void lock(UUID projectId, String what) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "operation-" + what + ":" + projectId)
                .query((rs, n) -> 1).list();
    }

    void insert(Assessment a) {
        jdbc.sql("""
                INSERT INTO operation_assessment (id, project_id, kind, sequence, assessed_on, assessor, result, findings,
                    document_id, next_due_on, recorded_by, recorded_at)
                VALUES (:id, :p, :kind, :seq, :on, :assessor, :result, :findings, :doc, :next, :by, :at)""")
                .param("id", a.id()).param("p", a.projectId()).param("kind", a.kind().name()).param("seq", a.sequence())
                .param("on", a.assessedOn()).param("assessor", a.assessor()).param("result", a.result().name())
                .param("findings", a.findings()).param("doc", a.documentId()).param("next", a.nextDueOn())
                .param("by", a.recordedBy()).param("at", Timestamp.from(a.recordedAt()))
                .update();
    }

    List<Assessment> assessments(UUID projectId, AssessmentKind kind) {
        return jdbc.sql("""
                SELECT * FROM operation_assessment WHERE project_id = :p AND (:kind = '' OR kind = :kind)
                 ORDER BY assessed_on DESC, sequence DESC, kind""")
                .param("p", projectId).param("kind", kind == null ? "" : kind.name())
                .query(OperationRepository::assessment).list();
    }

    Optional<Assessment> latest(UUID projectId, AssessmentKind kind) {
        return jdbc.sql("SELECT * FROM operation_assessment WHERE project_id = :p AND kind = :kind ORDER BY sequence DESC LIMIT 1")
                .param("p", projectId).param("kind", kind.name()).query(OperationRepository::assessment).optional();
    }

    void insert(MlpsRecord r) {
        jdbc.sql("""
                INSERT INTO operation_mlps_record (id, project_id, level, filing_number, evaluated_on, evaluator, score,
                    conclusion, document_id, recorded_by, recorded_at)
                VALUES (:id, :p, :level, :filing, :on, :evaluator, :score, :conclusion, :doc, :by, :at)""")
                .param("id", r.id()).param("p", r.projectId()).param("level", r.level()).param("filing", r.filingNumber())
                .param("on", r.evaluatedOn()).param("evaluator", r.evaluator()).param("score", r.score())
                .param("conclusion", r.conclusion().name()).param("doc", r.documentId()).param("by", r.recordedBy())
                .param("at", Timestamp.from(r.recordedAt()))
                .update();
    }

    /** The MLPS evaluations, newest first; {@code nextDueOn} is left for the service to derive. */
    List<MlpsRecord> mlpsRecords(UUID projectId) {
        return jdbc.sql("SELECT * FROM operation_mlps_record WHERE project_id = :p ORDER BY evaluated_on DESC, recorded_at DESC")
                .param("p", projectId)
                .query((rs, n) -> new MlpsRecord(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getInt("level"), rs.getString("filing_number"), rs.getObject("evaluated_on", LocalDate.class),
                        rs.getString("evaluator"), rs.getBigDecimal("score"),
                        MlpsConclusion.valueOf(rs.getString("conclusion")), rs.getObject("document_id", UUID.class), null,
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    void insert(MaintenanceContract c) {
        jdbc.sql("""
                INSERT INTO operation_contract (id, project_id, contractor, contract_number, amount, starts_on, ends_on,
                    service_level, document_id, recorded_by, recorded_at)
                VALUES (:id, :p, :contractor, :number, :amount, :starts, :ends, :level, :doc, :by, :at)""")
                .param("id", c.id()).param("p", c.projectId()).param("contractor", c.contractor())
                .param("number", c.contractNumber()).param("amount", c.amount()).param("starts", c.startsOn())
                .param("ends", c.endsOn()).param("level", c.serviceLevel()).param("doc", c.documentId())
                .param("by", c.recordedBy()).param("at", Timestamp.from(c.recordedAt()))
                .update();
    }

    boolean contractNumberTaken(UUID projectId, String number) {
        return jdbc.sql("SELECT count(*) FROM operation_contract WHERE project_id = :p AND contract_number = :n")
                .param("p", projectId).param("n", number).query(Long.class).single() > 0;
    }

    boolean contractBelongs(UUID contractId, UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM operation_contract WHERE id = :id AND project_id = :p")
                .param("id", contractId).param("p", projectId).query(Long.class).single() > 0;
    }

    /** The O&M contracts, latest ending first. */
    List<MaintenanceContract> contracts(UUID projectId) {
        return jdbc.sql("SELECT * FROM operation_contract WHERE project_id = :p ORDER BY ends_on DESC, recorded_at DESC")
                .param("p", projectId)
                .query((rs, n) -> new MaintenanceContract(rs.getObject("id", UUID.class),
                        rs.getObject("project_id", UUID.class), rs.getString("contractor"), rs.getString("contract_number"),
                        rs.getBigDecimal("amount"), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class), rs.getString("service_level"),
                        rs.getObject("document_id", UUID.class), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    void insert(MaintenanceRecord r) {
        jdbc.sql("""
                INSERT INTO operation_record (id, project_id, occurred_on, kind, description, contract_id, document_id,
                    recorded_by, recorded_at)
                VALUES (:id, :p, :on, :kind, :description, :contract, :doc, :by, :at)""")
                .param("id", r.id()).param("p", r.projectId()).param("on", r.occurredOn()).param("kind", r.kind().name())
                .param("description", r.description()).param("contract", r.contractId()).param("doc", r.documentId())
                .param("by", r.recordedBy()).param("at", Timestamp.from(r.recordedAt()))
                .update();
    }

    /** A page of the O&M log, newest first, of one kind or all ({@code null}). */
    List<MaintenanceRecord> records(UUID projectId, MaintenanceRecordKind kind, int page, int size) {
        return jdbc.sql("""
                SELECT * FROM operation_record WHERE project_id = :p AND (:kind = '' OR kind = :kind)
                 ORDER BY occurred_on DESC, recorded_at DESC, id LIMIT :size OFFSET :offset""")
                .param("p", projectId).param("kind", kind == null ? "" : kind.name()).param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new MaintenanceRecord(rs.getObject("id", UUID.class),
                        rs.getObject("project_id", UUID.class), rs.getObject("occurred_on", LocalDate.class),
                        MaintenanceRecordKind.valueOf(rs.getString("kind")), rs.getString("description"),
                        rs.getObject("contract_id", UUID.class), rs.getObject("document_id", UUID.class),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    long countRecords(UUID projectId, MaintenanceRecordKind kind) {
        return jdbc.sql("SELECT count(*) FROM operation_record WHERE project_id = :p AND (:kind = '' OR kind = :kind)")
                .param("p", projectId).param("kind", kind == null ? "" : kind.name()).query(Long.class).single();
    }

    private static Assessment assessment(ResultSet rs, int n) throws SQLException {
        return new Assessment(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                AssessmentKind.valueOf(rs.getString("kind")), rs.getInt("sequence"),
                rs.getObject("assessed_on", LocalDate.class), rs.getString("assessor"),
                AssessmentResult.valueOf(rs.getString("result")), rs.getString("findings"),
                rs.getObject("document_id", UUID.class), rs.getObject("next_due_on", LocalDate.class),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
