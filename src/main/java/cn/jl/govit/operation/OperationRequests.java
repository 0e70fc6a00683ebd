package cn.jl.govit.operation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the construction unit records in operation, as the API and the pages take it: bean validation for the
 * format, the services for dates against today and documents of the project, the policies for the rules. Names at
 * most 200 characters, other texts at most 20,000, money in yuan with 2 decimals.
 */
public final class OperationRequests {

    private OperationRequests() {
    }

    @Schema(description = "A periodic security risk assessment (Art. 16, 36) or cryptography application security "
            + "assessment by a certified assessor (密评, Art. 17); documentId is the report stored for the project")
    public record NewAssessment(
            @NotNull LocalDate assessedOn,
            @NotBlank @Size(max = 200) @Schema(example = "吉林省信息安全测评中心") String assessor,
            @NotNull AssessmentResult result,
            @Size(max = 20000) String findings,
            @NotNull UUID documentId) {
    }

    @Schema(description = "An MLPS evaluation (等级保护测评) of a non-classified system; level 1 to 5, score 0 to 100")
    public record NewMlpsRecord(
            @NotNull @Min(1) @Max(5) Integer level,
            @NotBlank @Size(max = 200) @Schema(example = "22010013001-00001") String filingNumber,
            @NotNull LocalDate evaluatedOn,
            @NotBlank @Size(max = 200) String evaluator,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal score,
            @NotNull MlpsConclusion conclusion,
            @NotNull UUID documentId) {
    }

    @Schema(description = "An O&M contract (Art. 35); endsOn after startsOn, amount in yuan")
    public record NewContract(
            @NotBlank @Size(max = 200) String contractor,
            @NotBlank @Size(max = 200) String contractNumber,
            @NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotBlank @Size(max = 20000) @Schema(example = "7×24 小时响应，重大故障 2 小时内到场") String serviceLevel,
            UUID documentId) {
    }

    @Schema(description = "An entry of the O&M log (Art. 35); contractId an O&M contract of the project, if any")
    public record NewRecord(
            @NotNull LocalDate occurredOn,
            @NotNull MaintenanceRecordKind kind,
            @NotBlank @Size(max = 20000) String description,
            UUID contractId,
            UUID documentId) {
    }
}
