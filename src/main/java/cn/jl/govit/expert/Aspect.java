package cn.jl.govit.expert;

/**
 * The five aspects an expert review covers (Art. 10): necessity; technical feasibility and security;
 * investment; infrastructure and technical service needs (government cloud, big-data centre, e-government
 * network); information resource aggregation and sharing (also Art. 13 (3)).
 */
public enum Aspect {
    NECESSITY, TECHNICAL_FEASIBILITY_SECURITY, INVESTMENT, INFRASTRUCTURE_RESOURCES, INFORMATION_SHARING
}
