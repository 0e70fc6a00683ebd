package cn.jl.govit.obligation.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.project.Project;

/**
 * {@code metadata/obligations.json} of the archive package: the project's deadlines (reports, acceptance,
 * rectification) by due date with how each was met or waived, once construction started and they exist.
 */
@Component
class ObligationDossierSection implements DossierSection {

    private final Obligations obligations;

    ObligationDossierSection(Obligations obligations) {
        this.obligations = obligations;
    }

    @Override
    public String name() {
        return "obligations";
    }

    @Override
    public boolean appliesTo(Project project) {
        return project.constructionStartedOn() != null;
    }

    @Override
    public Object content(UUID projectId) {
        return obligations.forProject(projectId);
    }
}
