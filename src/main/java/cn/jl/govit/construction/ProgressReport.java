package cn.jl.govit.construction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A periodic progress report of the construction unit: the period covered and where the work stands. */
public record ProgressReport(UUID id, UUID projectId, LocalDate periodStart, LocalDate periodEnd, int percentComplete,
        String workDone, String problems, String nextSteps, LocalDate reportedOn, String reportedBy,
        Instant reportedAt) {
}
