package cn.jl.govit.expert;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.jl.govit.rulebook.FieldCipher;

/** The pool, the panels and the reviews in PostgreSQL. */
@Repository
class ExpertRepository {

    /** The organisation is the account's as it is now, so that a draw's conflict check sees where the expert works today. */
    private static final String EXPERT_SELECT = "SELECT e.username, e.fields, e.active, e.version, u.display_name, "
            + "u.organization_code FROM expert e JOIN app_user u ON u.username = e.username ";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    ExpertRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    List<Expert> experts() {
        return jdbc.sql(EXPERT_SELECT + "ORDER BY e.username").query(ExpertRepository::expert).list();
    }

    Optional<Expert> expert(String username) {
        return jdbc.sql(EXPERT_SELECT + "WHERE e.username = :u").param("u", username).query(ExpertRepository::expert).optional();
    }

    void insert(Expert expert, Instant at) {
        jdbc.sql("INSERT INTO expert (username, organization_code, fields, active, enrolled_at, version) "
                        + "VALUES (:u, :o, :f, :a, :at, 0)")
                .param("u", expert.username()).param("o", expert.organizationCode()).param("f", names(expert.fields()))
                .param("a", expert.active()).param("at", Timestamp.from(at)).update();
    }

    void update(Expert expert, long expectedVersion) {
        int rows = jdbc.sql("UPDATE expert SET organization_code = :o, fields = :f, active = :a, version = version + 1 "
                        + "WHERE username = :u AND version = :v")
                .param("u", expert.username()).param("o", expert.organizationCode()).param("f", names(expert.fields()))
                .param("a", expert.active()).param("v", expectedVersion).update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("expert " + expert.username() + " changed meanwhile");
        }
    }

    /** The expert's sealed ID number and phone, opened. */
    Optional<ExpertContact> contact(String username) {
        return jdbc.sql("SELECT username, id_number, phone, version FROM expert WHERE username = :u").param("u", username)
                .query((rs, n) -> new ExpertContact(rs.getString(1),
                        cipher.open(ExpertContactColumns.ID_NUMBER.context(rs.getString(1)), rs.getString(2)),
                        cipher.open(ExpertContactColumns.PHONE.context(rs.getString(1)), rs.getString(3)), rs.getLong(4)))
                .optional();
    }

    /** Every expert's contact data, opened, by username. */
    List<ExpertContact> contacts() {
        return jdbc.sql("SELECT username FROM expert ORDER BY username").query(String.class).list().stream()
                .map(u -> contact(u).orElseThrow()).toList();
    }

    /** The expert whose normalised ID number has this blind index. */
    Optional<String> usernameByIdNumberIndex(String index) {
        return jdbc.sql("SELECT username FROM expert WHERE id_number_index = :i").param("i", index).query(String.class)
                .optional();
    }

    /** Seals and stores the normalised ID number (with its blind index) and phone; optimistic on the version. */
    void updateContact(String username, String idNumber, String phone, long expectedVersion) {
        int rows = jdbc.sql("UPDATE expert SET id_number = :id, id_number_index = :idx, phone = :p, version = version + 1 "
                        + "WHERE username = :u AND version = :v")
                .param("u", username).param("v", expectedVersion)
                .param("id", cipher.seal(ExpertContactColumns.ID_NUMBER.context(username), idNumber))
                .param("idx", idNumber == null ? null : cipher.blindIndex(ExpertContactColumns.ID_NUMBER.indexName(), idNumber))
                .param("p", cipher.seal(ExpertContactColumns.PHONE.context(username), phone))
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("expert " + username + " changed meanwhile");
        }
    }

    boolean panelExists(UUID submissionId) {
        return jdbc.sql("SELECT count(*) FROM review_panel WHERE submission_id = :s").param("s", submissionId)
                .query(Long.class).single() > 0;
    }

    void insert(ReviewPanel panel) {
        jdbc.sql("INSERT INTO review_panel (id, submission_id, project_id, method, formed_by, formed_at) "
                        + "VALUES (:id, :s, :p, :m, :by, :at)")
                .param("id", panel.id()).param("s", panel.submissionId()).param("p", panel.projectId())
                .param("m", panel.method().name()).param("by", panel.formedBy()).param("at", Timestamp.from(panel.formedAt()))
                .update();
        for (ExpertReview review : panel.reviews()) {
            jdbc.sql("INSERT INTO expert_review (id, panel_id, submission_id, project_id, expert_username, status, "
                            + "assigned_at, version) VALUES (:id, :panel, :s, :p, :u, :st, :at, 0)")
                    .param("id", review.id()).param("panel", panel.id()).param("s", review.submissionId())
                    .param("p", review.projectId()).param("u", review.expertUsername()).param("st", review.status().name())
                    .param("at", Timestamp.from(review.assignedAt())).update();
        }
    }

    Optional<ReviewPanel> panelOf(UUID submissionId) {
        return jdbc.sql("SELECT * FROM review_panel WHERE submission_id = :s").param("s", submissionId)
                .query((rs, n) -> new ReviewPanel(rs.getObject("id", UUID.class), rs.getObject("submission_id", UUID.class),
                        rs.getObject("project_id", UUID.class), ReviewPanel.Method.valueOf(rs.getString("method")),
                        rs.getString("formed_by"), rs.getTimestamp("formed_at").toInstant(), List.of()))
                .optional()
                .map(p -> new ReviewPanel(p.id(), p.submissionId(), p.projectId(), p.method(), p.formedBy(), p.formedAt(),
                        jdbc.sql("SELECT * FROM expert_review WHERE panel_id = :id ORDER BY expert_username")
                                .param("id", p.id()).query(ExpertRepository::review).list()));
    }

    Optional<ExpertReview> review(UUID id) {
        return jdbc.sql("SELECT * FROM expert_review WHERE id = :id").param("id", id).query(ExpertRepository::review).optional();
    }

    /** An expert's reviews, open ones first, newest first within each. */
    List<ExpertReview> reviewsOf(String username) {
        return jdbc.sql("SELECT * FROM expert_review WHERE expert_username = :u "
                        + "ORDER BY (status = 'OPEN') DESC, assigned_at DESC, id LIMIT 500")
                .param("u", username).query(ExpertRepository::review).list();
    }

    void update(ExpertReview review) {
        ReviewOpinion o = review.opinion();
        int rows = jdbc.sql("UPDATE expert_review SET status = :st, necessity = :a1, technical_feasibility_security = :a2, "
                        + "investment = :a3, infrastructure_resources = :a4, information_sharing = :a5, conclusion = :c, "
                        + "recommended_investment = :r, submitted_at = :at, version = version + 1 "
                        + "WHERE id = :id AND version = :v")
                .param("id", review.id()).param("v", review.version()).param("st", review.status().name())
                .param("a1", o.aspect(Aspect.NECESSITY)).param("a2", o.aspect(Aspect.TECHNICAL_FEASIBILITY_SECURITY))
                .param("a3", o.aspect(Aspect.INVESTMENT)).param("a4", o.aspect(Aspect.INFRASTRUCTURE_RESOURCES))
                .param("a5", o.aspect(Aspect.INFORMATION_SHARING)).param("c", o.conclusion().name())
                .param("r", o.recommendedInvestment()).param("at", Timestamp.from(review.submittedAt()))
                .update();
        if (rows == 0) {
            throw new ReviewClosedException(review.id());
        }
    }

    private static String[] names(Set<ExpertField> fields) {
        return fields.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static Expert expert(ResultSet rs, int n) throws SQLException {
        Set<ExpertField> fields = EnumSet.noneOf(ExpertField.class);
        Array array = rs.getArray("fields");
        for (Object f : (Object[]) array.getArray()) {
            fields.add(ExpertField.valueOf((String) f));
        }
        return new Expert(rs.getString("username"), rs.getString("display_name"), rs.getString("organization_code"),
                fields, rs.getBoolean("active"), rs.getLong("version"));
    }

    private static ExpertReview review(ResultSet rs, int n) throws SQLException {
        ReviewOpinion opinion = null;
        String conclusion = rs.getString("conclusion");
        if (conclusion != null) {
            Map<Aspect, String> aspects = new EnumMap<>(Aspect.class);
            aspects.put(Aspect.NECESSITY, rs.getString("necessity"));
            aspects.put(Aspect.TECHNICAL_FEASIBILITY_SECURITY, rs.getString("technical_feasibility_security"));
            aspects.put(Aspect.INVESTMENT, rs.getString("investment"));
            aspects.put(Aspect.INFRASTRUCTURE_RESOURCES, rs.getString("infrastructure_resources"));
            aspects.put(Aspect.INFORMATION_SHARING, rs.getString("information_sharing"));
            BigDecimal amount = rs.getBigDecimal("recommended_investment");
            opinion = new ReviewOpinion(aspects, Conclusion.valueOf(conclusion), amount);
        }
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new ExpertReview(rs.getObject("id", UUID.class), rs.getObject("panel_id", UUID.class),
                rs.getObject("submission_id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("expert_username"), rs.getTimestamp("assigned_at").toInstant(),
                ReviewStatus.valueOf(rs.getString("status")), opinion, submitted == null ? null : submitted.toInstant(),
                rs.getLong("version"));
    }

    boolean isReviewer(UUID submissionId, String username) {
        return jdbc.sql("SELECT count(*) FROM expert_review WHERE submission_id = :s AND expert_username = :u")
                .param("s", submissionId).param("u", username).query(Long.class).single() > 0;
    }

    static List<String> usernames(List<Expert> experts) {
        return experts.stream().map(Expert::username).toList();
    }
}
