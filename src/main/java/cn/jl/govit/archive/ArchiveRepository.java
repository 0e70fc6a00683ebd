package cn.jl.govit.archive;

import java.sql.Array;
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

/** Archive categories, entries and acceptance rounds in PostgreSQL. */
@Repository
class ArchiveRepository {

    private final JdbcClient jdbc;

    ArchiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ArchiveCategory> categories() {
        return jdbc.sql("SELECT * FROM archive_category ORDER BY position")
                .query((rs, n) -> new ArchiveCategory(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                        strings(rs.getArray("material_codes")), Retention.valueOf(rs.getString("suggested_retention")),
                        rs.getInt("position")))
                .list();
    }

    void insert(ArchiveEntry e) {
        jdbc.sql("""
                INSERT INTO archive_entry (id, project_id, category_code, document_id, title, retention, carrier,
                    registered_by, registered_at)
                VALUES (:id, :project, :category, :document, :title, :retention, :carrier, :by, :at)""")
                .param("id", e.id()).param("project", e.projectId()).param("category", e.categoryCode())
                .param("document", e.documentId()).param("title", e.title()).param("retention", e.retention().name())
                .param("carrier", e.carrier().name()).param("by", e.registeredBy())
                .param("at", Timestamp.from(e.registeredAt()))
                .update();
    }

    boolean isRegistered(UUID projectId, UUID documentId) {
        return jdbc.sql("SELECT count(*) FROM archive_entry WHERE project_id = :p AND document_id = :d")
                .param("p", projectId).param("d", documentId).query(Long.class).single() > 0;
    }

    List<ArchiveEntry> entries(UUID projectId, int page, int size) {
        return jdbc.sql("""
                SELECT e.* FROM archive_entry e JOIN archive_category c ON c.code = e.category_code
                 WHERE e.project_id = :p ORDER BY c.position, e.registered_at, e.id LIMIT :size OFFSET :offset""")
                .param("p", projectId).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new ArchiveEntry(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getString("category_code"), rs.getObject("document_id", UUID.class), rs.getString("title"),
                        Retention.valueOf(rs.getString("retention")), Carrier.valueOf(rs.getString("carrier")),
                        rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant()))
                .list();
    }

    List<UUID> documentIds(UUID projectId) {
        return jdbc.sql("SELECT document_id FROM archive_entry WHERE project_id = :p").param("p", projectId)
                .query(UUID.class).list();
    }

    long countEntries(UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM archive_entry WHERE project_id = :p").param("p", projectId)
                .query(Long.class).single();
    }

    void insertApplication(UUID id, UUID projectId, int round, LocalDate appliedOn, String by, Instant at, long entries) {
        jdbc.sql("""
                INSERT INTO archive_acceptance (id, project_id, round, applied_on, applied_by, applied_at, entry_count)
                VALUES (:id, :p, :round, :on, :by, :at, :entries)""")
                .param("id", id).param("p", projectId).param("round", round).param("on", appliedOn).param("by", by)
                .param("at", Timestamp.from(at)).param("entries", (int) entries)
                .update();
    }

    void recordResult(ArchiveAcceptance round, ArchiveResult result, LocalDate acceptedOn, String opinion, String by,
            Instant at) {
        int rows = jdbc.sql("""
                UPDATE archive_acceptance SET result = :result, accepted_on = :on, opinion = :opinion, accepted_by = :by,
                    recorded_at = :at, version = version + 1
                 WHERE id = :id AND version = :version AND result IS NULL""")
                .param("result", result.name()).param("on", acceptedOn).param("opinion", opinion).param("by", by)
                .param("at", Timestamp.from(at)).param("id", round.id()).param("version", round.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("archive acceptance " + round.id() + " changed meanwhile");
        }
    }

    List<ArchiveAcceptance> rounds(UUID projectId) {
        return jdbc.sql("SELECT * FROM archive_acceptance WHERE project_id = :p ORDER BY round")
                .param("p", projectId).query(this::round).list();
    }

    Optional<ArchiveAcceptance> latest(UUID projectId) {
        return jdbc.sql("SELECT * FROM archive_acceptance WHERE project_id = :p ORDER BY round DESC LIMIT 1")
                .param("p", projectId).query(this::round).optional();
    }

    boolean passed(UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM archive_acceptance WHERE project_id = :p AND result = 'PASSED'")
                .param("p", projectId).query(Long.class).single() > 0;
    }

    List<ArchiveAcceptance> pending(int page, int size) {
        return jdbc.sql("SELECT * FROM archive_acceptance WHERE result IS NULL ORDER BY applied_at, id LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size).query(this::round).list();
    }

    long countPending() {
        return jdbc.sql("SELECT count(*) FROM archive_acceptance WHERE result IS NULL").query(Long.class).single();
    }

    private ArchiveAcceptance round(ResultSet rs, int n) throws SQLException {
        String result = rs.getString("result");
        return new ArchiveAcceptance(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getInt("round"), rs.getObject("applied_on", LocalDate.class), rs.getString("applied_by"),
                rs.getTimestamp("applied_at").toInstant(), rs.getInt("entry_count"),
                result == null ? null : ArchiveResult.valueOf(result), rs.getObject("accepted_on", LocalDate.class),
                rs.getString("opinion"), rs.getString("accepted_by"), rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
