package cn.jl.govit.construction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The contracts a construction unit signed for its project (Art. 14, 21). Their total is held against the
 * current approved estimate by {@link ContractBudgetPolicy}: warned from the rulebook's contract warning share,
 * refused above the estimate. The estimate rises only through an approved change, never here.
 */
@Service
public class Contracts {

    private final JdbcClient jdbc;
    private final ConstructionGuard guard;
    private final Procurements procurements;
    private final PolicyParameters policy;
    private final AuditLog audit;

    Contracts(JdbcClient jdbc, ConstructionGuard guard, Procurements procurements, PolicyParameters policy,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.procurements = procurements;
        this.policy = policy;
        this.audit = audit;
    }

    /**
     * The sum of the project's contract amounts in yuan, zero if it has none. No scope check: a query for
     * modules that have checked access to the project themselves (the investment funnel).
     */
    @Transactional(readOnly = true)
    public BigDecimal contractedTotal(UUID projectId) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM construction_contract WHERE project_id = :p")
                .param("p", projectId).query(BigDecimal.class).single();
    }

    /**
     * Records a contract: {@code 404}, {@code 403} but the unit, {@code 400}, {@code 422} ART-22/14 and ART-21
     * when the total would exceed the approved estimate. A total from the warning share on comes back warned.
     */
    @Transactional
    public Recorded record(UUID projectId, ConstructionRequests.NewContract request) {
        Project project = guard.unit(projectId);
        guard.notFuture("signedOn", request.signedOn());
        if (request.procurementId() != null && !procurements.belongsTo(request.procurementId(), projectId)) {
            throw new InvalidInputException("procurementId", "construction.contract.procurement-foreign",
                    request.procurementId().toString());
        }
        ConstructionGuard.requireOpen(project);
        if (project.approvedOn() != null && request.signedOn().isBefore(project.approvedOn())) {
            throw new RuleViolationException(Violation.of("ART-14", "signedOn", "violation.ART-14.contract-before-approval",
                    request.signedOn().toString(), project.approvedOn().toString()));
        }
        // One contract at a time per project, so that two concurrent ones cannot pass the estimate together.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "construction-contract:" + projectId)
                .query((rs, n) -> 1).list();
        BigDecimal before = contractedTotal(projectId);
        ContractBudgetPolicy.Assessment assessment = new ContractBudgetPolicy(policy.contractWarningShare())
                .assess(project.approvedEstimate(), before, request.amount());
        RuleViolationException.throwIfAny(assessment.refusals());

        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO construction_contract (id, project_id, contractor, subject, kind, amount, signed_on,
                    procurement_id, recorded_by, recorded_at)
                VALUES (:id, :project, :contractor, :subject, :kind, :amount, :signed, :procurement, :by, :at)""")
                .param("id", id).param("project", projectId).param("contractor", request.contractor().strip())
                .param("subject", request.subject().strip()).param("kind", request.kind().name())
                .param("amount", request.amount()).param("signed", request.signedOn())
                .param("procurement", request.procurementId()).param("by", guard.username()).param("at", guard.now())
                .update();
        BigDecimal total = before.add(request.amount());
        audit.record("CONTRACT_RECORDED", "Contract", id.toString(), projectId, project.code() + " " + request.kind()
                + " " + request.amount().toPlainString() + ", contracted " + total.toPlainString() + " of "
                + project.approvedEstimate().toPlainString());
        return new Recorded(find(id), budget(project, total), assessment.warnings());
    }

    /** The project's contracts, latest signing first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public PageOf<Contract> page(UUID projectId, int page, int size) {
        guard.readable(projectId);
        Paging paging = Paging.of(page, size);
        long total = jdbc.sql("SELECT count(*) FROM construction_contract WHERE project_id = :p")
                .param("p", projectId).query(Long.class).single();
        List<Contract> content = jdbc.sql("""
                SELECT * FROM construction_contract WHERE project_id = :p
                ORDER BY signed_on DESC, recorded_at DESC LIMIT :limit OFFSET :offset""")
                .param("p", projectId).param("limit", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query(Contracts::map).list();
        return new PageOf<>(content, paging.page(), paging.size(), total);
    }

    /** The contracted total against the current approved estimate, with the warning if it is due. */
    @Transactional(readOnly = true)
    public Budget budget(UUID projectId) {
        Project project = guard.readable(projectId);
        return budget(project, contractedTotal(projectId));
    }

    private Budget budget(Project project, BigDecimal total) {
        BigDecimal estimate = project.approvedEstimate();
        List<Violation> warnings = new ArrayList<>();
        BigDecimal share = null;
        if (estimate != null && estimate.signum() > 0) {
            share = total.divide(estimate, 4, RoundingMode.DOWN);
            if (total.signum() > 0) {
                // The warning as the policy gives it for a contract that brought the total where it is now.
                ContractBudgetPolicy.Assessment now = new ContractBudgetPolicy(policy.contractWarningShare())
                        .assess(estimate, BigDecimal.ZERO, total);
                warnings.addAll(now.warnings());
                // Above the estimate only if a later approval lowered it: shown, since no contract is undone.
                warnings.addAll(now.refusals());
            }
        }
        return new Budget(total, estimate, share, policy.contractWarningShare(), warnings);
    }

    private Contract find(UUID id) {
        return jdbc.sql("SELECT * FROM construction_contract WHERE id = :id").param("id", id).query(Contracts::map)
                .optional().orElseThrow(() -> new RecordNotFoundException("Contract", id));
    }

    private static Contract map(ResultSet rs, int n) throws SQLException {
        return new Contract(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("contractor"), rs.getString("subject"), ContractKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("amount"), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("procurement_id", UUID.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    /** A recorded contract with the budget after it and the warnings of Art. 21, if any. */
    public record Recorded(Contract contract, Budget budget, List<Violation> warnings) {
    }

    /**
     * The contracted total against the approved estimate in force.
     *
     * @param share total ÷ estimate (4 decimals, rounded down); {@code null} without an estimate
     */
    public record Budget(BigDecimal contractedTotal, BigDecimal approvedEstimate, BigDecimal share,
            BigDecimal warningShare, List<Violation> warnings) {

        public Budget {
            warnings = List.copyOf(warnings);
        }

        public boolean warned() {
            return !warnings.isEmpty();
        }
    }
}
