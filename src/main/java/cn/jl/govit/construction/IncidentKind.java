package cn.jl.govit.construction;

/** What the construction unit reports under Art. 22. */
public enum IncidentKind {
    SERIOUS_DELAY, MAJOR_LOSS
}
