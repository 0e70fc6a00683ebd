package cn.jl.govit.acceptance;

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

/** Final acceptance applications with their materials, and delegations, in PostgreSQL. */
@Repository
class FinalAcceptanceRepository {

    private final JdbcClient jdbc;

    FinalAcceptanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FinalAcceptanceApplication a) {
        jdbc.sql("""
                INSERT INTO acceptance_final_application (id, project_id, number, software_developed, applied_on,
                    applied_by, applied_at, status)
                VALUES (:id, :p, :number, :software, :on, :by, :at, 'PENDING')""")
                .param("id", a.id()).param("p", a.projectId()).param("number", a.number())
                .param("software", a.softwareDeveloped()).param("on", a.appliedOn()).param("by", a.appliedBy())
                .param("at", Timestamp.from(a.appliedAt()))
                .update();
        int position = 0;
        for (FinalAcceptanceApplication.Material m : a.materials()) {
            jdbc.sql("""
                    INSERT INTO acceptance_final_material (application_id, code, document_id, sm3, position)
                    VALUES (:a, :code, :d, :sm3, :pos)""")
                    .param("a", a.id()).param("code", m.code()).param("d", m.documentId()).param("sm3", m.sm3())
                    .param("pos", position++)
                    .update();
        }
    }

    void decide(FinalAcceptanceApplication a, FinalAcceptanceStatus status, LocalDate decidedOn, String opinion,
            String by, Instant at, UUID reportDocumentId, boolean delegated) {
        int updated = jdbc.sql("""
                UPDATE acceptance_final_application SET status = :status, decided_on = :on, opinion = :opinion,
                    decided_by = :by, decided_at = :at, report_document_id = :report, delegated = :delegated,
                    version = version + 1
                WHERE id = :id AND version = :v AND status = 'PENDING'""")
                .param("status", status.name()).param("on", decidedOn).param("opinion", opinion).param("by", by)
                .param("at", Timestamp.from(at)).param("report", reportDocumentId).param("delegated", delegated)
                .param("id", a.id()).param("v", a.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("final acceptance application " + a.id() + " changed");
        }
    }

    int lastNumber(UUID projectId) {
        return jdbc.sql("SELECT coalesce(max(number), 0) FROM acceptance_final_application WHERE project_id = :p")
                .param("p", projectId).query(Integer.class).single();
    }

    Optional<FinalAcceptanceApplication> latest(UUID projectId) {
        return jdbc.sql("SELECT * FROM acceptance_final_application WHERE project_id = :p ORDER BY number DESC LIMIT 1")
                .param("p", projectId).query(FinalAcceptanceRepository::row).optional().map(this::withMaterials);
    }

    List<FinalAcceptanceApplication> applications(UUID projectId) {
        return jdbc.sql("SELECT * FROM acceptance_final_application WHERE project_id = :p ORDER BY number")
                .param("p", projectId).query(FinalAcceptanceRepository::row).list().stream().map(this::withMaterials)
                .toList();
    }

    List<FinalAcceptanceApplication> pending(List<UUID> projectIds, int page, int size) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM acceptance_final_application WHERE status = 'PENDING' AND project_id IN (:ids)
                 ORDER BY applied_on, applied_at, id LIMIT :size OFFSET :offset""")
                .param("ids", projectIds).param("size", size).param("offset", (long) page * size)
                .query(FinalAcceptanceRepository::row).list().stream().map(this::withMaterials).toList();
    }

    long countPending(List<UUID> projectIds) {
        if (projectIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM acceptance_final_application WHERE status = 'PENDING' AND project_id IN (:ids)")
                .param("ids", projectIds).query(Long.class).single();
    }

    List<UUID> projectsWithPendingApplications() {
        return jdbc.sql("SELECT project_id FROM acceptance_final_application WHERE status = 'PENDING'")
                .query(UUID.class).list();
    }

    void insertDelegation(FinalAcceptanceDelegation d) {
        jdbc.sql("""
                INSERT INTO acceptance_final_delegation (id, project_id, reason, delegated_on, delegated_by, delegated_at)
                VALUES (:id, :p, :reason, :on, :by, :at)""")
                .param("id", d.id()).param("p", d.projectId()).param("reason", d.reason()).param("on", d.delegatedOn())
                .param("by", d.delegatedBy()).param("at", Timestamp.from(d.delegatedAt()))
                .update();
    }

    Optional<FinalAcceptanceDelegation> delegation(UUID projectId) {
        return jdbc.sql("SELECT * FROM acceptance_final_delegation WHERE project_id = :p").param("p", projectId)
                .query((rs, n) -> new FinalAcceptanceDelegation(rs.getObject("id", UUID.class),
                        rs.getObject("project_id", UUID.class), rs.getString("reason"),
                        rs.getObject("delegated_on", LocalDate.class), rs.getString("delegated_by"),
                        rs.getTimestamp("delegated_at").toInstant()))
                .optional();
    }

    private FinalAcceptanceApplication withMaterials(FinalAcceptanceApplication a) {
        List<FinalAcceptanceApplication.Material> materials = jdbc.sql("""
                SELECT * FROM acceptance_final_material WHERE application_id = :a ORDER BY position""")
                .param("a", a.id())
                .query((rs, n) -> new FinalAcceptanceApplication.Material(rs.getString("code"),
                        rs.getObject("document_id", UUID.class), rs.getString("sm3")))
                .list();
        return new FinalAcceptanceApplication(a.id(), a.projectId(), a.number(), a.softwareDeveloped(), a.appliedOn(),
                a.appliedBy(), a.appliedAt(), materials, a.status(), a.decidedOn(), a.opinion(), a.decidedBy(),
                a.reportDocumentId(), a.delegated(), a.version());
    }

    private static FinalAcceptanceApplication row(ResultSet rs, int n) throws SQLException {
        return new FinalAcceptanceApplication(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getInt("number"), rs.getBoolean("software_developed"), rs.getObject("applied_on", LocalDate.class),
                rs.getString("applied_by"), rs.getTimestamp("applied_at").toInstant(), List.of(),
                FinalAcceptanceStatus.valueOf(rs.getString("status")), rs.getObject("decided_on", LocalDate.class),
                rs.getString("opinion"), rs.getString("decided_by"), rs.getObject("report_document_id", UUID.class),
                rs.getBoolean("delegated"), rs.getLong("version"));
    }
}
