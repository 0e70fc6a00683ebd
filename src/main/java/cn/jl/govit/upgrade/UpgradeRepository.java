package cn.jl.govit.upgrade;

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

/** Upgrade requests in PostgreSQL; an update names the version it read and fails if another came first. */
@Repository
class UpgradeRepository {

    /** Which requests a list shows: all, those of a lead department, or those of an approval authority. */
    record Scope(boolean all, String leadOrganizationCode, String authorityCode) {

        boolean none() {
            return !all && leadOrganizationCode == null && authorityCode == null;
        }
    }

    private final JdbcClient jdbc;

    UpgradeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int nextNumber(UUID projectId) {
        // the project row is locked so that two requests of one project never draw the same number
        jdbc.sql("SELECT id FROM project WHERE id = :p FOR UPDATE").param("p", projectId).query(UUID.class).optional();
        return jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM upgrade_request WHERE project_id = :p")
                .param("p", projectId).query(Integer.class).single();
    }

    void insert(UpgradeRequest u) {
        UpgradeProposal p = u.proposal();
        jdbc.sql("""
                INSERT INTO upgrade_request (id, project_id, number, lead_organization_code, authority_code, title,
                    reasons, scope, estimated_investment, construction_period_months, shareable, catalogue_code,
                    document_id, route, status, requested_on, requested_by, requested_at)
                VALUES (:id, :project, :number, :lead, :authority, :title, :reasons, :scope, :investment, :months,
                    :shareable, :catalogue, :document, :route, :status, :on, :by, :at)""")
                .param("id", u.id()).param("project", u.projectId()).param("number", u.number())
                .param("lead", u.leadOrganizationCode()).param("authority", u.authorityCode())
                .param("title", p.title()).param("reasons", p.reasons()).param("scope", p.scope())
                .param("investment", p.estimatedInvestment()).param("months", p.constructionPeriodMonths())
                .param("shareable", p.shareable()).param("catalogue", p.catalogueCode())
                .param("document", p.documentId()).param("route", u.route().name()).param("status", u.status().name())
                .param("on", u.requestedOn()).param("by", u.requestedBy()).param("at", Timestamp.from(u.requestedAt()))
                .update();
    }

    /** Writes the steps of {@code next}, which was derived from the row at {@code next.version()}. */
    void update(UpgradeRequest next) {
        UpgradeRequest.JointReview r = next.jointReview();
        UpgradeRequest.Decision d = next.decision();
        UpgradeRequest.CreatedProject c = next.createdProject();
        int rows = jdbc.sql("""
                UPDATE upgrade_request SET status = :status,
                    reviewed_on = :reviewedOn, review_departments = :departments::text[], review_opinion = :reviewOpinion,
                    review_recommendation = :recommendation, review_document_id = :reviewDocument,
                    reviewed_by = :reviewedBy, reviewed_at = :reviewedAt,
                    decision = :decision, decided_on = :decidedOn, decision_opinion = :decisionOpinion,
                    decided_by = :decidedBy, decided_at = :decidedAt,
                    upgrade_project_id = :upgradeProject, project_created_by = :createdBy,
                    project_created_at = :createdAt, version = version + 1
                 WHERE id = :id AND version = :version""")
                .param("status", next.status().name())
                .param("reviewedOn", r == null ? null : r.reviewedOn())
                .param("departments", r == null ? null : "{" + String.join(",", r.departments()) + "}")
                .param("reviewOpinion", r == null ? null : r.opinion())
                .param("recommendation", r == null ? null : r.recommendation().name())
                .param("reviewDocument", r == null ? null : r.documentId())
                .param("reviewedBy", r == null ? null : r.reviewedBy())
                .param("reviewedAt", r == null ? null : Timestamp.from(r.reviewedAt()))
                .param("decision", d == null ? null : d.verdict().name())
                .param("decidedOn", d == null ? null : d.decidedOn())
                .param("decisionOpinion", d == null ? null : d.opinion())
                .param("decidedBy", d == null ? null : d.decidedBy())
                .param("decidedAt", d == null ? null : Timestamp.from(d.decidedAt()))
                .param("upgradeProject", c == null ? null : c.projectId())
                .param("createdBy", c == null ? null : c.createdBy())
                .param("createdAt", c == null ? null : Timestamp.from(c.createdAt()))
                .param("id", next.id()).param("version", next.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("upgrade request " + next.id() + " changed meanwhile");
        }
    }

    Optional<UpgradeRequest> find(UUID id) {
        return jdbc.sql("SELECT * FROM upgrade_request WHERE id = :id").param("id", id).query(this::row).optional();
    }

    List<UpgradeRequest> forProject(UUID projectId, int page, int size) {
        return jdbc.sql("""
                SELECT * FROM upgrade_request WHERE project_id = :p ORDER BY number DESC LIMIT :size OFFSET :offset""")
                .param("p", projectId).param("size", size).param("offset", (long) page * size).query(this::row).list();
    }

    long countForProject(UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM upgrade_request WHERE project_id = :p").param("p", projectId)
                .query(Long.class).single();
    }

    /** The requests in scope, newest first; {@code awaitingFirst} puts those awaiting the Leading Group on top. */
    List<UpgradeRequest> page(Scope scope, UpgradeStatus status, boolean awaitingFirst, int page, int size) {
        return jdbc.sql("SELECT * FROM upgrade_request WHERE " + where() + " ORDER BY "
                        + (awaitingFirst ? "(status = 'AWAITING_LEADING_GROUP') DESC, " : "")
                        + "requested_at DESC, id LIMIT :size OFFSET :offset")
                .param("all", scope.all()).param("lead", scope.leadOrganizationCode())
                .param("authority", scope.authorityCode()).param("status", status == null ? null : status.name())
                .param("size", size).param("offset", (long) page * size).query(this::row).list();
    }

    long count(Scope scope, UpgradeStatus status) {
        return jdbc.sql("SELECT count(*) FROM upgrade_request WHERE " + where())
                .param("all", scope.all()).param("lead", scope.leadOrganizationCode())
                .param("authority", scope.authorityCode()).param("status", status == null ? null : status.name())
                .query(Long.class).single();
    }

    private static String where() {
        return """
                (:all OR lead_organization_code = CAST(:lead AS TEXT) OR authority_code = CAST(:authority AS TEXT))
                 AND (CAST(:status AS TEXT) IS NULL OR status = CAST(:status AS TEXT))""";
    }

    private UpgradeRequest row(ResultSet rs, int n) throws SQLException {
        UpgradeProposal proposal = new UpgradeProposal(rs.getString("title"), rs.getString("reasons"),
                rs.getString("scope"), rs.getBigDecimal("estimated_investment"), rs.getInt("construction_period_months"),
                rs.getBoolean("shareable"), rs.getString("catalogue_code"), rs.getObject("document_id", UUID.class));
        UpgradeRequest.JointReview review = rs.getObject("reviewed_on", LocalDate.class) == null ? null
                : new UpgradeRequest.JointReview(rs.getObject("reviewed_on", LocalDate.class),
                        strings(rs.getArray("review_departments")), rs.getString("review_opinion"),
                        Recommendation.valueOf(rs.getString("review_recommendation")),
                        rs.getObject("review_document_id", UUID.class), rs.getString("reviewed_by"),
                        instant(rs.getTimestamp("reviewed_at")));
        UpgradeRequest.Decision decision = rs.getString("decision") == null ? null
                : new UpgradeRequest.Decision(LeadingGroupVerdict.valueOf(rs.getString("decision")),
                        rs.getObject("decided_on", LocalDate.class), rs.getString("decision_opinion"),
                        rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")));
        UpgradeRequest.CreatedProject created = rs.getObject("upgrade_project_id", UUID.class) == null ? null
                : new UpgradeRequest.CreatedProject(rs.getObject("upgrade_project_id", UUID.class),
                        rs.getString("project_created_by"), instant(rs.getTimestamp("project_created_at")));
        return new UpgradeRequest(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getInt("number"), rs.getString("lead_organization_code"), rs.getString("authority_code"), proposal,
                UpgradeRoute.valueOf(rs.getString("route")), UpgradeStatus.valueOf(rs.getString("status")),
                rs.getObject("requested_on", LocalDate.class), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), review, decision, created, rs.getLong("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
