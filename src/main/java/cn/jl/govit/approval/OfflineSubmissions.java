package cn.jl.govit.approval;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The carrier references of classified submissions filed offline (Art. 8), one per filing. */
@Component
public class OfflineSubmissions {

    private final JdbcClient jdbc;

    OfflineSubmissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void register(UUID submissionId, int revision, String reference, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO submission_offline_reference (submission_id, revision, reference, registered_by, registered_at)
                VALUES (:s, :r, :ref, :by, :at)""")
                .param("s", submissionId).param("r", revision).param("ref", reference).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    List<Reference> references(UUID submissionId) {
        return jdbc.sql("SELECT revision, reference, registered_by, registered_at FROM submission_offline_reference "
                        + "WHERE submission_id = :s ORDER BY revision")
                .param("s", submissionId)
                .query((rs, n) -> new Reference(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** One offline filing: which revision, the carrier reference, who registered it and when. */
    public record Reference(int revision, String reference, String registeredBy, Instant registeredAt) {
    }
}
