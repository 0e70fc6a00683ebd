package cn.jl.govit.acceptance;

/** Which acceptance a deadline, an extension or a rectification belongs to (Art. 26, 27). */
public enum AcceptanceKind {
    /** 初步验收: organised by the construction unit within the approved construction period. */
    INITIAL,
    /** 竣工验收: applied for within the window after initial acceptance and a stable trial run. */
    FINAL
}
