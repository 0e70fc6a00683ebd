package cn.jl.govit.evaluation;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the evaluation use cases take, from the API's JSON and from the pages' forms alike: names up to 200
 * characters, texts up to 20,000. A missing part of a report is a rule of the measures ({@code 422}), so the report
 * parts carry no {@code @NotBlank}; a missing date, decision or description is malformed input ({@code 400}).
 */
public final class EvaluationRequests {

    private EvaluationRequests() {
    }

    @Schema(description = "自评价报告 The self-evaluation report (Art. 28); every part is needed (422 ART-28 naming each missing one)")
    public record SelfEvaluationReport(
            @Schema(description = "the day the self-evaluation was carried out", example = "2027-12-01") @NotNull LocalDate evaluatedOn,
            @Schema(description = "项目建设目标实现情况") @Size(max = 20000) String goalsAchieved,
            @Schema(description = "投资及效益情况") @Size(max = 20000) String investmentAndBenefits,
            @Schema(description = "运行及使用情况") @Size(max = 20000) String operationAndUse,
            @Schema(description = "信息共享和整合情况") @Size(max = 20000) String sharingAndIntegration,
            @Schema(description = "存在问题及改进措施") @Size(max = 20000) String problemsAndMeasures,
            @Schema(description = "id of the report document stored for the project") UUID documentId,
            @Schema(description = "the report's version when resubmitting a returned report") @Min(0) Long version) {

        SelfEvaluationContent toContent() {
            return new SelfEvaluationContent(evaluatedOn, strip(goalsAchieved), strip(investmentAndBenefits),
                    strip(operationAndUse), strip(sharingAndIntegration), strip(problemsAndMeasures), documentId);
        }
    }

    @Schema(description = "The approval authority's decision on a submitted self-evaluation report")
    public record Decision(@NotNull SelfEvaluationOutcome outcome,
            @Schema(description = "the authority's opinion (required)") @NotBlank @Size(max = 20000) String opinion,
            @Min(0) Long version) {
    }

    @Schema(description = "The approval authority commissions a third-party post-evaluation (Art. 28)")
    public record Commission(
            @Schema(description = "第三方咨询机构名称", example = "吉林某工程咨询有限公司") @NotBlank @Size(max = 200) String evaluator,
            @Schema(example = "2027-12-15") @NotNull LocalDate commissionedOn,
            @Schema(description = "后评价范围与要求") @NotBlank @Size(max = 20000) String scope) {
    }

    @Schema(description = "The report of a commissioned post-evaluation, recorded by the approval authority")
    public record PostEvaluationReport(@NotNull LocalDate reportedOn, @NotNull PostEvaluationConclusion conclusion,
            @Schema(description = "结论摘要（必填，缺少时 422 ART-28）") @Size(max = 20000) String summary,
            @Schema(description = "id of the report document stored for the project (422 ART-28 when missing)") UUID documentId,
            @Min(0) Long version) {
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
