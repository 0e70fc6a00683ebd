package cn.jl.govit.dossier.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.ApprovalPath;
import cn.jl.govit.project.ConstructionModeDecision;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectCategory;
import cn.jl.govit.project.ProjectFacts;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.project.Stage;

/** {@code metadata/project.json}: the project's facts, approval path and authority, status, dates and estimate. */
@Component
class ProjectDossierSection implements DossierSection {

    private final Projects projects;

    ProjectDossierSection(Projects projects) {
        this.projects = projects;
    }

    @Override
    public String name() {
        return "project";
    }

    @Override
    public boolean appliesTo(Project project) {
        return true;
    }

    @Override
    public Object content(UUID projectId) {
        Project p = projects.get(projectId);
        boolean started = p.constructionStartedOn() != null;
        return new Content(p.id(), p.code(), p.name(), p.summary(), p.categories(), p.leadOrganizationCode(),
                p.participatingOrganizationCodes(), p.estimatedInvestment(), p.constructionPeriodMonths(), p.facts(),
                p.status(), p.approvalAuthority(), p.approvalAuthority().organizationCode(), p.approvalPath(),
                p.constructionMode(), p.approvedStages().stream().sorted().toList(), p.approvedEstimate(), p.approvedOn(),
                p.constructionStartedOn(), started ? p.approvedConstructionPeriodMonths() : null,
                started ? p.plannedCompletion() : null, p.createdBy(), p.createdAt(), p.version());
    }

    record Content(UUID id, String code, String name, String summary, Set<ProjectCategory> categories,
            String leadOrganizationCode, List<String> participatingOrganizationCodes, BigDecimal estimatedInvestment,
            int constructionPeriodMonths, ProjectFacts facts, ProjectStatus status, ApprovalAuthority approvalAuthority,
            String approvalAuthorityCode, ApprovalPath approvalPath, ConstructionModeDecision constructionMode,
            List<Stage> approvedStages, BigDecimal approvedEstimate, LocalDate approvedOn,
            LocalDate constructionStartedOn, Integer approvedConstructionPeriodMonths, LocalDate plannedCompletion,
            String createdBy, Instant createdAt, long version) {
    }
}
