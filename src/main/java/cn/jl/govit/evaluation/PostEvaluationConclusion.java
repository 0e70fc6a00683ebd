package cn.jl.govit.evaluation;

/** The graded conclusion of a third-party post-evaluation report. */
public enum PostEvaluationConclusion {
    GOOD, FAIR, POOR
}
