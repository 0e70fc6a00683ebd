package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.construction.Contracts;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The construction unit's side of a project's funds (Art. 21, 25): spending of what Finance disbursed, the return
 * of the surplus (which Finance confirms), the split by level of a province–city–county project, and the
 * investment funnel that puts them all side by side.
 * <p>
 * A suspended project (Art. 22) records no new spending ({@code 422 ART-22}); Finance's plans and disbursements
 * ({@link FundPlans}) go on, since withholding funds is a separate sanction (Art. 31).
 */
@Service
public class Funds {

    /** After these the construction is over and a surplus is due for return (Art. 21). */
    static final Set<ProjectStatus> COMPLETED = EnumSet.of(ProjectStatus.IN_ACCEPTANCE, ProjectStatus.IN_OPERATION,
            ProjectStatus.TERMINATED);

    private final JdbcClient jdbc;
    private final Projects projects;
    private final FundPlans plans;
    private final Contracts contracts;
    private final Documents documents;
    private final FundingAccess access;
    private final AuditLog audit;

    Funds(JdbcClient jdbc, Projects projects, FundPlans plans, Contracts contracts, Documents documents,
            FundingAccess access, AuditLog audit) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.plans = plans;
        this.contracts = contracts;
        this.documents = documents;
        this.access = access;
        this.audit = audit;
    }

    /** Refuses with {@code 404} outside scope and {@code 403} for anyone but the construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayRecord(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /** Whether the signed-in user records spending, returns and level shares of the project. */
    public boolean mayRecord(Project project) {
        return projects.isConstructionUnit(project);
    }

    /**
     * The construction unit records spending: {@code 400} for a date in the future or a voucher that is not a
     * document of the project; {@code 422 ART-22} while suspended, {@code ART-14} when not under construction,
     * {@code ART-21} above what was disbursed or above the approved estimate ({@link SpendingPolicy}).
     */
    @Transactional
    public Spending recordSpending(UUID projectId, BigDecimal amount, LocalDate spentOn, String purpose,
            String contractReference, UUID voucherDocumentId) {
        Project project = checkMayRecord(projectId);
        FundingAccess.notInFuture("spentOn", spentOn, projects.today());
        checkVoucher(projectId, voucherDocumentId);
        Projects.requireOpenForConstruction(project);
        access.lock(projectId);
        RuleViolationException.throwIfAny(SpendingPolicy.check(project.approvedEstimate(), project.approvedOn(),
                plans.disbursedTotal(projectId), spentTotal(projectId), amount, spentOn));
        UUID id = UUID.randomUUID();
        String reference = blankToNull(contractReference);
        jdbc.sql("""
                INSERT INTO spending (id, project_id, amount, spent_on, purpose, contract_reference, voucher_document_id,
                    recorded_by, created_at)
                VALUES (:id, :project, :amount, :on, :purpose, :reference, :voucher, :by, :now)""")
                .param("id", id).param("project", projectId).param("amount", amount).param("on", spentOn)
                .param("purpose", purpose.strip()).param("reference", reference).param("voucher", voucherDocumentId)
                .param("by", access.username()).param("now", Timestamp.from(access.now()))
                .update();
        audit.record("SPENDING_RECORDED", "Spending", id.toString(), projectId,
                project.code() + " " + FundPlanPolicy.plain(amount) + " on " + spentOn
                        + (reference == null ? "" : " under " + reference));
        return new Spending(id, projectId, amount, spentOn, purpose.strip(), reference, voucherDocumentId,
                access.username());
    }

    /** The project's spending, newest first, one page at a time; {@code 404} outside scope. */
    @Transactional(readOnly = true)
    public PageOf<Spending> spending(UUID projectId, int page, int size) {
        projects.get(projectId);
        long total = jdbc.sql("SELECT count(*) FROM spending WHERE project_id = :project")
                .param("project", projectId).query(Long.class).single();
        List<Spending> content = jdbc.sql("""
                SELECT * FROM spending WHERE project_id = :project ORDER BY spent_on DESC, created_at DESC
                LIMIT :size OFFSET :offset""")
                .param("project", projectId).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> spending(rs))
                .list();
        return new PageOf<>(content, page, size, total);
    }

    /**
     * The construction unit records that it returned surplus funds (Art. 21): {@code 422 ART-21} for more than
     * the outstanding surplus (disbursed, not spent, not returned yet). A return may come before completion, when
     * content was dropped; the surplus figures show what is still due.
     */
    @Transactional
    public SurplusReturn recordReturn(UUID projectId, BigDecimal amount, LocalDate returnedOn) {
        Project project = checkMayRecord(projectId);
        FundingAccess.notInFuture("returnedOn", returnedOn, projects.today());
        access.lock(projectId);
        BigDecimal outstanding = SurplusPolicy.outstanding(plans.disbursedTotal(projectId), spentTotal(projectId),
                returnedTotal(projectId, false));
        RuleViolationException.throwIfAny(SurplusPolicy.checkReturn(outstanding, amount, project.approvedOn(), returnedOn));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO surplus_return (id, project_id, amount, returned_on, recorded_by, created_at)
                VALUES (:id, :project, :amount, :on, :by, :now)""")
                .param("id", id).param("project", projectId).param("amount", amount).param("on", returnedOn)
                .param("by", access.username()).param("now", Timestamp.from(access.now()))
                .update();
        audit.record("SURPLUS_RETURNED", "SurplusReturn", id.toString(), projectId,
                project.code() + " " + FundPlanPolicy.plain(amount) + " returned " + returnedOn);
        return surplusReturn(projectId, id);
    }

    /** Refuses with {@code 404} outside scope and {@code 403} for anyone but Finance. */
    @Transactional(readOnly = true)
    public Project checkMayConfirm(UUID projectId) {
        Project project = projects.get(projectId);
        access.requireFinance();
        return project;
    }

    /**
     * Finance confirms that a returned surplus arrived: {@code 409} when it was confirmed already or the version
     * is stale, {@code 422 ART-21} for a date before the return.
     */
    @Transactional
    public SurplusReturn confirmReturn(UUID projectId, UUID returnId, Long expectedVersion, LocalDate confirmedOn) {
        Project project = checkMayConfirm(projectId);
        SurplusReturn existing = surplusReturn(projectId, returnId);
        FundingAccess.notInFuture("confirmedOn", confirmedOn, projects.today());
        if (existing.confirmed() || (expectedVersion != null && expectedVersion != existing.version())) {
            throw new OptimisticLockingFailureException("surplus return " + returnId + " is at version "
                    + existing.version() + (existing.confirmed() ? ", confirmed" : ""));
        }
        RuleViolationException.throwIfAny(SurplusPolicy.checkConfirmation(existing.returnedOn(), confirmedOn));
        int updated = jdbc.sql("""
                UPDATE surplus_return SET confirmed_on = :on, confirmed_by = :by, version = version + 1
                WHERE id = :id AND version = :version AND confirmed_on IS NULL""")
                .param("on", confirmedOn).param("by", access.username()).param("id", returnId)
                .param("version", existing.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("surplus return " + returnId + " changed meanwhile");
        }
        audit.record("SURPLUS_RETURN_CONFIRMED", "SurplusReturn", returnId.toString(), projectId,
                project.code() + " " + FundPlanPolicy.plain(existing.amount()) + " confirmed " + confirmedOn);
        return surplusReturn(projectId, returnId);
    }

    /** The project's surplus returns, oldest first; {@code 404} outside scope. */
    @Transactional(readOnly = true)
    public List<SurplusReturn> returns(UUID projectId) {
        projects.get(projectId);
        return jdbc.sql("SELECT * FROM surplus_return WHERE project_id = :project ORDER BY returned_on, created_at")
                .param("project", projectId)
                .query((rs, n) -> surplusReturn(rs))
                .list();
    }

    /**
     * The construction unit replaces the split by level as a whole (Art. 25): {@code 409} for a stale version,
     * {@code 422 ART-22} while suspended, {@code ART-25} when the shares do not add up to the approved estimate
     * ({@link LevelSharePolicy}).
     */
    @Transactional
    public LevelShares replaceLevelShares(UUID projectId, Long expectedVersion, List<LevelShare> shares) {
        Project project = checkMayRecord(projectId);
        access.lock(projectId);
        LevelShares current = levelSharesOf(projectId);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new OptimisticLockingFailureException("level shares of " + projectId + " are at version " + current.version());
        }
        if (project.status() == ProjectStatus.SUSPENDED) {
            Projects.requireOpenForConstruction(project);
        }
        if (project.approvedEstimate() != null && project.status() != ProjectStatus.APPROVED
                && project.status() != ProjectStatus.UNDER_CONSTRUCTION) {
            throw new RuleViolationException(Violation.of("ART-25", "status", "violation.ART-25.status",
                    new MessageKey("enum.ProjectStatus." + project.status().name())));
        }
        List<LevelShare> cleaned = shares.stream().map(s -> new LevelShare(s.level(), s.organization().strip(),
                s.contentResponsibility().strip(), s.amount())).toList();
        RuleViolationException.throwIfAny(LevelSharePolicy.check(project.approvedEstimate(), cleaned));
        long version = current.version() + 1;
        jdbc.sql("""
                INSERT INTO level_share_set (project_id, version, recorded_by, recorded_at)
                VALUES (:project, :version, :by, :now)""")
                .param("project", projectId).param("version", version).param("by", access.username())
                .param("now", Timestamp.from(access.now()))
                .update();
        for (int i = 0; i < cleaned.size(); i++) {
            LevelShare share = cleaned.get(i);
            jdbc.sql("""
                    INSERT INTO level_share (project_id, version, position, level, organization, content_responsibility,
                        amount)
                    VALUES (:project, :version, :position, :level, :organization, :content, :amount)""")
                    .param("project", projectId).param("version", version).param("position", i)
                    .param("level", share.level().name()).param("organization", share.organization())
                    .param("content", share.contentResponsibility()).param("amount", share.amount())
                    .update();
        }
        audit.record("LEVEL_SHARES_RECORDED", "LevelShares", projectId + "/" + version, projectId,
                project.code() + " v" + version + ": " + String.join("; ", cleaned.stream()
                        .map(s -> s.level() + " " + s.organization() + " " + FundPlanPolicy.plain(s.amount())).toList()));
        return levelSharesOf(projectId);
    }

    /** The current split by level; version 0 and no shares when none was recorded. {@code 404} outside scope. */
    @Transactional(readOnly = true)
    public LevelShares levelShares(UUID projectId) {
        projects.get(projectId);
        return levelSharesOf(projectId);
    }

    /** The investment funnel and surplus of the project (Art. 21) with its split by level (Art. 25). */
    @Transactional(readOnly = true)
    public FundsSummary summary(UUID projectId) {
        Project project = projects.get(projectId);
        BigDecimal approved = project.approvedEstimate();
        BigDecimal disbursed = plans.disbursedTotal(projectId);
        BigDecimal spent = spentTotal(projectId);
        BigDecimal returned = returnedTotal(projectId, false);
        BigDecimal surplus = disbursed.subtract(spent);
        return new FundsSummary(approved, contracts.contractedTotal(projectId), plans.plannedTotal(projectId),
                disbursed, spent, returned, returnedTotal(projectId, true), surplus,
                approved == null ? null : approved.subtract(spent), surplus.subtract(returned).max(BigDecimal.ZERO),
                COMPLETED.contains(project.status()), levelSharesOf(projectId));
    }

    private void checkVoucher(UUID projectId, UUID voucherDocumentId) {
        if (voucherDocumentId == null) {
            return;
        }
        StoredDocument voucher;
        try {
            voucher = documents.get(voucherDocumentId);
        }
        catch (RecordNotFoundException e) {
            throw new InvalidInputException("voucherDocumentId", "funding.voucher.unknown");
        }
        if (!projectId.equals(voucher.projectId())) {
            throw new InvalidInputException("voucherDocumentId", "funding.voucher.unknown");
        }
    }

    private LevelShares levelSharesOf(UUID projectId) {
        List<LevelShares> sets = jdbc.sql("""
                SELECT * FROM level_share_set WHERE project_id = :project ORDER BY version DESC LIMIT 1""")
                .param("project", projectId)
                .query((rs, n) -> new LevelShares(rs.getLong("version"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant(), List.of()))
                .list();
        if (sets.isEmpty()) {
            return LevelShares.none();
        }
        LevelShares set = sets.get(0);
        List<LevelShare> shares = new ArrayList<>(jdbc.sql("""
                SELECT * FROM level_share WHERE project_id = :project AND version = :version ORDER BY position""")
                .param("project", projectId).param("version", set.version())
                .query((rs, n) -> new LevelShare(GovernmentLevel.valueOf(rs.getString("level")), rs.getString("organization"),
                        rs.getString("content_responsibility"), rs.getBigDecimal("amount")))
                .list());
        return new LevelShares(set.version(), set.recordedBy(), set.recordedAt(), shares);
    }

    private BigDecimal spentTotal(UUID projectId) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM spending WHERE project_id = :project")
                .param("project", projectId).query(BigDecimal.class).single();
    }

    private BigDecimal returnedTotal(UUID projectId, boolean confirmedOnly) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM surplus_return WHERE project_id = :project"
                + (confirmedOnly ? " AND confirmed_on IS NOT NULL" : ""))
                .param("project", projectId).query(BigDecimal.class).single();
    }

    private SurplusReturn surplusReturn(UUID projectId, UUID id) {
        return jdbc.sql("SELECT * FROM surplus_return WHERE project_id = :project AND id = :id")
                .param("project", projectId).param("id", id)
                .query((rs, n) -> surplusReturn(rs))
                .optional()
                .orElseThrow(() -> new RecordNotFoundException("SurplusReturn", id));
    }

    private static SurplusReturn surplusReturn(ResultSet rs) throws SQLException {
        return new SurplusReturn(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getBigDecimal("amount"), rs.getObject("returned_on", LocalDate.class), rs.getString("recorded_by"),
                rs.getObject("confirmed_on", LocalDate.class), rs.getString("confirmed_by"), rs.getLong("version"));
    }

    private static Spending spending(ResultSet rs) throws SQLException {
        return new Spending(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getBigDecimal("amount"), rs.getObject("spent_on", LocalDate.class), rs.getString("purpose"),
                rs.getString("contract_reference"), rs.getObject("voucher_document_id", UUID.class),
                rs.getString("recorded_by"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
