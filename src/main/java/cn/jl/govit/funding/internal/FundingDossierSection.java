package cn.jl.govit.funding.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.funding.Disbursement;
import cn.jl.govit.funding.FundPlan;
import cn.jl.govit.funding.FundPlans;
import cn.jl.govit.funding.Funds;
import cn.jl.govit.funding.FundsSummary;
import cn.jl.govit.funding.LevelShares;
import cn.jl.govit.funding.Spending;
import cn.jl.govit.funding.SurplusReturn;
import cn.jl.govit.project.Project;

/**
 * {@code metadata/funding.json} of the archive package: the funds summary (Art. 21), the split by level (Art. 25),
 * fund plans, disbursements, spending and surplus returns of an approved project, read as the exporting user.
 */
@Component
class FundingDossierSection implements DossierSection {

    private final Funds funds;
    private final FundPlans plans;

    FundingDossierSection(Funds funds, FundPlans plans) {
        this.funds = funds;
        this.plans = plans;
    }

    @Override
    public String name() {
        return "funding";
    }

    @Override
    public boolean appliesTo(Project project) {
        // before approval there is no approved estimate to hold the funds against
        return project.approvedEstimate() != null;
    }

    @Override
    public Object content(UUID projectId) {
        return new Content(funds.summary(projectId), funds.levelShares(projectId), plans.forProject(projectId),
                plans.disbursements(projectId), DossierSection.allPages((page, size) -> funds.spending(projectId, page, size)),
                funds.returns(projectId));
    }

    record Content(FundsSummary summary, LevelShares levelShares, List<FundPlan> fundPlans,
            List<Disbursement> disbursements, List<Spending> spending, List<SurplusReturn> surplusReturns) {
    }
}
