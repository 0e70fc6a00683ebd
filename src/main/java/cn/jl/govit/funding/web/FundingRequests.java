package cn.jl.govit.funding.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.funding.GovernmentLevel;
import cn.jl.govit.funding.LevelShare;
import cn.jl.govit.project.FundingSource;

/** The request bodies of the funding API; amounts in yuan (> 0, at most 2 decimals), dates {@code yyyy-MM-dd}. */
final class FundingRequests {

    private FundingRequests() {
    }

    @Schema(description = "A fund plan issued by Finance (资金计划下达)")
    record IssueFundPlan(
            @NotNull @Schema(example = "DIGITAL_JILIN_FUND") FundingSource source,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2)
            @Schema(example = "5000000") BigDecimal amount,
            @NotNull @Schema(example = "2026-03-01") LocalDate issuedOn) {
    }

    @Schema(description = "Funds disbursed by Finance against a fund plan (资金拨付)")
    record Disburse(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @NotNull LocalDate disbursedOn) {
    }

    @Schema(description = "Spending recorded by the construction unit (支出)")
    record RecordSpending(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @NotNull LocalDate spentOn,
            @NotBlank @Size(max = 20000) String purpose,
            @Size(max = 200) @Schema(description = "the contract's number or name, optional") String contractReference,
            @Schema(description = "a document of the project that proves the payment, optional") UUID voucherDocumentId) {
    }

    @Schema(description = "Surplus funds returned by the construction unit (结余资金上缴)")
    record ReturnSurplus(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @NotNull LocalDate returnedOn) {
    }

    @Schema(description = "Finance confirms that a returned surplus arrived")
    record ConfirmReturn(
            @NotNull LocalDate confirmedOn,
            @Min(0) Long version) {
    }

    @Schema(description = "The split of content and funds by level (Art. 25), replacing the current one as a whole")
    record ReplaceLevelShares(
            @Min(0) @Schema(description = "the current version (0 before the first split)") Long version,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid Share> shares) {

        List<LevelShare> toShares() {
            return shares.stream().map(s -> new LevelShare(s.level(), s.organization(), s.contentResponsibility(), s.amount()))
                    .toList();
        }
    }

    record Share(
            @NotNull GovernmentLevel level,
            @NotBlank @Size(max = 200) @Schema(example = "长春市政务服务和数字化局") String organization,
            @NotBlank @Size(max = 20000) String contentResponsibility,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }
}
