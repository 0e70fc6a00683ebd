package cn.jl.govit.project;

/** Art. 9 (2) — the emergencies that allow one merged submission. */
public enum EmergencyType {
    PUBLIC_HEALTH, SOCIAL_SAFETY
}
