package cn.jl.govit.approval.decision;

/** What the approval authority decides on a filed submission (Art. 9, 13). */
public enum DecisionOutcome {
    /** the stage is approved; the last stage of the path makes the project APPROVED */
    APPROVED,
    /** returned to the construction unit for revision and resubmission */
    RETURNED,
    /** not approved; the project leaves the lifecycle */
    REJECTED
}
