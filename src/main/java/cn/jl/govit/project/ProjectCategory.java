package cn.jl.govit.project;

/** Art. 2 — what a government IT project builds. */
public enum ProjectCategory {
    NETWORK_PLATFORM, BUSINESS_SYSTEM, INFORMATION_RESOURCE_DB, SECURITY_INFRASTRUCTURE, INFRASTRUCTURE, STANDARDS_SUPPORT
}
