package cn.jl.govit.expert;

/**
 * An expert's recommendation to the approval authority, which decides the final acceptance itself on the
 * strength of the opinions (Annex 4 §7 (二) 3).
 */
public enum AcceptanceConclusion {
    RECOMMEND_PASS, RECOMMEND_PASS_AFTER_RECTIFICATION, RECOMMEND_FAIL
}
