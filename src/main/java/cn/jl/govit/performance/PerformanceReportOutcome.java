package cn.jl.govit.performance;

/** What the approval authority does with a submitted report. */
public enum PerformanceReportOutcome {
    ACCEPTED, RETURNED
}
