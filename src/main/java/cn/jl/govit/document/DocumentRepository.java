package cn.jl.govit.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DocumentRepository {

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredDocument d, String storageName, DocumentKind kind) {
        jdbc.sql("INSERT INTO document (id, project_id, code, title, filename, content_type, size, sm3, storage_name, "
                        + "offline_reference, uploaded_by, uploaded_at, kind) VALUES (:id, :p, :code, :title, :f, :ct, :size, "
                        + ":sm3, :sn, :off, :by, :at, :kind)")
                .param("kind", kind == null ? null : kind.name())
                .param("id", d.id()).param("p", d.projectId()).param("code", d.code()).param("title", d.title())
                .param("f", d.filename()).param("ct", d.contentType()).param("size", d.size()).param("sm3", d.sm3())
                .param("sn", storageName).param("off", d.offlineReference()).param("by", d.uploadedBy())
                .param("at", Timestamp.from(d.uploadedAt()))
                .update();
    }

    Optional<StoredDocument> find(UUID id) {
        return jdbc.sql("SELECT * FROM document WHERE id = :id").param("id", id).query(DocumentRepository::map).optional();
    }

    Optional<String> storageName(UUID id) {
        return jdbc.sql("SELECT storage_name FROM document WHERE id = :id AND storage_name IS NOT NULL").param("id", id)
                .query(String.class).optional();
    }

    List<StoredDocument> ofProject(UUID projectId) {
        return jdbc.sql("SELECT * FROM document WHERE project_id = :p ORDER BY uploaded_at DESC, id LIMIT 1000")
                .param("p", projectId).query(DocumentRepository::map).list();
    }

    /** A stored file as the fixity check needs it. */
    record StoredFile(UUID id, UUID projectId, String filename, String storageName, String sm3) {
    }

    /** The next stored files after {@code afterId} in id order (keyset paging, so the check streams the table). */
    List<StoredFile> storedFiles(UUID afterId, int limit) {
        return jdbc.sql("SELECT id, project_id, filename, storage_name, sm3 FROM document WHERE storage_name IS NOT NULL "
                        + "AND (CAST(:after AS uuid) IS NULL OR id > :after) ORDER BY id LIMIT :limit")
                .param("after", afterId).param("limit", limit)
                .query((rs, n) -> new StoredFile(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getString("filename"), rs.getString("storage_name"), rs.getString("sm3")))
                .list();
    }

    /** Whether a record points at this storage name. */
    boolean isRecorded(String storageName) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM document WHERE storage_name = :sn)").param("sn", storageName)
                .query(Boolean.class).single();
    }

    private static StoredDocument map(ResultSet rs, int n) throws SQLException {
        Long size = rs.getObject("size", Long.class);
        return new StoredDocument(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("code"), rs.getString("title"), rs.getString("filename"), rs.getString("content_type"),
                size, rs.getString("sm3"), rs.getString("offline_reference"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
