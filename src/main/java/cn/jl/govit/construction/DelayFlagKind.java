package cn.jl.govit.construction;

/** Why the platform flags a likely serious delay (Art. 22). */
public enum DelayFlagKind {
    MILESTONE_OVERDUE, PROGRESS_REPORT_MISSING
}
