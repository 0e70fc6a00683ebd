package cn.jl.govit.supervision.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.project.Project;
import cn.jl.govit.supervision.SupervisionFindings;

/**
 * {@code metadata/findings.json} of the archive package: the supervision findings of the project (Art. 31), withdrawn
 * ones included, each with its rectifications and the raising body's reviews (Art. 30: the record is complete).
 */
@Component
class FindingsDossierSection implements DossierSection {

    private final SupervisionFindings findings;

    FindingsDossierSection(SupervisionFindings findings) {
        this.findings = findings;
    }

    @Override
    public String name() {
        return "findings";
    }

    @Override
    public boolean appliesTo(Project project) {
        return true;
    }

    @Override
    public Object content(UUID projectId) {
        return findings.forProject(projectId);
    }
}
