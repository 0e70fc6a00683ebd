package cn.jl.govit.change.internal;

import java.math.BigDecimal;
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

import cn.jl.govit.change.Baseline;
import cn.jl.govit.change.ChangeFacts;
import cn.jl.govit.change.ChangeReason;
import cn.jl.govit.change.ChangeRequest;
import cn.jl.govit.change.ChangeRequestRepository;
import cn.jl.govit.change.ChangeRoute;
import cn.jl.govit.change.ChangeStatus;
import cn.jl.govit.change.StoredChange;
import cn.jl.govit.rulebook.PolicyParameters.ThresholdBasis;

/** Change requests and baselines in PostgreSQL; baselines append-only (a trigger refuses updates and deletes). */
@Repository
class JdbcChangeRequests implements ChangeRequestRepository {

    private final JdbcClient jdbc;

    JdbcChangeRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ChangeRequest c, BigDecimal thresholdShare, ThresholdBasis basis) {
        ChangeFacts f = c.facts();
        jdbc.sql("""
                INSERT INTO change_request (id, project_id, number, approved_estimate, adjustment_amount,
                    new_total_investment, goals_unchanged, reason, previous_adjustments, uses_digital_jilin_fund,
                    fund_plan_issued_on, threshold_share, threshold_basis, description, route, status, requested_by,
                    requested_at, requested_on, version)
                VALUES (:id, :project, :number, :estimate, :adjustment, :newTotal, :goals, :reason, :previous, :dj,
                    :fundPlan, :share, :basis, :description, :route, :status, :by, :at, :on, 0)""")
                .param("id", c.id()).param("project", c.projectId()).param("number", c.number())
                .param("estimate", f.approvedEstimate()).param("adjustment", f.adjustmentAmount())
                .param("newTotal", f.newTotalInvestment()).param("goals", f.goalsUnchanged())
                .param("reason", f.reason().name()).param("previous", f.previousAdjustments())
                .param("dj", f.usesDigitalJilinFund()).param("fundPlan", f.digitalJilinFundPlanIssuedOn())
                .param("share", thresholdShare).param("basis", basis.name()).param("description", c.description())
                .param("route", c.route().name()).param("status", c.status().name()).param("by", c.requestedBy())
                .param("at", Timestamp.from(c.requestedAt())).param("on", c.requestedOn())
                .update();
    }

    @Override
    public ChangeRequest update(ChangeRequest c) {
        int rows = jdbc.sql("""
                UPDATE change_request SET status = :status, submission_id = :submission, acknowledged_by = :ackBy,
                    acknowledged_at = :ackAt, approved_total_investment = :approved, decision_document_number = :number,
                    decided_on = :decidedOn, decided_by = :decidedBy, version = version + 1
                 WHERE id = :id AND version = :version""")
                .param("id", c.id()).param("status", c.status().name()).param("submission", c.submissionId())
                .param("ackBy", c.acknowledgedBy())
                .param("ackAt", c.acknowledgedAt() == null ? null : Timestamp.from(c.acknowledgedAt()))
                .param("approved", c.approvedTotalInvestment()).param("number", c.decisionDocumentNumber())
                .param("decidedOn", c.decidedOn()).param("decidedBy", c.decidedBy()).param("version", c.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("change request " + c.id() + " changed since version " + c.version());
        }
        return findById(c.id()).orElseThrow().request();
    }

    @Override
    public Optional<StoredChange> findById(UUID id) {
        return jdbc.sql("SELECT * FROM change_request WHERE id = :id").param("id", id).query(JdbcChangeRequests::map)
                .optional();
    }

    @Override
    public List<StoredChange> findByProject(UUID projectId, int offset, int limit) {
        return jdbc.sql("SELECT * FROM change_request WHERE project_id = :p ORDER BY number DESC LIMIT :limit OFFSET :offset")
                .param("p", projectId).param("limit", limit).param("offset", offset).query(JdbcChangeRequests::map).list();
    }

    @Override
    public long countByProject(UUID projectId) {
        return jdbc.sql("SELECT count(*) FROM change_request WHERE project_id = :p").param("p", projectId)
                .query(Long.class).single();
    }

    @Override
    public List<StoredChange> inForce(UUID projectId) {
        return jdbc.sql("SELECT * FROM change_request WHERE project_id = :p AND status IN ('FILED', 'APPROVED') ORDER BY number")
                .param("p", projectId).query(JdbcChangeRequests::map).list();
    }

    @Override
    public Optional<StoredChange> pending(UUID projectId) {
        return jdbc.sql("""
                SELECT * FROM change_request WHERE project_id = :p AND status IN ('IN_REAPPROVAL', 'AWAITING_GOVERNMENT')""")
                .param("p", projectId).query(JdbcChangeRequests::map).optional();
    }

    @Override
    public int nextNumber(UUID projectId) {
        // the project row is locked so that two requests filed at once do not take the same number
        jdbc.sql("SELECT id FROM project WHERE id = :p FOR UPDATE").param("p", projectId).query(UUID.class).single();
        return jdbc.sql("SELECT COALESCE(max(number), 0) + 1 FROM change_request WHERE project_id = :p")
                .param("p", projectId).query(Integer.class).single();
    }

    @Override
    public void insertBaseline(Baseline b, Instant at) {
        jdbc.sql("""
                INSERT INTO change_baseline (project_id, number, kind, approved_estimate, construction_period_months,
                    adjustments_in_force, change_request_id, description, established_on, created_at)
                VALUES (:project, :number, :kind, :estimate, :period, :adjustments, :change, :description, :on, :at)""")
                .param("project", b.projectId()).param("number", b.number()).param("kind", b.kind().name())
                .param("estimate", b.approvedEstimate()).param("period", b.constructionPeriodMonths())
                .param("adjustments", b.adjustmentsInForce()).param("change", b.changeRequestId())
                .param("description", b.description()).param("on", b.establishedOn()).param("at", Timestamp.from(at))
                .update();
    }

    @Override
    public List<Baseline> baselines(UUID projectId) {
        return jdbc.sql("""
                SELECT b.*, c.number AS change_number FROM change_baseline b
                LEFT JOIN change_request c ON c.id = b.change_request_id
                WHERE b.project_id = :p ORDER BY b.number""")
                .param("p", projectId)
                .query((rs, n) -> new Baseline(rs.getObject("project_id", UUID.class), rs.getInt("number"),
                        Baseline.BaselineKind.valueOf(rs.getString("kind")), rs.getBigDecimal("approved_estimate"),
                        rs.getInt("construction_period_months"), rs.getBigDecimal("adjustments_in_force"),
                        rs.getObject("change_request_id", UUID.class), (Integer) rs.getObject("change_number"),
                        rs.getString("description"), rs.getObject("established_on", LocalDate.class)))
                .list();
    }

    private static StoredChange map(ResultSet rs, int n) throws SQLException {
        ChangeFacts facts = new ChangeFacts(rs.getBigDecimal("approved_estimate"), rs.getBigDecimal("adjustment_amount"),
                rs.getBigDecimal("new_total_investment"), rs.getBoolean("goals_unchanged"),
                ChangeReason.valueOf(rs.getString("reason")), rs.getBigDecimal("previous_adjustments"),
                rs.getBoolean("uses_digital_jilin_fund"), rs.getObject("fund_plan_issued_on", LocalDate.class));
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        ChangeRequest request = new ChangeRequest(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getInt("number"), facts, rs.getString("description"), ChangeRoute.valueOf(rs.getString("route")),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getObject("requested_on", LocalDate.class), ChangeStatus.valueOf(rs.getString("status")),
                rs.getObject("submission_id", UUID.class), rs.getString("acknowledged_by"),
                ack == null ? null : ack.toInstant(), rs.getBigDecimal("approved_total_investment"),
                rs.getString("decision_document_number"), rs.getObject("decided_on", LocalDate.class),
                rs.getString("decided_by"), rs.getLong("version"));
        return new StoredChange(request, rs.getBigDecimal("threshold_share"),
                ThresholdBasis.valueOf(rs.getString("threshold_basis")));
    }
}
