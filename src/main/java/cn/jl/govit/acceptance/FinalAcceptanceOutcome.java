package cn.jl.govit.acceptance;

/** The conclusion of a final acceptance (竣工验收结论, Annex 4 §7 (二) 3). */
public enum FinalAcceptanceOutcome {
    PASSED, FAILED
}
