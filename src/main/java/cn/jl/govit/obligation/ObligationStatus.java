package cn.jl.govit.obligation;

/** Where an obligation stands: still to do, done, past its due date undone, or lifted with a reason. */
public enum ObligationStatus {
    OPEN, MET, OVERDUE, WAIVED
}
