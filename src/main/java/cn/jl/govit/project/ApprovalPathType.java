package cn.jl.govit.project;

/** Art. 9 — the standard path and its four simplifications. */
public enum ApprovalPathType {
    STANDARD, IN_PLAN, EMERGENCY, SIMPLE, LEGAL_SIMPLIFICATION
}
