package cn.jl.govit.organization;

/** A provincial body named by the measures (coordination and supervision) or a department that builds. */
public enum OrganizationKind {
    PROVINCIAL_BODY,
    DEPARTMENT
}
