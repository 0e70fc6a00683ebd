package cn.jl.govit.evaluation;

/** What the approval authority does with a submitted self-evaluation report. */
public enum SelfEvaluationOutcome {
    ACCEPTED, RETURNED
}
