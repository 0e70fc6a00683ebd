package cn.jl.govit.supervision;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.document.Documents;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.obligation.Obligation;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The use cases of supervision findings (Art. 31) and their rectification, the same for the pages and the API,
 * checked in the contract's order: scope ({@code 404}), role ({@code 403}: a supervising body raises, reviews and
 * withdraws its own findings; the construction unit answers), input ({@code 400}), version ({@code 409}), rules
 * ({@code 422 ART-31}: a body only in its duty areas). Every change writes one audit event in its transaction.
 * Nothing is deleted (Art. 30).
 * <p>
 * One flow for every source: a body's inspection (DIRECT), the approval authority's rectification opinion on an
 * evaluation (EVALUATION, Art. 32; the evaluation module checks its record through
 * {@link SupervisionFindingReferences}) and an overdue obligation a body cites (OBLIGATION).
 */
@Service
public class SupervisionFindings {

    private final JdbcClient jdbc;
    private final Projects projects;
    private final CurrentUsers users;
    private final SupervisionRules rules;
    private final Obligations obligations;
    private final Notifications notifications;
    private final Documents documents;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<SupervisionFindingReferences> references;

    SupervisionFindings(JdbcClient jdbc, Projects projects, CurrentUsers users, SupervisionRules rules,
            Obligations obligations, Notifications notifications, Documents documents, AuditLog audit, Clock clock,
            ObjectProvider<SupervisionFindingReferences> references) {
        this.references = references;
        this.jdbc = jdbc;
        this.projects = projects;
        this.users = users;
        this.rules = rules;
        this.obligations = obligations;
        this.notifications = notifications;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The duty areas of the signed-in user's body; empty unless the user acts for a supervising body. */
    public List<SupervisionArea> myAreas() {
        CurrentUser user = users.current();
        return SupervisionDutyPolicy.isSupervisingBody(user) ? rules.policy().areasOf(user.organizationCode()) : List.of();
    }

    /** {@code 404} outside scope, {@code 403} unless the caller acts for a supervising body. */
    @Transactional(readOnly = true)
    public Project checkMayRaise(UUID projectId) {
        return checkMayRaise(projectId, SupervisionFindingSource.DIRECT);
    }

    /**
     * {@code 404} outside scope, {@code 403} unless the caller acts for a supervising body — for a finding from an
     * evaluation, for the project's approval authority.
     */
    @Transactional(readOnly = true)
    public Project checkMayRaise(UUID projectId, SupervisionFindingSource source) {
        Project project = projects.get(projectId);
        CurrentUser user = users.current();
        if (!SupervisionDutyPolicy.isSupervisingBody(user) || !rules.policy().mayRaiseFrom(source == null ? SupervisionFindingSource.DIRECT : source,
                user.organizationCode(), project.approvalAuthority().organizationCode())) {
            throw new AccessDeniedException(source == SupervisionFindingSource.EVALUATION
                    ? "only the project's approval authority raises findings from evaluations"
                    : "only a supervising body raises findings");
        }
        return project;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the construction unit of the finding's project. */
    @Transactional(readOnly = true)
    public SupervisionFinding checkMayRectify(UUID id) {
        SupervisionFinding finding = get(id);
        projects.requireConstructionUnit(projects.get(finding.projectId()));
        return finding;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller acts for the body that raised the finding. */
    @Transactional(readOnly = true)
    public SupervisionFinding checkMayReview(UUID id) {
        SupervisionFinding finding = get(id);
        if (!isRaiser(finding)) {
            throw new AccessDeniedException("only the body that raised the finding reviews or withdraws it");
        }
        return finding;
    }

    /** Whether the signed-in user acts for the body that raised the finding. */
    public boolean isRaiser(SupervisionFinding finding) {
        CurrentUser user = users.current();
        return SupervisionDutyPolicy.isSupervisingBody(user) && user.organizationCode().equals(finding.bodyOrgCode());
    }

    /** Whether the signed-in user answers findings of this project. */
    public boolean isUnit(Project project) {
        return projects.isConstructionUnit(project);
    }

    /**
     * A body raises a finding in one of its duty areas ({@code 422 ART-31} otherwise); the deadline not in the past
     * ({@code 400}), by default the rectification window after today. Opens the lead department's RECTIFICATION
     * obligation and notifies its staff.
     */
    @Transactional
    public SupervisionFinding raise(UUID projectId, SupervisionRequests.NewFinding request) {
        SupervisionFindingSource source = request.sourceOrDefault();
        Project project = checkMayRaise(projectId, source);
        LocalDate today = projects.today();
        List<FieldError> errors = new ArrayList<>();
        SupervisionArea area = request.area() != null ? request.area() : SupervisionDutyPolicy.defaultArea(source);
        if (area == null) {
            errors.add(new FieldError("area", "problem.field.required", List.of()));
        }
        if (source == SupervisionFindingSource.DIRECT && request.sourceRef() != null) {
            errors.add(new FieldError("sourceRef", "supervision.source-ref.unexpected", List.of()));
        }
        if (source != SupervisionFindingSource.DIRECT && request.sourceRef() == null) {
            errors.add(new FieldError("sourceRef", "problem.field.required", List.of()));
        }
        if (request.rectificationDue() != null && request.rectificationDue().isBefore(today)) {
            errors.add(new FieldError("rectificationDue", "supervision.due-past",
                    List.of(request.rectificationDue().toString(), today.toString())));
        }
        checkDocuments(projectId, "evidenceDocumentIds", request.evidenceDocumentIds(), errors);
        checkText(request.facts(), "facts", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CurrentUser user = users.current();
        SupervisionDutyPolicy policy = rules.policy();
        RuleViolationException.throwIfAny(policy.mayRaise(user.organizationCode(), area));
        RuleViolationException.throwIfAny(policy.evaluationInPerformance(source, area));
        if (source == SupervisionFindingSource.EVALUATION) {
            SupervisionFindingReferences check = references.getIfAvailable();
            if (check == null) {
                throw new InvalidInputException("sourceRef", "supervision.source-ref.unknown", request.sourceRef());
            }
            check.checkEvaluation(projectId, request.sourceRef());
        }
        else if (source == SupervisionFindingSource.OBLIGATION) {
            Obligation cited = obligations.forProject(projectId).stream()
                    .filter(o -> o.id().equals(request.sourceRef())).findFirst().orElse(null);
            RuleViolationException.throwIfAny(cited == null
                    ? policy.citedObligation(projectId, null, false, today, today)
                    : policy.citedObligation(projectId, cited.projectId(), cited.pending(), cited.dueDate(), today));
        }
        LocalDate due = policy.rectificationDue(today, request.rectificationDue());
        UUID id = UUID.randomUUID();
        String subject = SupervisionFinding.subjectOf(id);
        try {
            jdbc.sql("""
                    INSERT INTO supervision_finding (id, project_id, lead_org_code, body_org_code, area, source, source_ref,
                        facts, evidence, raised_on, rectification_due, obligation_subject, status, rounds, raised_by,
                        raised_at, version)
                    VALUES (:id, :p, :lead, :body, :area, :source, :ref, :facts, :evidence, :on, :due, :subject, 'OPEN',
                        0, :by, :at, 0)""")
                    .param("id", id).param("p", projectId).param("lead", project.leadOrganizationCode())
                    .param("body", user.organizationCode()).param("area", area.name())
                    .param("source", source.name()).param("ref", request.sourceRef())
                    .param("facts", request.facts().strip()).param("evidence", ids(request.evidenceDocumentIds()))
                    .param("on", today).param("due", due).param("subject", subject).param("by", user.username())
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        catch (DuplicateKeyException e) {
            // two findings of one project whose ids share the first eight hex digits: vanishingly rare, retry
            throw new OptimisticLockingFailureException("finding subject " + subject + " taken, please retry");
        }
        obligations.open(projectId, ObligationType.RECTIFICATION, subject, due, null,
                source == SupervisionFindingSource.EVALUATION ? SupervisionDutyPolicy.EVALUATION_RULE : SupervisionDutyPolicy.RULE,
                project.leadOrganizationCode());
        audit.record("SUPERVISION_FINDING_RAISED", "SupervisionFinding", id.toString(), projectId,
                project.code() + " " + subject + " " + area + " from " + source
                        + (request.sourceRef() == null ? "" : " " + request.sourceRef()) + " by "
                        + user.organizationCode() + ", due " + due);
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("supervision.notice.raised", link(projectId), projectId, "supervision-finding:" + id,
                        project.code(), subject, due.toString()));
        return get(id);
    }

    /**
     * The unit reports its rectification of an open finding ({@code 422 ART-31} otherwise), done on a day not in the
     * future ({@code 400}) nor before the finding ({@code 422}).
     */
    @Transactional
    public SupervisionFinding rectify(UUID id, SupervisionRequests.Rectification request) {
        SupervisionFinding finding = checkMayRectify(id);
        Project project = projects.get(finding.projectId());
        LocalDate today = projects.today();
        List<FieldError> errors = new ArrayList<>();
        if (request.rectifiedOn().isAfter(today)) {
            errors.add(new FieldError("rectifiedOn", "date.future",
                    List.of(request.rectifiedOn().toString(), today.toString())));
        }
        checkDocuments(finding.projectId(), "evidenceDocumentIds", request.evidenceDocumentIds(), errors);
        checkText(request.summary(), "summary", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        SupervisionDutyPolicy policy = rules.policy();
        RuleViolationException.throwIfAny(policy.answerable(finding.status()));
        RuleViolationException.throwIfAny(policy.rectifiedAfterRaised(finding.raisedOn(), request.rectifiedOn()));
        int round = finding.rounds() + 1;
        update(finding, FindingStatus.RECTIFIED, round, null);
        jdbc.sql("""
                INSERT INTO supervision_rectification (finding_id, round, rectified_on, summary, evidence, reported_by,
                    reported_at)
                VALUES (:id, :round, :on, :summary, :evidence, :by, :at)""")
                .param("id", id).param("round", round).param("on", request.rectifiedOn())
                .param("summary", request.summary().strip()).param("evidence", ids(request.evidenceDocumentIds()))
                .param("by", users.current().username()).param("at", Timestamp.from(clock.instant())).update();
        audit.record("SUPERVISION_FINDING_RECTIFIED", "SupervisionFinding", id.toString(), finding.projectId(),
                project.code() + " " + finding.obligationSubject() + " round " + round);
        notifications.notifyMembers(finding.bodyOrgCode(), bodyRole(finding.bodyOrgCode()),
                Notice.of("supervision.notice.rectified", link(project.id()), project.id(), null, project.code(),
                        finding.obligationSubject()));
        return get(id);
    }

    /**
     * The raising body reviews the reported rectification ({@code 422 ART-31} unless one awaits review): accepted
     * closes the finding and meets its obligation; rejected needs an opinion ({@code 400}) and opens it again, the
     * obligation staying pending.
     */
    @Transactional
    public SupervisionFinding review(UUID id, SupervisionRequests.Review request) {
        SupervisionFinding finding = checkMayReview(id);
        Project project = projects.get(finding.projectId());
        boolean accepted = request.decision() == ReviewDecision.ACCEPTED;
        String opinion = request.opinion() == null || request.opinion().isBlank() ? null : request.opinion().strip();
        if (!accepted && opinion == null) {
            throw new InvalidInputException("opinion", "problem.field.required");
        }
        List<FieldError> errors = new ArrayList<>();
        checkText(opinion, "opinion", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        RuleViolationException.throwIfAny(rules.policy().reviewable(finding.status()));
        LocalDate today = projects.today();
        update(finding, accepted ? FindingStatus.CLOSED : FindingStatus.OPEN, finding.rounds(), accepted ? today : null);
        jdbc.sql("""
                INSERT INTO supervision_review (finding_id, round, decision, opinion, reviewed_by, reviewed_on, reviewed_at)
                VALUES (:id, :round, :decision, :opinion, :by, :on, :at)""")
                .param("id", id).param("round", finding.rounds()).param("decision", request.decision().name())
                .param("opinion", opinion).param("by", users.current().username()).param("on", today)
                .param("at", Timestamp.from(clock.instant())).update();
        if (accepted) {
            obligations.meet(finding.projectId(), ObligationType.RECTIFICATION, finding.obligationSubject(), today);
        }
        audit.record(accepted ? "SUPERVISION_FINDING_CLOSED" : "SUPERVISION_FINDING_REOPENED", "SupervisionFinding",
                id.toString(), finding.projectId(), project.code() + " " + finding.obligationSubject() + " round "
                        + finding.rounds() + (opinion == null ? "" : " — " + opinion));
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of(accepted ? "supervision.notice.closed" : "supervision.notice.reopened", link(project.id()),
                        project.id(), null, project.code(), finding.obligationSubject()));
        return get(id);
    }

    /**
     * The raising body withdraws an unsettled finding with a reason ({@code 422 ART-31} once closed or withdrawn):
     * it stays listed with its history (Art. 30) and its obligation is waived.
     */
    @Transactional
    public SupervisionFinding withdraw(UUID id, SupervisionRequests.Withdrawal request) {
        SupervisionFinding finding = checkMayReview(id);
        Project project = projects.get(finding.projectId());
        List<FieldError> errors = new ArrayList<>();
        checkText(request.reason(), "reason", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        RuleViolationException.throwIfAny(rules.policy().withdrawable(finding.status()));
        LocalDate today = projects.today();
        int rows = jdbc.sql("""
                UPDATE supervision_finding SET status = 'WITHDRAWN', withdrawn_reason = :reason, withdrawn_on = :on,
                    version = version + 1 WHERE id = :id AND version = :v""")
                .param("reason", request.reason().strip()).param("on", today).param("id", id)
                .param("v", finding.version()).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("supervision finding " + id + " changed meanwhile");
        }
        obligations.waive(finding.projectId(), ObligationType.RECTIFICATION, finding.obligationSubject(),
                "finding withdrawn: " + request.reason().strip());
        audit.record("SUPERVISION_FINDING_WITHDRAWN", "SupervisionFinding", id.toString(), finding.projectId(),
                project.code() + " " + finding.obligationSubject() + " — " + request.reason().strip());
        return get(id);
    }

    /** The deadline a finding raised today gets when the body names none. */
    public LocalDate defaultRectificationDue() {
        return rules.policy().rectificationDue(projects.today(), null);
    }

    /** A finding whoever sees its project reads ({@code 404} otherwise). */
    @Transactional(readOnly = true)
    public SupervisionFinding get(UUID id) {
        SupervisionFinding finding = jdbc.sql("SELECT * FROM supervision_finding WHERE id = :id").param("id", id)
                .query(this::row).optional().orElseThrow(() -> new RecordNotFoundException("SupervisionFinding", id));
        if (!projects.isVisible(finding.projectId())) {
            throw new RecordNotFoundException("SupervisionFinding", id);
        }
        return withRectifications(List.of(finding)).get(0);
    }

    /** The project's findings, latest first, withdrawn ones included ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<SupervisionFinding> forProject(UUID projectId) {
        projects.get(projectId);
        return withRectifications(jdbc.sql("""
                SELECT * FROM supervision_finding WHERE project_id = :p ORDER BY raised_on DESC, raised_at DESC""")
                .param("p", projectId).query(this::row).list());
    }

    /**
     * Findings across projects, latest first: the provincial bodies (who read every project) see all, a department
     * its own projects' findings; anyone else {@code 403}. {@code overdueOnly} keeps open findings past their due date.
     */
    @Transactional(readOnly = true)
    public PageOf<SupervisionFinding> page(FindingStatus status, SupervisionArea area, boolean overdueOnly, int page,
            int size) {
        return page(status, area, overdueOnly, null, page, size);
    }

    /** As {@link #page(FindingStatus, SupervisionArea, boolean, int, int)}, also filtered by source when given. */
    @Transactional(readOnly = true)
    public PageOf<SupervisionFinding> page(FindingStatus status, SupervisionArea area, boolean overdueOnly,
            SupervisionFindingSource source, int page, int size) {
        CurrentUser user = users.current();
        Paging paging = Paging.of(page, size);
        String lead;
        if (user.readsAllProjects()) {
            lead = null;
        }
        else if (user.isDepartmentStaff()) {
            lead = user.organizationCode();
        }
        else {
            throw new AccessDeniedException("the findings list is for the provincial bodies and the departments");
        }
        String where = " WHERE (CAST(:lead AS TEXT) IS NULL OR lead_org_code = :lead)"
                + " AND (CAST(:status AS TEXT) IS NULL OR status = :status)"
                + " AND (CAST(:area AS TEXT) IS NULL OR area = :area)"
                + " AND (CAST(:source AS TEXT) IS NULL OR source = :source)"
                + (overdueOnly ? " AND status = 'OPEN' AND rectification_due < :today" : "");
        LocalDate today = projects.today();
        String sourceName = source == null ? null : source.name();
        long total = jdbc.sql("SELECT count(*) FROM supervision_finding" + where).param("lead", lead)
                .param("source", sourceName)
                .param("status", status == null ? null : status.name()).param("area", area == null ? null : area.name())
                .param("today", today).query(Long.class).single();
        List<SupervisionFinding> content = jdbc.sql("SELECT * FROM supervision_finding" + where
                        + " ORDER BY raised_on DESC, raised_at DESC LIMIT :size OFFSET :offset")
                .param("lead", lead).param("source", sourceName).param("status", status == null ? null : status.name())
                .param("area", area == null ? null : area.name()).param("today", today)
                .param("size", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query(this::row).list();
        return new PageOf<>(withRectifications(content), paging.page(), paging.size(), total);
    }

    /** The project's code and name for a list, without a scope check beyond the finding's own. */
    public Project project(UUID projectId) {
        return projects.find(projectId);
    }

    public LocalDate today() {
        return projects.today();
    }

    /**
     * The project's obligations by id, for naming the one a finding cites ({@code 404} outside scope). An
     * obligation a body may cite is one of these that is pending and past its due date today.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Obligation> obligationsOf(UUID projectId) {
        Map<UUID, Obligation> byId = new java.util.LinkedHashMap<>();
        obligations.forProject(projectId).forEach(o -> byId.put(o.id(), o));
        return byId;
    }

    /** The project's obligations that are overdue today, the ones a body may cite in a finding. */
    @Transactional(readOnly = true)
    public List<Obligation> overdueObligations(UUID projectId) {
        LocalDate today = projects.today();
        return obligations.forProject(projectId).stream()
                .filter(o -> rules.policy().citedObligation(projectId, o.projectId(), o.pending(), o.dueDate(), today).isEmpty())
                .toList();
    }


    /** The role in which a body's members act on findings (the demo and real users of each body). */
    private static Role bodyRole(String organizationCode) {
        return switch (organizationCode) {
            case OrganizationCodes.FINANCE -> Role.FINANCE_OFFICER;
            case OrganizationCodes.AUDIT -> Role.AUDITOR;
            case OrganizationCodes.ARCHIVES -> Role.ARCHIVIST;
            case OrganizationCodes.DIGITAL_BUREAU, OrganizationCodes.DEVELOPMENT_REFORM -> Role.APPROVER;
            default -> Role.SUPERVISOR;
        };
    }

    private static String link(UUID projectId) {
        return "/projects/" + projectId + "/findings";
    }

    private void checkDocuments(UUID projectId, String field, List<UUID> ids, List<FieldError> errors) {
        if (ids == null) {
            return;
        }
        var seen = new HashSet<UUID>();
        for (int i = 0; i < ids.size(); i++) {
            UUID documentId = ids.get(i);
            boolean ours;
            try {
                ours = documentId != null && documents.get(documentId).projectId().equals(projectId);
            }
            catch (RecordNotFoundException e) {
                ours = false;
            }
            if (!ours) {
                errors.add(new FieldError(field + "[" + i + "]", "supervision.document.unknown",
                        List.of(String.valueOf(documentId))));
            }
            else if (!seen.add(documentId)) {
                errors.add(new FieldError(field + "[" + i + "]", "supervision.document.duplicate", List.of()));
            }
        }
    }

    private static void checkText(String value, String field, List<FieldError> errors) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            errors.add(new FieldError(field, "problem.field.invalid", List.of()));
        }
    }

    private static UUID[] ids(List<UUID> ids) {
        return ids == null ? new UUID[0] : ids.toArray(UUID[]::new);
    }

    private List<SupervisionFinding> withRectifications(List<SupervisionFinding> findings) {
        if (findings.isEmpty()) {
            return findings;
        }
        Map<UUID, List<SupervisionFinding.Rectification>> byFinding = jdbc.sql("""
                SELECT r.*, v.decision, v.opinion, v.reviewed_by, v.reviewed_on
                  FROM supervision_rectification r
                  LEFT JOIN supervision_review v ON v.finding_id = r.finding_id AND v.round = r.round
                 WHERE r.finding_id IN (:ids) ORDER BY r.round""")
                .param("ids", findings.stream().map(SupervisionFinding::id).toList())
                .query((rs, n) -> Map.entry(rs.getObject("finding_id", UUID.class), new SupervisionFinding.Rectification(
                        rs.getInt("round"), rs.getObject("rectified_on", LocalDate.class), rs.getString("summary"),
                        uuids(rs.getArray("evidence")), rs.getString("reported_by"),
                        rs.getTimestamp("reported_at").toInstant(),
                        rs.getString("decision") == null ? null : ReviewDecision.valueOf(rs.getString("decision")),
                        rs.getString("opinion"), rs.getString("reviewed_by"), rs.getObject("reviewed_on", LocalDate.class))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return findings.stream().map(f -> f.with(byFinding.getOrDefault(f.id(), List.of()))).toList();
    }

    private void update(SupervisionFinding finding, FindingStatus status, int rounds, LocalDate closedOn) {
        int rows = jdbc.sql("UPDATE supervision_finding SET status = :status, rounds = :rounds, closed_on = :closed, "
                        + "version = version + 1 WHERE id = :id AND version = :v")
                .param("status", status.name()).param("rounds", rounds).param("closed", closedOn)
                .param("id", finding.id()).param("v", finding.version()).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("supervision finding " + finding.id() + " changed meanwhile");
        }
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    private SupervisionFinding row(ResultSet rs, int n) throws SQLException {
        FindingStatus status = FindingStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("rectification_due", LocalDate.class);
        return new SupervisionFinding(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("lead_org_code"), rs.getString("body_org_code"),
                SupervisionArea.valueOf(rs.getString("area")), SupervisionFindingSource.valueOf(rs.getString("source")),
                rs.getObject("source_ref", UUID.class), rs.getString("facts"), uuids(rs.getArray("evidence")),
                rs.getObject("raised_on", LocalDate.class), due, rs.getString("obligation_subject"), status,
                rs.getInt("rounds"), rs.getObject("closed_on", LocalDate.class), rs.getString("withdrawn_reason"),
                rs.getObject("withdrawn_on", LocalDate.class), rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(), rs.getLong("version"),
                SupervisionDutyPolicy.overdue(status, due, projects.today()), List.of());
    }
}
