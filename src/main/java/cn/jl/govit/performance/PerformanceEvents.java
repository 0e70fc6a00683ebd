package cn.jl.govit.performance;

import java.time.LocalDate;
import java.util.UUID;

/** What the performance module tells the others. */
public final class PerformanceEvents {

    private PerformanceEvents() {
    }

    /** The construction unit submitted the report of {@code year} to the approval authority (Art. 20). */
    public record PerformanceReportSubmitted(UUID reportId, UUID projectId, int year, int revision, LocalDate submittedOn,
            boolean late) {
    }

    /** The approval authority accepted or returned the report. */
    public record PerformanceReportDecided(UUID reportId, UUID projectId, int year, int revision,
            PerformanceReportOutcome outcome) {
    }
}
