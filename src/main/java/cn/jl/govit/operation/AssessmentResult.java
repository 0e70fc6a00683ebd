package cn.jl.govit.operation;

/** The conclusion of an assessment; anything but a clean pass is reported to those who supervise. */
public enum AssessmentResult {
    PASS, PASS_WITH_ISSUES, FAIL;

    /** Whether the approval authority and the supervising body are told (issues to rectify, or a failure). */
    public boolean needsAttention() {
        return this != PASS;
    }
}
