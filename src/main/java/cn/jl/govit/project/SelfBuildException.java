package cn.jl.govit.project;

/** Art. 8 — the only grounds for self-construction. */
public enum SelfBuildException {
    CENTRAL_OR_PROVINCIAL_DIRECTIVE, SUPERIOR_OR_SPECIAL_REQUIREMENT, CLASSIFIED
}
