package cn.jl.govit.upgrade.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.upgrade.LeadingGroupVerdict;
import cn.jl.govit.upgrade.Recommendation;
import cn.jl.govit.upgrade.UpgradeProposal;
import cn.jl.govit.upgrade.Upgrades;

/** The request bodies of the upgrade API and the upgrade pages' forms, validated the same way. */
final class UpgradeRequests {

    private UpgradeRequests() {
    }

    @Schema(description = "A request to upgrade a system in operation (Art. 29); the route is derived from shareable and catalogueCode")
    record UpgradeBody(
            @Schema(description = "what the upgrade is called", example = "电子证照共享接口") @NotBlank @Size(max = 80) String title,
            @Schema(description = "why the system must be upgraded") @NotBlank @Size(max = 20000) String reasons,
            @Schema(description = "what the upgrade builds or changes") @NotBlank @Size(max = 20000) String scope,
            @Schema(description = "the upgrade's estimate, yuan", example = "1200000")
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal estimatedInvestment,
            @Schema(description = "the upgrade's construction period in months", example = "6")
            @NotNull @Min(1) @Max(120) Integer constructionPeriodMonths,
            @Schema(description = "whether the system shares information as required") @NotNull Boolean shareable,
            @Schema(description = "the system's code in the provincial government information system catalogue; blank when not listed",
                    example = "JL-XT-2026-0012") @Size(max = 64) String catalogueCode,
            @Schema(description = "a document of the operating project supporting the request (optional)") UUID documentId) {

        UpgradeProposal proposal() {
            return new UpgradeProposal(title.strip(), reasons.strip(), scope.strip(), estimatedInvestment,
                    constructionPeriodMonths, shareable, catalogueCode, documentId);
        }
    }

    @Schema(description = "The facts that decide an upgrade's route (Art. 29)")
    record AssessmentBody(@Schema(description = "whether the system shares information as required") @NotNull Boolean shareable,
            @Schema(description = "the system's catalogue code; blank when not listed") @Size(max = 64) String catalogueCode) {
    }

    @Schema(description = "The joint review of the approval authority with the departments concerned (Art. 29)")
    record JointReviewBody(
            @Schema(description = "the date of the joint review, not in the future", example = "2026-11-20") @NotNull LocalDate reviewedOn,
            @Schema(description = "organisation codes of the departments and provincial bodies that reviewed, at least one besides the unit",
                    example = "[\"WXB\", \"CZT\"]") @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 32) String> departments,
            @Schema(description = "the joint opinion") @NotBlank @Size(max = 20000) String opinion,
            @Schema(description = "what the review recommends to the Leading Group") @NotNull Recommendation recommendation,
            @Schema(description = "a document of the operating project with the review's minutes (optional)") UUID documentId) {

        Upgrades.JointReviewInput input() {
            return new Upgrades.JointReviewInput(reviewedOn, departments, opinion, recommendation, documentId);
        }
    }

    @Schema(description = "The Digital Jilin Leading Group's decision (Art. 29)")
    record DecisionBody(@Schema(description = "APPROVED lets the upgrade project be proposed; REJECTED ends the request")
            @NotNull LeadingGroupVerdict decision,
            @Schema(description = "the date of the decision, not in the future", example = "2026-11-25") @NotNull LocalDate decidedOn,
            @Schema(description = "the Leading Group's opinion") @Size(max = 20000) String opinion) {
    }
}
