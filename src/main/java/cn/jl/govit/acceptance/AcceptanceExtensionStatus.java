package cn.jl.govit.acceptance;

/** Where an extension application stands: awaiting the approval authority, approved or rejected. */
public enum AcceptanceExtensionStatus {
    PENDING, APPROVED, REJECTED
}
