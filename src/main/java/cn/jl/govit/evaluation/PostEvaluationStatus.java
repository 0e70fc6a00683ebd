package cn.jl.govit.evaluation;

/** A third-party post-evaluation: commissioned by the approval authority, then its report recorded. */
public enum PostEvaluationStatus {
    COMMISSIONED, REPORTED
}
