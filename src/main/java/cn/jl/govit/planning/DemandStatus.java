package cn.jl.govit.planning;

/** Where a demand stands in the Bureau's triage (Art. 7). */
public enum DemandStatus {
    /** filed, awaiting triage */
    OPEN,
    /** became a project of its own */
    PROJECT_CREATED,
    /** merged with other demands into one project */
    MERGED,
    /** declined with a reason */
    DECLINED
}
