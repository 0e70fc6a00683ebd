package cn.jl.govit.project;

/** Where a project's money comes from; central budget funds make the DRC the authority (Art. 5). */
public enum FundingSource {
    CENTRAL_BUDGET, DIGITAL_JILIN_FUND, PROVINCIAL_FISCAL, DEPARTMENT_BUDGET, CITY_COUNTY, OTHER
}
