package cn.jl.govit.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.ApprovalPathType;
import cn.jl.govit.project.ConstructionMode;
import cn.jl.govit.project.EmergencyType;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectCategory;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.project.SelfBuildException;
import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.CitationMessages.CitationView;

/**
 * A project as the API shows it, with the derived authority, path and their reasons in the reader's language, and the
 * Art. 31 sanctions that restrict it ({@code fundsSuspended}, the rule of a suspension, the day it was terminated).
 */
record ProjectView(UUID id, String code, String name, String summary, List<ProjectCategory> categories,
        ProjectStatus status, long version, String leadOrganizationCode, List<String> participatingOrganizationCodes,
        BigDecimal estimatedInvestment, int constructionPeriodMonths, List<FundingLine> fundingSources,
        boolean inProvincialPlan, EmergencyType emergency, boolean simpleOrEquipmentOnly, boolean classified,
        boolean newCivilWorks, boolean highEnergyUse, boolean buildsNewCloudPlatform,
        ApprovalAuthority approvalAuthority, CitationView approvalAuthorityReason, PathView approvalPath,
        ConstructionMode constructionMode, ModeView constructionModeDecision, BigDecimal approvedEstimate,
        LocalDate approvedOn, Integer approvedConstructionPeriodMonths, LocalDate constructionStartedOn,
        LocalDate plannedCompletion, LocalDate initialAcceptedOn, LocalDate operationStartedOn, String createdBy,
        OffsetDateTime createdAt, boolean fundsSuspended, String suspensionRule, LocalDate terminatedOn) {

    record PathView(ApprovalPathType type, List<Stage> stages, List<CitationView> reasons, String legalBasis) {
    }

    record ModeView(ConstructionMode mode, SelfBuildException exception, String justification, String decidedBy,
            LocalDate decidedOn) {
    }

    static ProjectView of(Project p, CitationMessages messages, Locale locale) {
        var facts = p.facts();
        var path = p.approvalPath();
        var mode = p.constructionMode();
        List<CitationView> reasons = path.reasons().stream().map(r -> messages.view(r, locale)).toList();
        CitationView authorityReason = messages.view(
                new cn.jl.govit.project.ApprovalAuthorityPolicy().derive(facts).reason(), locale);
        return new ProjectView(p.id(), p.code(), p.name(), p.summary(), p.categories().stream().sorted().toList(),
                p.status(), p.version(), p.leadOrganizationCode(), p.participatingOrganizationCodes(),
                p.estimatedInvestment(), p.constructionPeriodMonths(), facts.fundingSources(), facts.inProvincialPlan(),
                facts.emergency(), facts.simpleOrEquipmentOnly(), facts.classified(), facts.newCivilWorks(),
                facts.highEnergyUse(), facts.buildsNewCloudPlatform(), p.approvalAuthority(), authorityReason,
                new PathView(path.type(), path.stages(), reasons, path.legalBasis()),
                mode == null ? null : mode.mode(),
                mode == null ? null : new ModeView(mode.mode(), mode.exception(), mode.justification(), mode.decidedBy(),
                        mode.decidedOn()),
                p.approvedEstimate(), p.approvedOn(), p.approvedOn() == null ? null : p.approvedConstructionPeriodMonths(),
                p.constructionStartedOn(), p.plannedCompletion(), p.initialAcceptedOn(), p.operationStartedOn(), p.createdBy(), p.createdAt().atZone(Projects.ZONE).toOffsetDateTime(),
                p.restrictions().fundsSuspended(), p.restrictions().suspensionRule(), p.restrictions().terminatedOn());
    }
}
