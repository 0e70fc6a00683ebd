package cn.jl.govit.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the violation-record use cases take, from the API's JSON and the pages' forms alike. */
public final class ViolationRequests {

    private ViolationRequests() {
    }

    @Schema(description = "A violation of Art. 33 (the approval authority) or misconduct of Art. 34 (any supervising body)")
    public record NewViolation(
            @Schema(description = "NO_APPROVAL_OR_FILING, FRAUD, SEVERE_OVERRUN, POOR_QUALITY, LOSS_AND_WASTE, SAFETY_ACCIDENT, OTHER_LIABILITY_ACCIDENT (Art. 33, the project's approval authority only: 422 ART-33 for other bodies) or MISCONDUCT (Art. 34)", example = "SEVERE_OVERRUN") @NotNull ViolationKind kind,
            @Schema(description = "违规事实") @NotBlank @Size(max = 20000) String facts,
            @Schema(description = "ids of documents stored for the project") @Size(max = 50) List<UUID> evidenceDocumentIds,
            @Schema(description = "发生日期: not in the future (400), not before the project was proposed (422)", example = "2026-10-15") @NotNull LocalDate occurredOn) {
    }

    @Schema(description = "The recording body refers its standing record to a competent body (提请有关部门严肃处理)")
    public record Referral(
            @Schema(description = "移送单位, e.g. 省纪委监委, 省审计厅, 公安机关", example = "省纪委监委") @NotBlank @Size(max = 200) String referredTo,
            @Schema(description = "移送事项") @NotBlank @Size(max = 20000) String matter,
            @Schema(description = "移送日期: not in the future (400), not before the violation occurred (422)", example = "2026-11-20") @NotNull LocalDate referredOn) {
    }

    @Schema(description = "The recording body withdraws its record with a reason; it stays visible (Art. 30)")
    public record Withdrawal(@NotBlank @Size(max = 20000) String reason) {
    }
}
