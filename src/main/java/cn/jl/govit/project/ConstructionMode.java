package cn.jl.govit.project;

/** Art. 7–8 — unified construction by the Digital Bureau is the norm, self-construction the exception. */
public enum ConstructionMode {
    UNIFIED, SELF_BUILT
}
