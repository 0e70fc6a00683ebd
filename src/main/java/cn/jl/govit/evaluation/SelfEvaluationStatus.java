package cn.jl.govit.evaluation;

/** A self-evaluation report: submitted to the authority, accepted, or returned for revision and resubmission. */
public enum SelfEvaluationStatus {
    SUBMITTED, ACCEPTED, RETURNED
}
