package cn.jl.govit.supervision;

/**
 * The steps of the Art. 31 ladder for a rectification refused or overdue (通报批评、暂缓拨付资金、暂停项目建设、直至终止项目),
 * in that order; public criticism is also the sanction of Art. 33.
 */
public enum SanctionKind {
    PUBLIC_CRITICISM, SUSPEND_FUNDS, SUSPEND_CONSTRUCTION, TERMINATE
}
