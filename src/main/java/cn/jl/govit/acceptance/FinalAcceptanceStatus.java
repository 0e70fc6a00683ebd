package cn.jl.govit.acceptance;

/** Where a final acceptance application stands: awaiting the result, or passed or failed. */
public enum FinalAcceptanceStatus {
    PENDING, PASSED, FAILED
}
