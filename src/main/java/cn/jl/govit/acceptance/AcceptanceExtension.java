package cn.jl.govit.acceptance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An application to extend an acceptance deadline (延期验收申请, Art. 27, Annex 4 §1): the construction unit gives
 * its reasons and the new date; the project's approval authority approves or rejects it. An approved extension moves
 * the deadline of its kind to {@code newDate}; {@code previousDate} is the deadline it extended.
 */
public record AcceptanceExtension(UUID id, UUID projectId, AcceptanceKind kind, String reasons, LocalDate previousDate,
        LocalDate newDate, AcceptanceExtensionStatus status, String appliedBy, LocalDate appliedOn, Instant appliedAt,
        String opinion, String decidedBy, LocalDate decidedOn, long version) {

    public AcceptanceExtension {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(newDate);
        Objects.requireNonNull(status);
    }

    public boolean pending() {
        return status == AcceptanceExtensionStatus.PENDING;
    }
}
