package cn.jl.govit.expert;

/** An expert's overall conclusion on a submission. */
public enum Conclusion {
    APPROVE, APPROVE_WITH_CHANGES, REJECT
}
