package cn.jl.govit.supervision;

/** The raising body's decision on a reported rectification. */
public enum ReviewDecision {
    ACCEPTED, REJECTED
}
