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
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
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
 * The use cases of violation records (Art. 33, 34) and their referrals, the same for the pages and the API, checked
 * in the contract's order: scope ({@code 404}), role ({@code 403}: see {@link ViolationRecordPolicy}; only the
 * recording body refers or withdraws), input ({@code 400}), version ({@code 409}), rules ({@code 422 ART-33/34}).
 * Every change writes one audit event in its transaction and tells the lead department. Nothing is deleted
 * (Art. 30): a record made in error is withdrawn with a reason, referrals are append-only.
 */
@Service
public class ViolationRecords {

    private final JdbcClient jdbc;
    private final Projects projects;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final Documents documents;
    private final AuditLog audit;
    private final Clock clock;

    ViolationRecords(JdbcClient jdbc, Projects projects, CurrentUsers users, Notifications notifications,
            Documents documents, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.users = users;
        this.notifications = notifications;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in user's standing towards the project's records (no scope check). */
    public ViolationRecordPolicy.Standing standing(Project project) {
        return users.find().map(u -> ViolationRecordPolicy.standing(u.organizationCode(), u.has(Role.APPROVER),
                SupervisionDutyPolicy.isSupervisingBody(u), project.approvalAuthority().organizationCode()))
                .orElse(ViolationRecordPolicy.Standing.NONE);
    }

    /** {@code 404} outside scope, {@code 403} without standing (departments, experts, the Leading Group). */
    @Transactional(readOnly = true)
    public Project checkMayRecord(UUID projectId) {
        Project project = projects.get(projectId);
        if (!ViolationRecordPolicy.mayRecordAny(standing(project))) {
            throw new AccessDeniedException("only the approval authority or a supervising body records violations");
        }
        return project;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller acts for the body that made the record. */
    @Transactional(readOnly = true)
    public ViolationRecord checkMayAct(UUID id) {
        ViolationRecord record = get(id);
        if (!isRecorder(record)) {
            throw new AccessDeniedException("only the body that made the record refers or withdraws it");
        }
        return record;
    }

    /** Whether the signed-in user acts for the body that made the record. */
    public boolean isRecorder(ViolationRecord record) {
        return users.find().filter(SupervisionDutyPolicy::isSupervisingBody)
                .map(u -> u.organizationCode().equals(record.bodyOrgCode())).orElse(false);
    }

    /** The kinds the signed-in user may record on the project: all for its authority, misconduct for other bodies. */
    public List<ViolationKind> kindsFor(Project project) {
        ViolationRecordPolicy.Standing standing = standing(project);
        return List.of(ViolationKind.values()).stream()
                .filter(k -> ViolationRecordPolicy.mayRecordAny(standing) && ViolationRecordPolicy.mayRecord(standing, k).isEmpty())
                .toList();
    }

    /**
     * Records a violation of the project ({@code 422 ART-33} for an Art. 33 kind unless the caller is the project's
     * approval authority); the day it occurred is not in the future ({@code 400}) nor before the project was
     * proposed ({@code 422}). Tells the lead department.
     */
    @Transactional
    public ViolationRecord record(UUID projectId, ViolationRequests.NewViolation request) {
        Project project = checkMayRecord(projectId);
        LocalDate today = projects.today();
        List<FieldError> errors = new ArrayList<>();
        if (ViolationRecordPolicy.inFuture(request.occurredOn(), today)) {
            errors.add(new FieldError("occurredOn", "date.future", List.of(request.occurredOn().toString(), today.toString())));
        }
        checkDocuments(projectId, request.evidenceDocumentIds(), errors);
        checkText(request.facts(), "facts", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ViolationKind kind = request.kind();
        RuleViolationException.throwIfAny(ViolationRecordPolicy.mayRecord(standing(project), kind));
        RuleViolationException.throwIfAny(ViolationRecordPolicy.occurredAfterProposal(kind, request.occurredOn(),
                LocalDate.ofInstant(project.createdAt(), Projects.ZONE)));
        CurrentUser user = users.current();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO supervision_violation (id, project_id, lead_org_code, body_org_code, kind, facts, evidence,
                    occurred_on, recorded_on, status, recorded_by, recorded_at, version)
                VALUES (:id, :p, :lead, :body, :kind, :facts, :evidence, :occurred, :on, 'RECORDED', :by, :at, 0)""")
                .param("id", id).param("p", projectId).param("lead", project.leadOrganizationCode())
                .param("body", user.organizationCode()).param("kind", kind.name())
                .param("facts", request.facts().strip()).param("evidence", ids(request.evidenceDocumentIds()))
                .param("occurred", request.occurredOn()).param("on", today).param("by", user.username())
                .param("at", Timestamp.from(clock.instant())).update();
        audit.record("VIOLATION_RECORDED", "ViolationRecord", id.toString(), projectId,
                project.code() + " " + kind + " (" + kind.rule() + ") occurred " + request.occurredOn() + " by "
                        + user.organizationCode());
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("violation.notice.recorded", link(projectId), projectId, "violation:" + id, project.code()));
        return get(id);
    }

    /**
     * The recording body refers its standing record to a competent body ({@code 422} once withdrawn), on a day not
     * in the future ({@code 400}) nor before the violation occurred ({@code 422}). Referrals are numbered in order.
     */
    @Transactional
    public ViolationRecord refer(UUID id, ViolationRequests.Referral request) {
        ViolationRecord record = checkMayAct(id);
        Project project = projects.get(record.projectId());
        LocalDate today = projects.today();
        List<FieldError> errors = new ArrayList<>();
        if (request.referredOn().isAfter(today)) {
            errors.add(new FieldError("referredOn", "date.future", List.of(request.referredOn().toString(), today.toString())));
        }
        checkText(request.referredTo(), "referredTo", errors);
        checkText(request.matter(), "matter", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        RuleViolationException.throwIfAny(ViolationRecordPolicy.referable(record.kind(), record.status()));
        RuleViolationException.throwIfAny(ViolationRecordPolicy.referredAfterOccurred(record.kind(),
                record.occurredOn(), request.referredOn()));
        // the version guards the numbering: two referrals at once cannot take the same number unseen
        bump(record);
        int seq = record.referrals().size() + 1;
        try {
            jdbc.sql("""
                    INSERT INTO supervision_referral (violation_id, seq, referred_to, matter, referred_on, referred_by,
                        referred_at)
                    VALUES (:id, :seq, :to, :matter, :on, :by, :at)""")
                    .param("id", id).param("seq", seq).param("to", request.referredTo().strip())
                    .param("matter", request.matter().strip()).param("on", request.referredOn())
                    .param("by", users.current().username()).param("at", Timestamp.from(clock.instant())).update();
        }
        catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("violation record " + id + " referred meanwhile");
        }
        audit.record("VIOLATION_REFERRED", "ViolationRecord", id.toString(), record.projectId(),
                project.code() + " " + record.kind() + " referral " + seq + " to " + request.referredTo().strip()
                        + " on " + request.referredOn());
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("violation.notice.referred", link(project.id()), project.id(), null, project.code(),
                        request.referredTo().strip()));
        return get(id);
    }

    /** The recording body withdraws its record with a reason ({@code 422} once withdrawn); it stays visible. */
    @Transactional
    public ViolationRecord withdraw(UUID id, ViolationRequests.Withdrawal request) {
        ViolationRecord record = checkMayAct(id);
        Project project = projects.get(record.projectId());
        List<FieldError> errors = new ArrayList<>();
        checkText(request.reason(), "reason", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        RuleViolationException.throwIfAny(ViolationRecordPolicy.withdrawable(record.kind(), record.status()));
        int rows = jdbc.sql("""
                UPDATE supervision_violation SET status = 'WITHDRAWN', withdrawn_reason = :reason, withdrawn_on = :on,
                    version = version + 1 WHERE id = :id AND version = :v""")
                .param("reason", request.reason().strip()).param("on", projects.today()).param("id", id)
                .param("v", record.version()).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("violation record " + id + " changed meanwhile");
        }
        audit.record("VIOLATION_WITHDRAWN", "ViolationRecord", id.toString(), record.projectId(),
                project.code() + " " + record.kind() + " — " + request.reason().strip());
        notifications.notifyMembers(project.leadOrganizationCode(), Role.DEPARTMENT_STAFF,
                Notice.of("violation.notice.withdrawn", link(project.id()), project.id(), null, project.code()));
        return get(id);
    }

    /** A record whoever sees its project reads ({@code 404} otherwise). */
    @Transactional(readOnly = true)
    public ViolationRecord get(UUID id) {
        ViolationRecord record = jdbc.sql("SELECT * FROM supervision_violation WHERE id = :id").param("id", id)
                .query(this::row).optional().orElseThrow(() -> new RecordNotFoundException("ViolationRecord", id));
        if (!projects.isVisible(record.projectId())) {
            throw new RecordNotFoundException("ViolationRecord", id);
        }
        return withReferrals(List.of(record)).get(0);
    }

    /** The project's records, latest first, withdrawn ones included ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<ViolationRecord> forProject(UUID projectId) {
        projects.get(projectId);
        return withReferrals(jdbc.sql("""
                SELECT * FROM supervision_violation WHERE project_id = :p ORDER BY recorded_on DESC, recorded_at DESC""")
                .param("p", projectId).query(this::row).list());
    }

    /**
     * Records across projects, latest first: the provincial bodies see all, a department its own projects' records;
     * anyone else {@code 403}.
     */
    @Transactional(readOnly = true)
    public PageOf<ViolationRecord> page(ViolationKind kind, ViolationStatus status, int page, int size) {
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
            throw new AccessDeniedException("the violation records are for the provincial bodies and the departments");
        }
        String where = " WHERE (CAST(:lead AS TEXT) IS NULL OR lead_org_code = :lead)"
                + " AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)"
                + " AND (CAST(:status AS TEXT) IS NULL OR status = :status)";
        String kindName = kind == null ? null : kind.name();
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("SELECT count(*) FROM supervision_violation" + where).param("lead", lead)
                .param("kind", kindName).param("status", statusName).query(Long.class).single();
        List<ViolationRecord> content = jdbc.sql("SELECT * FROM supervision_violation" + where
                        + " ORDER BY recorded_on DESC, recorded_at DESC, id LIMIT :size OFFSET :offset")
                .param("lead", lead).param("kind", kindName).param("status", statusName)
                .param("size", paging.size()).param("offset", (long) paging.page() * paging.size())
                .query(this::row).list();
        return new PageOf<>(withReferrals(content), paging.page(), paging.size(), total);
    }

    /** The project's code and name for a list, without a scope check beyond the record's own. */
    public Project project(UUID projectId) {
        return projects.find(projectId);
    }

    public LocalDate today() {
        return projects.today();
    }


    private static String link(UUID projectId) {
        return "/projects/" + projectId + "/violations";
    }

    private void bump(ViolationRecord record) {
        int rows = jdbc.sql("UPDATE supervision_violation SET version = version + 1 WHERE id = :id AND version = :v")
                .param("id", record.id()).param("v", record.version()).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("violation record " + record.id() + " changed meanwhile");
        }
    }

    private void checkDocuments(UUID projectId, List<UUID> ids, List<FieldError> errors) {
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
                errors.add(new FieldError("evidenceDocumentIds[" + i + "]", "violation.document.unknown",
                        List.of(String.valueOf(documentId))));
            }
            else if (!seen.add(documentId)) {
                errors.add(new FieldError("evidenceDocumentIds[" + i + "]", "violation.document.duplicate", List.of()));
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

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    private List<ViolationRecord> withReferrals(List<ViolationRecord> records) {
        if (records.isEmpty()) {
            return records;
        }
        Map<UUID, List<ViolationRecord.Referral>> byRecord = jdbc.sql("""
                SELECT * FROM supervision_referral WHERE violation_id IN (:ids) ORDER BY seq""")
                .param("ids", records.stream().map(ViolationRecord::id).toList())
                .query((rs, n) -> Map.entry(rs.getObject("violation_id", UUID.class), new ViolationRecord.Referral(
                        rs.getInt("seq"), rs.getString("referred_to"), rs.getString("matter"),
                        rs.getObject("referred_on", LocalDate.class), rs.getString("referred_by"),
                        rs.getTimestamp("referred_at").toInstant())))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return records.stream().map(r -> r.with(byRecord.getOrDefault(r.id(), List.of()))).toList();
    }

    private ViolationRecord row(ResultSet rs, int n) throws SQLException {
        ViolationKind kind = ViolationKind.valueOf(rs.getString("kind"));
        return new ViolationRecord(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("lead_org_code"), rs.getString("body_org_code"), kind, kind.rule(), rs.getString("facts"),
                uuids(rs.getArray("evidence")), rs.getObject("occurred_on", LocalDate.class),
                rs.getObject("recorded_on", LocalDate.class), ViolationStatus.valueOf(rs.getString("status")),
                rs.getString("withdrawn_reason"), rs.getObject("withdrawn_on", LocalDate.class),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version"), List.of());
    }
}
