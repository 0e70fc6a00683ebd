package cn.jl.govit.acceptance;

/** How one item of the final acceptance checklist applies to a project: required, optional or not at all. */
public enum MaterialApplicability {
    REQUIRED, OPTIONAL, NOT_APPLICABLE
}
