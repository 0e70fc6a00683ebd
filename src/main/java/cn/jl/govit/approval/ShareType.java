package cn.jl.govit.approval;

/** How a government information resource is shared (Art. 13): without condition, on conditions, or not (with a reason). */
public enum ShareType {
    UNCONDITIONAL, CONDITIONAL, NOT_SHARED
}
