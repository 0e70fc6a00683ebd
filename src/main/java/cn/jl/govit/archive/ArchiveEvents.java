package cn.jl.govit.archive;

import java.time.LocalDate;
import java.util.UUID;

/** What the archive module tells the others. */
public final class ArchiveEvents {

    private ArchiveEvents() {
    }

    /** The construction unit applied for archive acceptance. */
    public record ArchiveAcceptanceApplied(UUID projectId, int round, LocalDate appliedOn) {
    }

    /** The Archives Bureau recorded the result of an archive acceptance (Art. 24). */
    public record ArchiveAcceptanceRecorded(UUID projectId, int round, ArchiveResult result, LocalDate acceptedOn) {
    }
}
