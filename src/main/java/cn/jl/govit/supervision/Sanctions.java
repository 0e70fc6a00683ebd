package cn.jl.govit.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The sanction ladder of Art. 31 and the public criticism of Art. 33, the same for the pages and the API, checked in
 * the contract's order: scope ({@code 404}), role ({@code 403}: only supervising bodies impose; only the imposing body
 * lifts), input ({@code 400}), rules ({@code 422}, {@link SanctionPolicy}). Each sanction takes effect in the same
 * transaction through the project's own verbs — Finance's further disbursements are refused while funds are
 * suspended, construction records and changes while construction is suspended, everything but reading once the
 * project is terminated — and each imposition and lifting writes its audit event. Nothing is deleted (Art. 30).
 */
@Service
public class Sanctions {

    private static final SanctionPolicy POLICY = new SanctionPolicy();

    private final JdbcClient jdbc;
    private final Projects projects;
    private final SupervisionFindings findings;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    Sanctions(JdbcClient jdbc, Projects projects, SupervisionFindings findings, CurrentUsers users,
            Notifications notifications, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.findings = findings;
        this.users = users;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller acts for a supervising body. */
    @Transactional(readOnly = true)
    public Project checkMayImpose(UUID projectId) {
        Project project = projects.get(projectId);
        if (!SupervisionDutyPolicy.isSupervisingBody(users.current())) {
            throw new AccessDeniedException("only a supervising body imposes sanctions");
        }
        return project;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller acts for the body that imposed the sanction. */
    @Transactional(readOnly = true)
    public Sanction checkMayLift(UUID id) {
        Sanction sanction = get(id);
        if (!mayLift(sanction)) {
            throw new AccessDeniedException("only the body that imposed the sanction lifts it");
        }
        return sanction;
    }

    /** Whether the signed-in user acts for the body that imposed the sanction. */
    public boolean mayLift(Sanction sanction) {
        CurrentUser user = users.current();
        return SupervisionDutyPolicy.isSupervisingBody(user) && user.organizationCode().equals(sanction.bodyOrgCode());
    }

    /** The kinds the signed-in user's body may impose on the project for a finding it or another body raised. */
    public Set<SanctionKind> kindsFor(Project project) {
        CurrentUser user = users.current();
        if (!SupervisionDutyPolicy.isSupervisingBody(user)) {
            return Set.of();
        }
        Set<SanctionKind> kinds = EnumSet.noneOf(SanctionKind.class);
        for (SanctionKind kind : SanctionKind.values()) {
            // public criticism depends on who raised the finding: the form offers it, the policy decides per finding
            if (kind == SanctionKind.PUBLIC_CRITICISM
                    || POLICY.competent(kind, user.organizationCode(), authorityOf(project), "").isEmpty()) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /**
     * Imposes a sanction citing a finding (ART-31) or a violation record (ART-33) of the project; see
     * {@link SanctionPolicy} for when and by whom. The sanction takes effect at once and the lead department and the
     * approval authority are notified.
     */
    @Transactional
    public Sanction impose(UUID projectId, SanctionRequests.NewSanction request) {
        Project project = checkMayImpose(projectId);
        if ((request.findingId() == null) == (request.violationId() == null)) {
            throw new InvalidInputException(request.findingId() == null ? "findingId" : "violationId",
                    "sanction.basis-one");
        }
        checkText(request.reason(), "reason");
        CurrentUser user = users.current();
        String body = user.organizationCode();
        String authority = authorityOf(project);
        String rule;
        if (request.findingId() != null) {
            SupervisionFinding finding = findingOf(projectId, request.findingId());
            RuleViolationException.throwIfAny(POLICY.competent(request.kind(), body, authority, finding.bodyOrgCode()));
            List<SupervisionFinding.Rectification> rounds = finding.rectifications();
            ReviewDecision last = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1).decision();
            RuleViolationException.throwIfAny(POLICY.warranted(finding.status(), finding.rectificationDue(), last,
                    projects.today()));
            rule = SanctionPolicy.RULE;
        }
        else {
            checkViolation(projectId, request.violationId());
            RuleViolationException.throwIfAny(POLICY.competent(request.kind(), body, authority, null));
            rule = SanctionPolicy.VIOLATION_RULE;
        }
        UUID basis = request.findingId() != null ? request.findingId() : request.violationId();
        List<Sanction> earlier = onBasis(basis);
        RuleViolationException.throwIfAny(POLICY.ladder(request.kind(),
                earlier.stream().filter(Sanction::active).map(Sanction::kind).toList(),
                earlier.stream().map(Sanction::kind).toList()));
        UUID id = UUID.randomUUID();
        LocalDate today = projects.today();
        String reason = request.reason().strip();
        try {
            jdbc.sql("""
                    INSERT INTO supervision_sanction (id, project_id, lead_org_code, kind, rule, finding_id, violation_id,
                        body_org_code, reason, imposed_on, imposed_by, imposed_at, status, version)
                    VALUES (:id, :p, :lead, :kind, :rule, :finding, :violation, :body, :reason, :on, :by, :at, 'ACTIVE', 0)""")
                    .param("id", id).param("p", projectId).param("lead", project.leadOrganizationCode())
                    .param("kind", request.kind().name()).param("rule", rule).param("finding", request.findingId())
                    .param("violation", request.violationId()).param("body", body).param("reason", reason)
                    .param("on", today).param("by", user.username()).param("at", Timestamp.from(clock.instant()))
                    .update();
        }
        catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("the same sanction was imposed meanwhile");
        }
        takeEffect(project, request.kind(), reason);
        audit.record("SANCTION_IMPOSED", "Sanction", id.toString(), projectId, project.code() + " " + request.kind()
                + " (" + rule + ", " + (request.findingId() != null ? "finding " + request.findingId()
                        : "violation " + request.violationId()) + ") by " + body + " — " + reason);
        Notice notice = Notice.of("sanction.notice.imposed." + request.kind().name(), link(projectId), projectId,
                "sanction:" + id, project.code(), project.name());
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF, notice);
        if (!body.equals(authority)) {
            notifications.notifyMembers(authority, Role.APPROVER, notice);
        }
        return get(id);
    }

    /**
     * The imposing body lifts a sanction in force with a reason ({@code 422} for a termination, which is final, or
     * one already lifted). Funds flow again and construction resumes only when no other sanction of that kind holds
     * the project.
     */
    @Transactional
    public Sanction lift(UUID id, SanctionRequests.Lifting request) {
        Sanction sanction = checkMayLift(id);
        checkText(request.reason(), "reason");
        RuleViolationException.throwIfAny(POLICY.liftable(sanction));
        String reason = request.reason().strip();
        int rows = jdbc.sql("""
                UPDATE supervision_sanction SET status = 'LIFTED', lifted_on = :on, lifted_reason = :reason, lifted_by = :by,
                    lifted_at = :at, version = version + 1
                WHERE id = :id AND version = :v AND status = 'ACTIVE'""")
                .param("on", projects.today()).param("reason", reason).param("by", users.current().username())
                .param("at", Timestamp.from(clock.instant())).param("id", id).param("v", sanction.version()).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("sanction " + id + " changed meanwhile");
        }
        Project project = projects.get(sanction.projectId());
        boolean stillHeld = jdbc.sql("""
                SELECT count(*) FROM supervision_sanction WHERE project_id = :p AND kind = :kind AND status = 'ACTIVE'""")
                .param("p", sanction.projectId()).param("kind", sanction.kind().name()).query(Long.class).single() > 0;
        if (!stillHeld) {
            if (sanction.kind() == SanctionKind.SUSPEND_FUNDS && project.restrictions().fundsSuspended()) {
                projects.resumeFunds(project.id(), reason);
            }
            if (sanction.kind() == SanctionKind.SUSPEND_CONSTRUCTION && project.status() == ProjectStatus.SUSPENDED
                    && SanctionPolicy.RULE.equals(project.restrictions().suspensionRule())) {
                projects.resumeAfterSanction(project.id(), reason);
            }
        }
        audit.record("SANCTION_LIFTED", "Sanction", id.toString(), sanction.projectId(),
                project.code() + " " + sanction.kind() + " lifted — " + reason);
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("sanction.notice.lifted." + sanction.kind().name(), link(project.id()), project.id(),
                        "sanction-lifted:" + id, project.code(), project.name()));
        return get(id);
    }

    /** A sanction whoever sees its project reads ({@code 404} otherwise). */
    @Transactional(readOnly = true)
    public Sanction get(UUID id) {
        Sanction sanction = jdbc.sql("SELECT * FROM supervision_sanction WHERE id = :id").param("id", id)
                .query(Sanctions::row).optional().orElseThrow(() -> new RecordNotFoundException("Sanction", id));
        if (!projects.isVisible(sanction.projectId())) {
            throw new RecordNotFoundException("Sanction", id);
        }
        return sanction;
    }

    /** The project's sanctions, latest first, lifted ones included ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<Sanction> forProject(UUID projectId) {
        projects.get(projectId);
        return jdbc.sql("SELECT * FROM supervision_sanction WHERE project_id = :p ORDER BY imposed_at DESC")
                .param("p", projectId).query(Sanctions::row).list();
    }

    /**
     * The project's open findings that warrant a sanction today (rectification refused or overdue), for the form;
     * {@code 404} outside scope.
     */
    @Transactional(readOnly = true)
    public List<SupervisionFinding> warrantingFindings(UUID projectId) {
        LocalDate today = projects.today();
        return findings.forProject(projectId).stream().filter(f -> {
            List<SupervisionFinding.Rectification> rounds = f.rectifications();
            ReviewDecision last = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1).decision();
            return POLICY.warranted(f.status(), f.rectificationDue(), last, today).isEmpty();
        }).toList();
    }

    /**
     * Sanctions across projects, latest first: the provincial bodies see all, a department its own projects'; anyone
     * else {@code 403}.
     */
    @Transactional(readOnly = true)
    public PageOf<Sanction> page(SanctionKind kind, SanctionStatus status, int page, int size) {
        CurrentUser user = users.current();
        String lead;
        if (user.readsAllProjects()) {
            lead = null;
        }
        else if (user.isDepartmentStaff()) {
            lead = user.organizationCode();
        }
        else {
            throw new AccessDeniedException("the sanctions list is for the provincial bodies and the departments");
        }
        return query(lead, kind, status, page, size);
    }

    /**
     * The public criticism notices (通报批评, Art. 31, 33), latest first: published to every signed-in user, whatever
     * the project's scope, since a notice is meant to be read; they carry the notice's text, not the finding's facts.
     * Lifted ones only on request.
     */
    @Transactional(readOnly = true)
    public PageOf<SanctionNotice> notices(boolean includeLifted, int page, int size) {
        users.current();
        PageOf<Sanction> found = query(null, SanctionKind.PUBLIC_CRITICISM, includeLifted ? null : SanctionStatus.ACTIVE,
                page, size);
        java.util.Map<UUID, Project> byId = new java.util.HashMap<>();
        return found.map(s -> {
            Project p = byId.computeIfAbsent(s.projectId(), projects::find);
            return SanctionNotice.of(s, p.code(), p.name());
        });
    }

    /** The project's violation records that a public criticism may cite (recorded, not withdrawn), for the form. */
    @Transactional(readOnly = true)
    public List<RecordedViolation> recordedViolations(UUID projectId) {
        projects.get(projectId);
        return jdbc.sql("""
                SELECT id, kind, recorded_on FROM supervision_violation WHERE project_id = :p AND status = 'RECORDED'
                ORDER BY recorded_on DESC, recorded_at DESC""")
                .param("p", projectId)
                .query((rs, n) -> new RecordedViolation(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class)))
                .list();
    }

    /** A violation record as a sanction cites it. */
    public record RecordedViolation(UUID id, String kind, LocalDate recordedOn) {
    }

    /** The project's code and name for a list or a notice, without a scope check beyond the sanction's own. */
    public Project project(UUID projectId) {
        return projects.find(projectId);
    }

    public LocalDate today() {
        return projects.today();
    }

    private PageOf<Sanction> query(String lead, SanctionKind kind, SanctionStatus status, int page, int size) {
        Paging paging = Paging.of(page, size);
        String where = " WHERE (CAST(:lead AS TEXT) IS NULL OR lead_org_code = :lead)"
                + " AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)"
                + " AND (CAST(:status AS TEXT) IS NULL OR status = :status)";
        String kindName = kind == null ? null : kind.name();
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("SELECT count(*) FROM supervision_sanction" + where).param("lead", lead)
                .param("kind", kindName).param("status", statusName).query(Long.class).single();
        List<Sanction> content = jdbc.sql("SELECT * FROM supervision_sanction" + where
                        + " ORDER BY imposed_on DESC, imposed_at DESC LIMIT :size OFFSET :offset")
                .param("lead", lead).param("kind", kindName).param("status", statusName)
                .param("size", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query(Sanctions::row).list();
        return new PageOf<>(content, paging.page(), paging.size(), total);
    }

    /** Applies the sanction through the project's verbs; a second sanction of a kind already in effect adds none. */
    private void takeEffect(Project project, SanctionKind kind, String reason) {
        switch (kind) {
            case PUBLIC_CRITICISM -> {
                // published in the notice list; it restricts nothing
            }
            case SUSPEND_FUNDS -> {
                if (!project.restrictions().fundsSuspended()) {
                    projects.suspendFunds(project.id(), reason);
                }
            }
            case SUSPEND_CONSTRUCTION -> {
                boolean already = project.status() == ProjectStatus.SUSPENDED
                        && SanctionPolicy.RULE.equals(project.restrictions().suspensionRule());
                if (!already) {
                    projects.suspendUnderSanction(project.id(), reason);
                }
            }
            case TERMINATE -> projects.terminate(project.id(), reason);
        }
    }

    private SupervisionFinding findingOf(UUID projectId, UUID findingId) {
        SupervisionFinding finding;
        try {
            finding = findings.get(findingId);
        }
        catch (RecordNotFoundException e) {
            throw new InvalidInputException("findingId", "sanction.finding.unknown", findingId.toString());
        }
        if (!finding.projectId().equals(projectId)) {
            throw new InvalidInputException("findingId", "sanction.finding.unknown", findingId.toString());
        }
        return finding;
    }

    private void checkViolation(UUID projectId, UUID violationId) {
        String status = jdbc.sql("SELECT status FROM supervision_violation WHERE id = :id AND project_id = :p")
                .param("id", violationId).param("p", projectId).query(String.class).optional()
                .orElseThrow(() -> new InvalidInputException("violationId", "sanction.violation.unknown",
                        violationId.toString()));
        if (!"RECORDED".equals(status)) {
            throw new RuleViolationException(cn.jl.govit.rulebook.Violation.of(SanctionPolicy.VIOLATION_RULE,
                    "violationId", "violation.ART-33.violation-withdrawn"));
        }
    }

    private List<Sanction> onBasis(UUID basis) {
        return jdbc.sql("""
                SELECT * FROM supervision_sanction WHERE coalesce(finding_id, violation_id) = :basis
                ORDER BY imposed_at FOR UPDATE""")
                .param("basis", basis).query(Sanctions::row).list();
    }

    private static String authorityOf(Project project) {
        return project.approvalAuthority().organizationCode();
    }


    private static void checkText(String value, String field) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(field, "problem.field.invalid");
        }
    }

    private static String link(UUID projectId) {
        return "/projects/" + projectId + "/sanctions";
    }

    private static Sanction row(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("imposed_at");
        return new Sanction(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("lead_org_code"), SanctionKind.valueOf(rs.getString("kind")), rs.getString("rule"),
                rs.getObject("finding_id", UUID.class), rs.getObject("violation_id", UUID.class),
                rs.getString("body_org_code"), rs.getString("reason"), rs.getObject("imposed_on", LocalDate.class),
                rs.getString("imposed_by"), at.toInstant(), SanctionStatus.valueOf(rs.getString("status")),
                rs.getObject("lifted_on", LocalDate.class), rs.getString("lifted_reason"), rs.getString("lifted_by"),
                rs.getLong("version"));
    }
}
