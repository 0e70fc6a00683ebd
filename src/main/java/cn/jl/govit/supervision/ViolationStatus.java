package cn.jl.govit.supervision;

/** A violation record stands (RECORDED) or was withdrawn with a reason (WITHDRAWN), staying visible (Art. 30). */
public enum ViolationStatus {
    RECORDED,
    WITHDRAWN
}
