package cn.jl.govit.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One round of archive acceptance (档案验收, Art. 24): the construction unit's application, and the Archives Bureau's
 * result on it ({@code result} {@code null} while it awaits the Bureau). After a {@code FAILED} result the unit
 * registers what is missing and applies again, which opens a new round; the rounds are kept.
 */
public record ArchiveAcceptance(UUID id, UUID projectId, int round, LocalDate appliedOn, String appliedBy,
        Instant appliedAt, int entryCount, ArchiveResult result, LocalDate acceptedOn, String opinion,
        String acceptedBy, long version) {

    public ArchiveAcceptance {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(appliedOn);
    }

    /** Whether the application awaits the Archives Bureau's result. */
    public boolean pending() {
        return result == null;
    }

    /** The state of this round: {@code PENDING}, {@code PASSED} or {@code FAILED}. */
    public ArchiveAcceptanceStatus status() {
        return result == null ? ArchiveAcceptanceStatus.PENDING
                : result == ArchiveResult.PASSED ? ArchiveAcceptanceStatus.PASSED : ArchiveAcceptanceStatus.FAILED;
    }
}
