package cn.jl.govit.construction;

/** A rectification order (Art. 22) is open until the unit reports, then accepted or reopened by the authority. */
public enum RectificationStatus {
    OPEN, REPORTED, ACCEPTED
}
