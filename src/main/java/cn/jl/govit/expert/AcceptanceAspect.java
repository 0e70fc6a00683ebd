package cn.jl.govit.expert;

/**
 * What an acceptance assessment opinion must address (Annex 4 §7 (二) 2): the construction goals, scale and
 * content; investment completion and expected benefits; design, supervision and construction; procurement;
 * security protection, risk assessment results and their rectification; cryptography application security;
 * archives; budget (estimate) execution and final accounts.
 */
public enum AcceptanceAspect {
    GOALS_AND_SCALE, INVESTMENT, DESIGN_SUPERVISION_CONSTRUCTION, PROCUREMENT, SECURITY_AND_RISK, CRYPTOGRAPHY,
    ARCHIVES, BUDGET_AND_ACCOUNTS
}
