package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * Fund plans (资金计划下达) that Finance issues for an approved project, per funding source, and the disbursements
 * (资金拨付) it makes against them (Art. 21). Other modules ask when the first plan of a source was issued: Art. 23
 * (3) treats a change after the funds were planned differently.
 * <p>
 * A suspended project (Art. 22) still gets plans and disbursements: suspending construction stops the
 * construction unit's records, not Finance's; withholding funds is a sanction of its own (Art. 31): while it is in
 * force, and once the project is terminated, every further disbursement is refused ({@code 422 ART-31}).
 */
@Service
public class FundPlans {

    /** While a project is approved and being built Finance plans its funds; suspension does not stop it. */
    static final Set<ProjectStatus> PLANNABLE = EnumSet.of(ProjectStatus.APPROVED, ProjectStatus.UNDER_CONSTRUCTION,
            ProjectStatus.SUSPENDED);

    /** Disbursements go on into acceptance: the last payments of contracts fall due after construction. */
    static final Set<ProjectStatus> DISBURSABLE = EnumSet.of(ProjectStatus.APPROVED, ProjectStatus.UNDER_CONSTRUCTION,
            ProjectStatus.SUSPENDED, ProjectStatus.IN_ACCEPTANCE);

    private final JdbcClient jdbc;
    private final Projects projects;
    private final FundingAccess access;
    private final AuditLog audit;

    FundPlans(JdbcClient jdbc, Projects projects, FundingAccess access, AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.access = access;
        this.audit = audit;
    }

    /** The date of the first fund plan issued for that source of the project; empty if none was issued. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> firstIssuedOn(UUID projectId, FundingSource source) {
        return jdbc.sql("""
                SELECT issued_on FROM fund_plan WHERE project_id = :project AND source = :source
                ORDER BY issued_on LIMIT 1""")
                .param("project", projectId).param("source", source.name())
                .query(LocalDate.class)
                .optional();
    }

    /** Refuses with {@code 404} outside scope and {@code 403} for anyone but Finance. */
    @Transactional(readOnly = true)
    public Project checkMayIssue(UUID projectId) {
        Project project = projects.get(projectId);
        access.requireFinance();
        return project;
    }

    /** Whether the signed-in user issues plans and disburses (Finance). */
    public boolean mayIssue() {
        return access.isFinance();
    }

    /**
     * Finance issues a fund plan for one of the project's funding sources: {@code 404}, {@code 403}, {@code 400}
     * for a date in the future, {@code 422 ART-21} before the approval, for a source the project was not approved
     * with, or beyond the source's share of the approved estimate ({@link FundPlanPolicy}).
     */
    @Transactional
    public FundPlan issue(UUID projectId, FundingSource source, BigDecimal amount, LocalDate issuedOn) {
        Project project = checkMayIssue(projectId);
        Objects.requireNonNull(source, "source");
        FundingAccess.notInFuture("issuedOn", issuedOn, projects.today());
        access.lock(projectId);
        if (!PLANNABLE.contains(project.status())) {
            throw new RuleViolationException(Violation.of("ART-21", "status", "violation.ART-21.plan-status",
                    new MessageKey("enum.ProjectStatus." + project.status().name())));
        }
        RuleViolationException.throwIfAny(FundPlanPolicy.check(project.approvedEstimate(), project.approvedOn(),
                project.facts().fundingSources(), issuedBySource(projectId), source, amount, issuedOn));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO fund_plan (id, project_id, source, amount, issued_on, issued_by, created_at)
                VALUES (:id, :project, :source, :amount, :issuedOn, :by, :now)""")
                .param("id", id).param("project", projectId).param("source", source.name()).param("amount", amount)
                .param("issuedOn", issuedOn).param("by", access.username()).param("now", java.sql.Timestamp.from(access.now()))
                .update();
        audit.record("FUND_PLAN_ISSUED", "FundPlan", id.toString(), projectId,
                project.code() + " " + source + " " + FundPlanPolicy.plain(amount) + " issued " + issuedOn);
        return plan(projectId, id);
    }

    /**
     * Finance disburses against one of the project's fund plans: {@code 404} for a plan of another project,
     * {@code 422 ART-21} above what remains of the plan or before it was issued ({@link DisbursementPolicy}),
     * {@code 422 ART-31} while the project's funds are suspended as a sanction or once it is terminated.
     */
    @Transactional
    public Disbursement disburse(UUID projectId, UUID fundPlanId, BigDecimal amount, LocalDate disbursedOn) {
        Project project = checkMayIssue(projectId);
        FundPlan plan = plan(projectId, fundPlanId);
        FundingAccess.notInFuture("disbursedOn", disbursedOn, projects.today());
        access.lock(projectId);
        plan = plan(projectId, fundPlanId);
        project = projects.get(projectId); // as of the lock: a sanction imposed meanwhile counts
        RuleViolationException.throwIfAny(project.disbursementsRefused());
        if (!DISBURSABLE.contains(project.status())) {
            throw new RuleViolationException(Violation.of("ART-21", "status", "violation.ART-21.disbursement-status",
                    new MessageKey("enum.ProjectStatus." + project.status().name())));
        }
        RuleViolationException.throwIfAny(DisbursementPolicy.check(plan.amount(), plan.issuedOn(), plan.disbursed(),
                amount, disbursedOn));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO disbursement (id, project_id, fund_plan_id, amount, disbursed_on, recorded_by, created_at)
                VALUES (:id, :project, :plan, :amount, :on, :by, :now)""")
                .param("id", id).param("project", projectId).param("plan", fundPlanId).param("amount", amount)
                .param("on", disbursedOn).param("by", access.username()).param("now", java.sql.Timestamp.from(access.now()))
                .update();
        audit.record("FUNDS_DISBURSED", "Disbursement", id.toString(), projectId,
                project.code() + " " + plan.source() + " " + FundPlanPolicy.plain(amount) + " on " + disbursedOn
                        + " against plan " + fundPlanId);
        return new Disbursement(id, projectId, fundPlanId, plan.source(), amount, disbursedOn, access.username());
    }

    /** The project's fund plans, oldest first, with what was disbursed against each; {@code 404} outside scope. */
    @Transactional(readOnly = true)
    public List<FundPlan> forProject(UUID projectId) {
        projects.get(projectId);
        return jdbc.sql(PLAN_QUERY + " WHERE p.project_id = :project GROUP BY p.id ORDER BY p.issued_on, p.created_at")
                .param("project", projectId)
                .query((rs, n) -> plan(rs))
                .list();
    }

    /** The project's disbursements, oldest first; {@code 404} outside scope. */
    @Transactional(readOnly = true)
    public List<Disbursement> disbursements(UUID projectId) {
        projects.get(projectId);
        return jdbc.sql("""
                SELECT d.*, p.source FROM disbursement d JOIN fund_plan p ON p.id = d.fund_plan_id
                WHERE d.project_id = :project ORDER BY d.disbursed_on, d.created_at""")
                .param("project", projectId)
                .query((rs, n) -> new Disbursement(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                        rs.getObject("fund_plan_id", UUID.class), FundingSource.valueOf(rs.getString("source")),
                        rs.getBigDecimal("amount"), rs.getObject("disbursed_on", LocalDate.class), rs.getString("recorded_by")))
                .list();
    }

    /** Sums planned per source. */
    Map<FundingSource, BigDecimal> issuedBySource(UUID projectId) {
        Map<FundingSource, BigDecimal> issued = new EnumMap<>(FundingSource.class);
        jdbc.sql("SELECT source, sum(amount) AS total FROM fund_plan WHERE project_id = :project GROUP BY source")
                .param("project", projectId)
                .query(rs -> {
                    issued.put(FundingSource.valueOf(rs.getString("source")), rs.getBigDecimal("total"));
                });
        return issued;
    }

    BigDecimal plannedTotal(UUID projectId) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM fund_plan WHERE project_id = :project")
                .param("project", projectId).query(BigDecimal.class).single();
    }

    BigDecimal disbursedTotal(UUID projectId) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM disbursement WHERE project_id = :project")
                .param("project", projectId).query(BigDecimal.class).single();
    }

    private static final String PLAN_QUERY = """
            SELECT p.*, coalesce(sum(d.amount), 0) AS disbursed
            FROM fund_plan p LEFT JOIN disbursement d ON d.fund_plan_id = p.id""";

    private FundPlan plan(UUID projectId, UUID id) {
        return jdbc.sql(PLAN_QUERY + " WHERE p.project_id = :project AND p.id = :id GROUP BY p.id")
                .param("project", projectId).param("id", id)
                .query((rs, n) -> plan(rs))
                .optional()
                .orElseThrow(() -> new RecordNotFoundException("FundPlan", id));
    }

    private static FundPlan plan(ResultSet rs) throws SQLException {
        return new FundPlan(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                FundingSource.valueOf(rs.getString("source")), rs.getBigDecimal("amount"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("issued_by"), rs.getBigDecimal("disbursed"));
    }
}
