package cn.jl.govit.project;

import java.util.List;

/**
 * The facts of a project that the approval rules read (Art. 5, 9, 11, 19). Policies derive from these;
 * nobody types in a path or an authority.
 */
public record ProjectFacts(List<FundingLine> fundingSources, boolean inProvincialPlan, EmergencyType emergency,
        boolean simpleOrEquipmentOnly, boolean classified, boolean newCivilWorks, boolean highEnergyUse,
        boolean buildsNewCloudPlatform) {

    public ProjectFacts {
        fundingSources = List.copyOf(fundingSources);
    }

    public boolean usesCentralBudget() {
        return fundingSources.stream().anyMatch(f -> f.source() == FundingSource.CENTRAL_BUDGET);
    }

    public boolean usesDigitalJilinFund() {
        return fundingSources.stream().anyMatch(f -> f.source() == FundingSource.DIGITAL_JILIN_FUND);
    }
}
