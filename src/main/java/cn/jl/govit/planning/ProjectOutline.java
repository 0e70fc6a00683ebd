package cn.jl.govit.planning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.ProjectCategory;

/**
 * What the Digital Bureau settles when it turns demands into a project: its name, summary, categories and
 * period; the estimate is the sum of the demands' unless given, the funding one line from the Digital Jilin
 * fund unless given. The project is in the provincial plan, since its demands are based on plan items.
 */
public record ProjectOutline(String name, String summary, Set<ProjectCategory> categories, int constructionPeriodMonths,
        BigDecimal estimatedInvestment, List<FundingLine> fundingSources, boolean simpleOrEquipmentOnly,
        boolean classified) {

    public ProjectOutline {
        categories = Set.copyOf(categories);
        fundingSources = fundingSources == null ? List.of() : List.copyOf(fundingSources);
    }
}
