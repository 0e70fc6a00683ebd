package cn.jl.govit.operation;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.obligation.Obligation;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The periodic assessments of a system in operation (Art. 16, 17, 36). The construction unit, which runs the
 * system, records each assessment with its report; the assessment meets the pending obligation of its kind and opens
 * the next one, due a period after the assessment's own date ({@link AssessmentSchedule}). Issues or a failure are
 * reported to the approval authority, which supervises (Art. 35), and to the body that supervises the field: the
 * Cyberspace Affairs Office for security, the Cryptography Administration for cryptography.
 */
@Service
public class Assessments {

    private final OperationRepository repository;
    private final OperationGuard guard;
    private final Obligations obligations;
    private final Notifications notifications;
    private final PolicyParameters policy;
    private final AuditLog audit;

    Assessments(OperationRepository repository, OperationGuard guard, Obligations obligations,
            Notifications notifications, PolicyParameters policy, AuditLog audit) {
        this.repository = repository;
        this.guard = guard;
        this.obligations = obligations;
        this.notifications = notifications;
        this.policy = policy;
        this.audit = audit;
    }

    /** The schedule under the rulebook's current periods. */
    public AssessmentSchedule schedule() {
        return new AssessmentSchedule(policy.securityAssessmentPeriodMonths(), policy.cryptoAssessmentPeriodMonths());
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayRecord(UUID projectId) {
        return guard.unit(projectId);
    }

    /**
     * Records an assessment: {@code 404}, {@code 403}, {@code 400} (a date in the future, a document of another
     * project), {@code 422 ART-36} unless the project is in operation or when the date lies before operation started
     * or before the latest assessment of its kind.
     */
    @Transactional
    public Assessment record(UUID projectId, AssessmentKind kind, OperationRequests.NewAssessment request) {
        Project project = guard.unit(projectId);
        guard.notFuture("assessedOn", request.assessedOn());
        guard.documentOf(projectId, "documentId", request.documentId());
        // one recording per kind and project at a time, so that two cannot take the same sequence or obligation
        repository.lock(projectId, kind.name());
        Assessment latest = repository.latest(projectId, kind).orElse(null);
        RuleViolationException.throwIfAny(
                OperationPolicy.assessment(OperationPolicy.Facts.of(project), request.assessedOn(), latest));

        int sequence = latest == null ? 1 : latest.sequence() + 1;
        AssessmentSchedule.Due next = schedule().after(kind, sequence, request.assessedOn());
        Assessment assessment = new Assessment(UUID.randomUUID(), projectId, kind, sequence, request.assessedOn(),
                request.assessor().strip(), request.result(), blankToNull(request.findings()), request.documentId(),
                next.dueDate(), guard.username(), guard.now());
        repository.insert(assessment);
        // meets whichever assessment of the kind is pending (normally <KIND>-<sequence>, opened by the one before)
        obligations.forProject(projectId).stream()
                .filter(o -> o.type() == kind.obligationType() && o.pending())
                .map(Obligation::subject)
                .forEach(subject -> obligations.meet(projectId, kind.obligationType(), subject, request.assessedOn()));
        obligations.open(projectId, kind.obligationType(), next.subject(), next.dueDate(), null, kind.rule(),
                project.leadOrganizationCode());
        audit.record("ASSESSMENT_RECORDED", "Assessment", assessment.id().toString(), projectId,
                project.code() + " " + kind + " #" + sequence + " on " + request.assessedOn() + " " + request.result()
                        + ", next due " + next.dueDate());
        if (request.result().needsAttention()) {
            notifySupervisors(project, assessment);
        }
        return assessment;
    }

    /** The project's assessments of a kind ({@code null}: both), newest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<Assessment> list(UUID projectId, AssessmentKind kind) {
        guard.readable(projectId);
        return repository.assessments(projectId, kind);
    }

    /** The assessment obligations of the project, open and past, by due date ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<Obligation> obligations(UUID projectId) {
        return obligations.forProject(projectId).stream()
                .filter(o -> o.type() == AssessmentKind.SECURITY.obligationType()
                        || o.type() == AssessmentKind.CRYPTO.obligationType())
                .toList();
    }

    private void notifySupervisors(Project project, Assessment assessment) {
        String key = "operation.notice." + assessment.kind() + "-" + assessment.result();
        Notice notice = Notice.of(key, "/projects/" + project.id() + "/operation", project.id(),
                "operation-assessment:" + assessment.id(), project.code(), assessment.assessedOn().toString(),
                assessment.assessor());
        notifications.notifyMembers(project.approvalAuthority().organizationCode(), Role.APPROVER, notice);
        String supervisor = assessment.kind() == AssessmentKind.CRYPTO ? OrganizationCodes.CRYPTOGRAPHY
                : OrganizationCodes.CYBERSPACE;
        notifications.notifyMembers(supervisor, Role.SUPERVISOR, notice);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
