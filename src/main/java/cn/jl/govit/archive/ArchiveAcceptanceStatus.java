package cn.jl.govit.archive;

/** Where a project's archive acceptance stands: not applied for, awaiting the Archives Bureau, passed or failed. */
public enum ArchiveAcceptanceStatus {
    NOT_APPLIED, PENDING, PASSED, FAILED
}
