package cn.jl.govit.approval;

/**
 * The approvals that Art. 11 spares IT projects, unless they build new civil works (site selection, land
 * pre-approval, environmental impact assessment) or use much energy (energy-saving assessment).
 */
public enum PermitType {
    /** 节能评估 */
    ENERGY_ASSESSMENT,
    /** 规划选址 */
    SITE_SELECTION,
    /** 用地预审 */
    LAND_PRE_APPROVAL,
    /** 环境影响评价 */
    ENVIRONMENTAL_IMPACT
}
