package cn.jl.govit.construction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the construction unit and the approval authority record during construction, as the API takes it and the
 * services check it (bean validation for the format; the services for dates against today, the rules for the
 * rest). Names and titles at most 200 characters, other texts at most 20,000, money in yuan with 2 decimals.
 */
public final class ConstructionRequests {

    private ConstructionRequests() {
    }

    /** The unified social credit code (GB 32100): 18 characters, no I, O, S, V or Z. */
    public static final String USCC = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}";

    @Schema(description = "The project legal person (项目法人), Art. 14")
    public record LegalPerson(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String legalRepresentative,
            @NotBlank @Pattern(regexp = USCC) @Schema(example = "91220101MA0Y4T1X2B") String unifiedSocialCreditCode,
            @Min(0) Long version) {
    }

    @Schema(description = "The supervision contractor (监理单位), Art. 14")
    public record SupervisionContractor(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String contractReference,
            @Min(0) Long version) {
    }

    @Schema(description = "A procurement under the Government Procurement Law; a classified project's carries an "
            + "offline reference instead of documents (Art. 8, secrecy law)")
    public record NewProcurement(
            @NotNull ProcurementMethod method,
            @NotBlank @Size(max = 200) String subject,
            @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal budgetAmount,
            @Size(max = 200) String supplier,
            @NotNull LocalDate announcedOn,
            LocalDate awardedOn,
            @Size(max = 50) List<@NotNull UUID> documentIds,
            @Size(max = 200) String offlineReference) {

        public List<UUID> documents() {
            return documentIds == null ? List.of() : documentIds;
        }
    }

    @Schema(description = "The result of a procurement recorded before it was awarded")
    public record Award(
            @NotBlank @Size(max = 200) String supplier,
            @NotNull LocalDate awardedOn) {
    }

    @Schema(description = "A contract of the project; its amount counts against the approved estimate (Art. 21)")
    public record NewContract(
            @NotBlank @Size(max = 200) String contractor,
            @NotBlank @Size(max = 200) String subject,
            @NotNull ContractKind kind,
            @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @NotNull LocalDate signedOn,
            UUID procurementId) {
    }

    @Schema(description = "A periodic progress report of the construction unit")
    public record NewProgressReport(
            @NotNull LocalDate periodStart,
            @NotNull LocalDate periodEnd,
            @NotNull @Min(0) @Max(100) Integer percentComplete,
            @NotBlank @Size(max = 20000) String workDone,
            @Size(max = 20000) String problems,
            @Size(max = 20000) String nextSteps) {
    }

    @Schema(description = "A new milestone baseline set through change control (Art. 23)")
    public record Rebaseline(
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid PlannedMilestone> milestones,
            @NotBlank @Size(max = 20000) String basis) {
    }

    @Schema(description = "The day a milestone was reached")
    public record MilestoneReached(@NotNull LocalDate reachedOn) {
    }

    @Schema(description = "A serious delay or major loss the construction unit reports (Art. 22)")
    public record NewIncident(
            @NotNull IncidentKind kind,
            @NotNull LocalDate occurredOn,
            @NotBlank @Size(max = 20000) String facts,
            @NotBlank @Size(max = 20000) String measures) {
    }

    @Schema(description = "The approval authority orders rectification by a deadline (Art. 22)")
    public record NewRectificationOrder(
            @NotBlank @Size(max = 20000) String requirements,
            @NotNull LocalDate deadline,
            UUID incidentId) {
    }

    @Schema(description = "What the construction unit rectified")
    public record RectificationReport(
            @NotBlank @Size(max = 20000) String rectification,
            @Min(0) Long version) {
    }

    @Schema(description = "The authority accepts the rectification or rejects it with an opinion")
    public record RectificationReview(
            @NotNull Boolean accepted,
            @Size(max = 20000) String opinion,
            @Min(0) Long version) {
    }

    @Schema(description = "Why the authority suspends or resumes construction (Art. 22)")
    public record Reasoned(@NotBlank @Size(max = 20000) String reason) {
    }
}
