package cn.jl.govit.supervision;

/**
 * Where a finding comes from — one findings flow for all three: {@code DIRECT} a supervising body's own inspection
 * (Art. 31); {@code EVALUATION} the approval authority's rectification opinion on a self-evaluation or
 * post-evaluation of the project (Art. 32, the reference is the evaluation record); {@code OBLIGATION} a supervising
 * body cites an overdue obligation of the project (Art. 31, the reference is the obligation).
 */
public enum SupervisionFindingSource {
    DIRECT, EVALUATION, OBLIGATION
}
