package cn.jl.govit.operation;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * Operation and maintenance (Art. 35): once the project is built the construction unit runs it, and the contractors
 * maintain it under their O&M contracts; the unit records the contracts and keeps the O&M log, which the approval
 * authority (and every provincial body that reads the project) sees in order to supervise. A contract that ends
 * within the configured notice period is flagged for renewal.
 */
@Service
public class Maintenance {

    private final OperationRepository repository;
    private final OperationGuard guard;
    private final OperationProperties properties;
    private final AuditLog audit;

    Maintenance(OperationRepository repository, OperationGuard guard, OperationProperties properties, AuditLog audit) {
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

    /** {@code 404} unless the caller may see the project. */
    @Transactional(readOnly = true)
    public Project checkMayRead(UUID projectId) {
        return guard.readable(projectId);
    }

    /**
     * Records an O&M contract: {@code 404}, {@code 403}, {@code 400} (ends on or before it starts, a contract number
     * the project has already, a foreign document), {@code 422 ART-35} unless the project is in operation.
     */
    @Transactional
    public MaintenanceContract recordContract(UUID projectId, OperationRequests.NewContract request) {
        Project project = guard.unit(projectId);
        if (!request.endsOn().isAfter(request.startsOn())) {
            throw new InvalidInputException("endsOn", "operation.contract.ends-before-start", request.endsOn().toString(),
                    request.startsOn().toString());
        }
        guard.documentOf(projectId, "documentId", request.documentId());
        String number = request.contractNumber().strip();
        repository.lock(projectId, "contract");
        if (repository.contractNumberTaken(projectId, number)) {
            throw new InvalidInputException("contractNumber", "operation.contract.number-taken", number);
        }
        RuleViolationException.throwIfAny(OperationPolicy.contract(OperationPolicy.Facts.of(project)));
        MaintenanceContract contract = new MaintenanceContract(UUID.randomUUID(), projectId, request.contractor().strip(),
                number, request.amount(), request.startsOn(), request.endsOn(), request.serviceLevel().strip(),
                request.documentId(), guard.username(), guard.now());
        repository.insert(contract);
        audit.record("OM_CONTRACT_RECORDED", "MaintenanceContract", contract.id().toString(), projectId,
                project.code() + " " + number + " " + contract.contractor() + " " + request.amount().toPlainString()
                        + " " + request.startsOn() + ".." + request.endsOn());
        return contract;
    }

    /** The project's O&M contracts, latest ending first ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public List<MaintenanceContract> contracts(UUID projectId) {
        guard.readable(projectId);
        return repository.contracts(projectId);
    }

    /** Whether the contract ends within the renewal notice period from today. */
    public boolean renewalDue(MaintenanceContract contract) {
        return contract.renewalDue(guard.today(), properties.contractRenewalNoticeDays());
    }

    /** The renewal notice period in days. */
    public int renewalNoticeDays() {
        return properties.contractRenewalNoticeDays();
    }

    /**
     * Records an entry of the O&M log: {@code 404}, {@code 403}, {@code 400} (future date, a contract or document
     * of another project), {@code 422 ART-35} unless in operation or for a date before operation started.
     */
    @Transactional
    public MaintenanceRecord recordEntry(UUID projectId, OperationRequests.NewRecord request) {
        Project project = guard.unit(projectId);
        guard.notFuture("occurredOn", request.occurredOn());
        if (request.contractId() != null && !repository.contractBelongs(request.contractId(), projectId)) {
            throw new InvalidInputException("contractId", "operation.record.contract-foreign",
                    request.contractId().toString());
        }
        guard.documentOf(projectId, "documentId", request.documentId());
        RuleViolationException.throwIfAny(OperationPolicy.record(OperationPolicy.Facts.of(project), request.occurredOn()));
        MaintenanceRecord record = new MaintenanceRecord(UUID.randomUUID(), projectId, request.occurredOn(),
                request.kind(), request.description().strip(), request.contractId(), request.documentId(),
                guard.username(), guard.now());
        repository.insert(record);
        audit.record("OM_RECORD_ADDED", "MaintenanceRecord", record.id().toString(), projectId,
                project.code() + " " + request.kind() + " on " + request.occurredOn());
        return record;
    }

    /** A page of the O&M log, newest first, of one kind or all ({@code null}); {@code 404} outside scope. */
    @Transactional(readOnly = true)
    public PageOf<MaintenanceRecord> records(UUID projectId, MaintenanceRecordKind kind, Paging paging) {
        guard.readable(projectId);
        return new PageOf<>(repository.records(projectId, kind, paging.page(), paging.size()), paging.page(),
                paging.size(), repository.countRecords(projectId, kind));
    }
}
