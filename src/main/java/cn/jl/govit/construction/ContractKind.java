package cn.jl.govit.construction;

/** What a contract is for. */
public enum ContractKind {
    CONSTRUCTION, SUPERVISION, CONSULTING, OTHER
}
