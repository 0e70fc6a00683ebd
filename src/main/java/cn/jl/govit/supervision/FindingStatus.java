package cn.jl.govit.supervision;

/**
 * Where a supervision finding stands: {@code OPEN} (raised, or its last rectification rejected), {@code RECTIFIED}
 * (the unit answered, awaiting the body's review), {@code CLOSED} (rectification accepted), {@code WITHDRAWN} (the
 * body withdrew it with a reason; kept, Art. 30).
 */
public enum FindingStatus {
    OPEN, RECTIFIED, CLOSED, WITHDRAWN
}
