package cn.jl.govit.supervision;

/**
 * The duty areas in which the provincial bodies supervise government IT projects (Art. 5, 31); {@code PERFORMANCE}
 * (绩效评价) is where the approval authority's findings from evaluations sit (Art. 32).
 */
public enum SupervisionArea {
    CYBERSECURITY, APPROVAL, PROGRESS, FUNDS, LEGALITY, CRYPTOGRAPHY, ARCHIVES, CLASSIFIED, MLPS, SECURITY_RISK,
    PERFORMANCE
}
