package cn.jl.govit.acceptance;

/** A rectification after a failed acceptance is open until the unit records it completed. */
public enum AcceptanceRectificationStatus {
    OPEN, COMPLETED
}
