package cn.jl.govit.change.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.change.ChangeCommand;
import cn.jl.govit.change.ChangeReason;
import cn.jl.govit.change.GovernmentDecision;
import cn.jl.govit.rulebook.InvalidInputException;

/** Request bodies of the change API; the limits are those of the API contract. */
final class ChangeApiRequests {

    private ChangeApiRequests() {
    }

    @Schema(description = "A change of a project under construction (Art. 23)")
    record ChangeBody(
            @Schema(description = "the absolute sum the change moves, yuan (≥ 0)", example = "1500000")
            @NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal adjustmentAmount,
            @Schema(description = "the total investment after the change, yuan", example = "10000000")
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal newTotalInvestment,
            @Schema(description = "whether the construction goals stay as approved") @NotNull Boolean goalsUnchanged,
            @Schema(description = "the ground of the change") @NotNull ChangeReason reason,
            @Schema(description = "the content adjusted; required when filing, optional for an assessment")
            @Size(max = 20000) String description) {

        ChangeCommand toCommand(boolean descriptionRequired) {
            if (descriptionRequired && (description == null || description.isBlank())) {
                throw new InvalidInputException("description", "problem.field.required");
            }
            if (description != null && description.indexOf('\u0000') >= 0) {
                throw new InvalidInputException("description", "problem.field.invalid");
            }
            return new ChangeCommand(adjustmentAmount, newTotalInvestment, goalsUnchanged, reason,
                    description == null ? "" : description);
        }
    }

    /** The provincial government's answer to an increase of a Digital Jilin fund project (Art. 23 (3)). */
    enum GovernmentOutcome { APPROVED, REFUSED }

    @Schema(description = "The provincial government's decision, recorded by the approval authority (Art. 23 (3))")
    record GovernmentDecisionBody(
            @NotNull GovernmentOutcome outcome,
            @Schema(description = "the government's document number", example = "吉政函〔2026〕12号")
            @NotBlank @Size(max = 200) String documentNumber,
            @Schema(description = "the date of the decision, not in the future", example = "2026-11-20")
            @NotNull LocalDate decidedOn,
            @Schema(description = "the approved new total, yuan; required when approved", example = "11000000")
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal approvedTotalInvestment,
            @Min(0) Long version) {

        GovernmentDecision toDecision() {
            boolean approved = outcome == GovernmentOutcome.APPROVED;
            if (approved && approvedTotalInvestment == null) {
                throw new InvalidInputException("approvedTotalInvestment", "problem.field.required");
            }
            if (documentNumber.indexOf('\u0000') >= 0) {
                throw new InvalidInputException("documentNumber", "problem.field.invalid");
            }
            return new GovernmentDecision(approved, documentNumber, decidedOn, approved ? approvedTotalInvestment : null);
        }
    }

    @Schema(description = "The approval authority acknowledges a filing; version optional")
    record AcknowledgeBody(@Min(0) Long version) {
    }
}
