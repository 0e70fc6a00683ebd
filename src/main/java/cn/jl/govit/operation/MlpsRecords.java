package cn.jl.govit.operation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * MLPS evaluations (等级保护测评, GB/T 22239) of a non-classified system, from its acceptance on (Art. 26 asks for the
 * report with the final acceptance application) through operation (Art. 36). A classified system keeps none here:
 * it is evaluated under classified-system protection (分级保护) offline ({@code 422 ART-8}). From the configured level
 * on (3 by default) the system is evaluated every period; the record shows when the next evaluation is due.
 */
@Service
public class MlpsRecords {

    private final OperationRepository repository;
    private final OperationGuard guard;
    private final OperationProperties properties;
    private final AuditLog audit;

    MlpsRecords(OperationRepository repository, OperationGuard guard, OperationProperties properties, AuditLog audit) {
        this.repository = repository;
        this.guard = guard;
        this.properties = properties;
        this.audit = audit;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayRecord(UUID projectId) {
        return guard.unit(projectId);
    }

    /**
     * Records an evaluation: {@code 404}, {@code 403}, {@code 400} (future date, foreign document), {@code 422 ART-8}
     * for a classified project, {@code 422 ART-26} before the acceptance or for a date before construction started.
     */
    @Transactional
    public MlpsRecord record(UUID projectId, OperationRequests.NewMlpsRecord request) {
        Project project = guard.unit(projectId);
        guard.notFuture("evaluatedOn", request.evaluatedOn());
        guard.documentOf(projectId, "documentId", request.documentId());
        RuleViolationException.throwIfAny(OperationPolicy.mlps(OperationPolicy.Facts.of(project), request.evaluatedOn()));
        MlpsRecord record = new MlpsRecord(UUID.randomUUID(), projectId, request.level(), request.filingNumber().strip(),
                request.evaluatedOn(), request.evaluator().strip(), request.score(), request.conclusion(),
                request.documentId(), null, guard.username(), guard.now());
        repository.insert(record);
        audit.record("MLPS_EVALUATION_RECORDED", "MlpsRecord", record.id().toString(), projectId,
                project.code() + " level " + request.level() + " " + request.conclusion() + " on " + request.evaluatedOn());
        return withNextDue(record);
    }

    /** The project's MLPS evaluations, newest first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<MlpsRecord> list(UUID projectId) {
        guard.readable(projectId);
        return repository.mlpsRecords(projectId).stream().map(this::withNextDue).toList();
    }

    /** Whether a system of this protection level is evaluated every period. */
    public boolean periodic(int level) {
        return level >= properties.mlpsYearlyFromLevel();
    }

    private MlpsRecord withNextDue(MlpsRecord r) {
        LocalDate next = periodic(r.level()) ? r.evaluatedOn().plusMonths(properties.mlpsPeriodMonths()) : null;
        return new MlpsRecord(r.id(), r.projectId(), r.level(), r.filingNumber(), r.evaluatedOn(), r.evaluator(),
                r.score(), r.conclusion(), r.documentId(), next, r.recordedBy(), r.recordedAt());
    }
}
