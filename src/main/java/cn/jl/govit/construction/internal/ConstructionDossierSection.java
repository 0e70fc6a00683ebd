package cn.jl.govit.construction.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.construction.Contract;
import cn.jl.govit.construction.Contracts;
import cn.jl.govit.construction.DelayFlag;
import cn.jl.govit.construction.DelayFlags;
import cn.jl.govit.construction.Incident;
import cn.jl.govit.construction.Incidents;
import cn.jl.govit.construction.Milestones;
import cn.jl.govit.construction.Procurement;
import cn.jl.govit.construction.Procurements;
import cn.jl.govit.construction.ProgressReport;
import cn.jl.govit.construction.ProgressReports;
import cn.jl.govit.construction.ProjectParties;
import cn.jl.govit.construction.RectificationOrder;
import cn.jl.govit.construction.RectificationOrders;
import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.project.Project;

/**
 * {@code metadata/construction.json} of the archive package: the parties, procurements, contracts with the budget
 * share, progress reports, milestone baselines, incidents, rectification orders and delay flags of a project whose
 * construction started; read through the module's scoped services as the exporting user.
 */
@Component
class ConstructionDossierSection implements DossierSection {

    private final ProjectParties parties;
    private final Procurements procurements;
    private final Contracts contracts;
    private final ProgressReports progressReports;
    private final Milestones milestones;
    private final Incidents incidents;
    private final RectificationOrders orders;
    private final DelayFlags delayFlags;

    ConstructionDossierSection(ProjectParties parties, Procurements procurements, Contracts contracts,
            ProgressReports progressReports, Milestones milestones, Incidents incidents, RectificationOrders orders,
            DelayFlags delayFlags) {
        this.parties = parties;
        this.procurements = procurements;
        this.contracts = contracts;
        this.progressReports = progressReports;
        this.milestones = milestones;
        this.incidents = incidents;
        this.orders = orders;
        this.delayFlags = delayFlags;
    }

    @Override
    public String name() {
        return "construction";
    }

    @Override
    public boolean appliesTo(Project project) {
        return project.constructionStartedOn() != null;
    }

    @Override
    public Object content(UUID projectId) {
        return new Content(parties.of(projectId).orElse(null),
                DossierSection.allPages((page, size) -> procurements.page(projectId, page, size)),
                DossierSection.allPages((page, size) -> contracts.page(projectId, page, size)),
                contracts.budget(projectId),
                DossierSection.allPages((page, size) -> progressReports.page(projectId, page, size)),
                milestones.history(projectId),
                DossierSection.allPages((page, size) -> incidents.page(projectId, page, size)),
                DossierSection.allPages((page, size) -> orders.page(projectId, page, size)),
                delayFlags.forProject(projectId));
    }

    record Content(ProjectParties.Parties parties, List<Procurement> procurements, List<Contract> contracts,
            Contracts.Budget budget, List<ProgressReport> progressReports, List<Milestones.Baseline> milestoneBaselines,
            List<Incident> incidents, List<RectificationOrder> rectificationOrders, List<DelayFlag> delayFlags) {
    }
}
