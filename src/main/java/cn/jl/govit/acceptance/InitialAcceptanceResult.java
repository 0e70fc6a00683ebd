package cn.jl.govit.acceptance;

/** The result the construction unit records for an initial acceptance (Annex 4 §6). */
public enum InitialAcceptanceResult {
    PASSED, FAILED
}
