package cn.jl.govit.project.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.project.ConstructionMode;
import cn.jl.govit.project.EmergencyType;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.NewProject;
import cn.jl.govit.project.ProjectCategory;
import cn.jl.govit.project.ProjectFacts;
import cn.jl.govit.project.SelfBuildException;
import cn.jl.govit.project.Stage;

/** Request bodies of the project API; the limits are those of the API contract. */
final class ProjectRequests {

    private ProjectRequests() {
    }

    record ProposeProject(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 6) Set<@NotNull ProjectCategory> categories,
            @NotBlank @Size(max = 20000) String summary,
            @Size(max = 50) List<@NotBlank @Size(max = 16) String> participatingOrganizationCodes,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal estimatedInvestment,
            @NotNull @Min(1) @Max(120) Integer constructionPeriodMonths,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid Funding> fundingSources,
            Boolean inProvincialPlan,
            EmergencyType emergency,
            Boolean simpleOrEquipmentOnly,
            Boolean classified,
            Boolean newCivilWorks,
            Boolean highEnergyUse,
            Boolean buildsNewCloudPlatform) {

        NewProject toNewProject() {
            ProjectFacts facts = new ProjectFacts(fundingSources.stream().map(Funding::toLine).toList(), yes(inProvincialPlan),
                    emergency, yes(simpleOrEquipmentOnly), yes(classified), yes(newCivilWorks), yes(highEnergyUse),
                    yes(buildsNewCloudPlatform));
            return new NewProject(name.strip(), summary.strip(), categories,
                    participatingOrganizationCodes == null ? List.of() : participatingOrganizationCodes.stream().map(String::strip).toList(),
                    estimatedInvestment, constructionPeriodMonths, facts);
        }

        private static boolean yes(Boolean b) {
            return Boolean.TRUE.equals(b);
        }
    }

    record Funding(
            @NotNull FundingSource source,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal amount) {

        FundingLine toLine() {
            return new FundingLine(source, amount);
        }
    }

    record DecideConstructionMode(
            @NotNull ConstructionMode mode,
            SelfBuildException exception,
            @Size(max = 20000) String justification,
            @Min(0) Long version) {
    }

    record SimplifyApprovalPath(
            @NotNull @Size(max = 3) List<@NotNull Stage> stages,
            @Size(max = 20000) String legalBasis,
            @Min(0) Long version) {
    }

    record StartConstruction(
            @NotNull java.time.LocalDate startedOn,
            @Min(0) Long version) {
    }
}
