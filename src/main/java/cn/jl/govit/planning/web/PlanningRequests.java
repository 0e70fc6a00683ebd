package cn.jl.govit.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.jl.govit.planning.NewDemand;
import cn.jl.govit.planning.NewDemandCall;
import cn.jl.govit.planning.NewPlanVersion;
import cn.jl.govit.planning.PlanItem;
import cn.jl.govit.planning.ProjectOutline;
import cn.jl.govit.planning.Responsibility;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.ProjectCategory;

/**
 * Request bodies of the planning API; the limits are those of the API contract. A missing approval or
 * evaluation of a plan, or a missing reason of a refusal, is a rule of the measures (422), not a format error,
 * so those fields are optional here.
 */
final class PlanningRequests {

    private PlanningRequests() {
    }

    record Item(@NotBlank @Size(max = 32) @Pattern(regexp = "[\\p{Alnum}._-]+") String code,
            @NotBlank @Size(max = 200) String title) {

        PlanItem toItem() {
            return new PlanItem(code.strip(), title.strip());
        }
    }

    record RecordPlan(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Min(2000) @Max(2100) Integer periodFrom,
            @NotNull @Min(2000) @Max(2100) Integer periodTo,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid Item> items,
            LocalDate approvedOn,
            @Size(max = 200) String approvalDocument,
            @Size(max = 20000) String adjustmentReason,
            @Size(max = 20000) String evaluation,
            @Min(1) Integer version) {

        NewPlanVersion toPlan() {
            return new NewPlanVersion(title.strip(), periodFrom, periodTo, items.stream().map(Item::toItem).toList(),
                    approvedOn, approvalDocument, adjustmentReason, evaluation);
        }
    }

    record OpenCall(
            @NotNull @Min(2000) @Max(2100) Integer year,
            LocalDate opensOn,
            @NotNull LocalDate closesOn,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> focusAreas) {

        NewDemandCall toCall() {
            return new NewDemandCall(year, opensOn, closesOn,
                    focusAreas == null ? List.of() : focusAreas.stream().map(String::strip).toList());
        }
    }

    record FileDemand(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String content,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal estimate,
            @NotBlank @Size(max = 32) String planItemCode,
            @Size(max = 50) List<@NotBlank @Size(max = 16) String> participatingOrganizationCodes,
            @Min(2000) @Max(2100) Integer year) {

        NewDemand toDemand() {
            return new NewDemand(title.strip(), content.strip(), estimate, planItemCode.strip(),
                    participatingOrganizationCodes == null ? List.of()
                            : participatingOrganizationCodes.stream().map(String::strip).toList());
        }
    }

    record Score(@NotNull @Min(0) @Max(100) Integer score, @Size(max = 20000) String note, @Min(0) Long version) {
    }

    record Funding(@NotNull FundingSource source,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    record CreateProject(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 20000) String summary,
            @NotEmpty @Size(max = 6) Set<@NotNull ProjectCategory> categories,
            @NotNull @Min(1) @Max(120) Integer constructionPeriodMonths,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal estimatedInvestment,
            @Size(max = 10) List<@NotNull @Valid Funding> fundingSources,
            Boolean simpleOrEquipmentOnly,
            Boolean classified) {

        ProjectOutline toOutline() {
            return new ProjectOutline(name, summary, categories, constructionPeriodMonths, estimatedInvestment,
                    fundingSources == null ? List.of()
                            : fundingSources.stream().map(f -> new FundingLine(f.source(), f.amount())).toList(),
                    Boolean.TRUE.equals(simpleOrEquipmentOnly), Boolean.TRUE.equals(classified));
        }
    }

    record Merge(
            @NotEmpty @Size(max = 50) List<@NotNull UUID> demandIds,
            @Size(max = 16) String leadOrganizationCode,
            @NotNull @Valid CreateProject project) {
    }

    record Decline(@Size(max = 20000) String reason) {
    }

    record ResponsibilityLine(@NotBlank @Size(max = 16) String organizationCode,
            @NotBlank @Size(max = 20000) String constructionScope,
            @NotBlank @Size(max = 20000) String obligations) {

        Responsibility toResponsibility() {
            return new Responsibility(organizationCode.strip(), constructionScope.strip(), obligations.strip());
        }
    }

    record RecordResponsibilities(@NotNull @Size(max = 50) List<@NotNull @Valid ResponsibilityLine> responsibilities,
            @Min(0) Long version) {
    }
}
