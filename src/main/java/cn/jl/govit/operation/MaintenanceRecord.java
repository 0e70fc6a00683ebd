package cn.jl.govit.operation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** One entry of the O&M log (运维记录, Art. 35), under an O&M contract or by the unit itself. */
public record MaintenanceRecord(UUID id, UUID projectId, LocalDate occurredOn, MaintenanceRecordKind kind,
        String description, UUID contractId, UUID documentId, String recordedBy, Instant recordedAt) {

    public MaintenanceRecord {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(occurredOn);
        Objects.requireNonNull(kind);
    }
}
