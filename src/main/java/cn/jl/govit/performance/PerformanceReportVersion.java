package cn.jl.govit.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One submitted revision of a report, kept as it was submitted, with the authority's decision on it when there is
 * one ({@code outcome} {@code null} while it awaits the decision).
 */
public record PerformanceReportVersion(UUID reportId, int revision, LocalDate submittedOn, String submittedBy,
        Instant submittedAt, boolean late, PerformanceReportContent content, PerformanceReportOutcome outcome,
        String opinion, String decidedBy, LocalDate decidedOn) {
}
