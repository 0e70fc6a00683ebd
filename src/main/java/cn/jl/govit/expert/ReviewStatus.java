package cn.jl.govit.expert;

/** An expert review is open until the expert files the opinion, which closes it for good. */
public enum ReviewStatus {
    OPEN, SUBMITTED
}
