package cn.jl.govit.upgrade.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.upgrade.UpgradeRequest;
import cn.jl.govit.upgrade.Upgrades;

/**
 * {@code metadata/upgrades.json} of the archive package: every upgrade request of the project in operation with its
 * route, joint review, Leading Group decision and the upgrade project proposed (Art. 29).
 */
@Component
class UpgradeDossierSection implements DossierSection {

    private final Upgrades upgrades;

    UpgradeDossierSection(Upgrades upgrades) {
        this.upgrades = upgrades;
    }

    @Override
    public String name() {
        return "upgrades";
    }

    @Override
    public boolean appliesTo(Project project) {
        return project.operationStartedOn() != null;
    }

    @Override
    public Object content(UUID projectId) {
        return new Content(DossierSection.allPages((page, size) -> upgrades.forProject(projectId, Paging.of(page, size))));
    }

    record Content(List<UpgradeRequest> requests) {
    }
}
