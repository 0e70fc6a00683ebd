package cn.jl.govit.performance;

/** Where an annual performance report stands: drafted, submitted to the authority, accepted, or returned. */
public enum PerformanceReportStatus {
    DRAFT, SUBMITTED, ACCEPTED, RETURNED;

    /** The construction unit edits and submits a draft or a returned report only. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
