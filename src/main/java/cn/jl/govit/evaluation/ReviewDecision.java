package cn.jl.govit.evaluation;

/** The authority's decision on a reported rectification: accepted closes the finding, rejected keeps it open. */
public enum ReviewDecision {
    ACCEPTED, REJECTED
}
