package cn.jl.govit.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** What a department states when it proposes a project. */
public record NewProject(String name, String summary, Set<ProjectCategory> categories,
        List<String> participatingOrganizationCodes, BigDecimal estimatedInvestment, int constructionPeriodMonths,
        ProjectFacts facts) {

    public NewProject {
        categories = Set.copyOf(categories);
        participatingOrganizationCodes = List.copyOf(participatingOrganizationCodes);
    }
}
