package cn.jl.govit.expert;

/** A committee member's assignment is open until the expert files the opinion, which closes it for good. */
public enum AssignmentStatus {
    OPEN, FILED
}
