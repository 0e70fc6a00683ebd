package cn.jl.govit.operation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An O&M contract (运维合同, Art. 35): the contractor that maintains the system for the construction unit, for what
 * amount, over which period and at which service level.
 */
public record MaintenanceContract(UUID id, UUID projectId, String contractor, String contractNumber, BigDecimal amount,
        LocalDate startsOn, LocalDate endsOn, String serviceLevel, UUID documentId, String recordedBy,
        Instant recordedAt) {

    public MaintenanceContract {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(startsOn);
        Objects.requireNonNull(endsOn);
    }

    /** Whether the contract has ended by {@code today} (its last day still counts). */
    public boolean endedOn(LocalDate today) {
        return today.isAfter(endsOn);
    }

    /**
     * Whether the contract ends within {@code noticeDays} of {@code today} and so needs renewing (or a successor)
     * before the system is left without maintenance; an ended contract is not flagged, it is over.
     */
    public boolean renewalDue(LocalDate today, int noticeDays) {
        return !endedOn(today) && !endsOn.isAfter(today.plusDays(noticeDays));
    }
}
