package cn.jl.govit.performance.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.performance.PerformanceReportContent;
import cn.jl.govit.performance.PerformanceReportOutcome;

/** Request bodies of the performance report API; texts up to 20,000 characters, names up to 200. */
final class PerformanceReportRequests {

    private PerformanceReportRequests() {
    }

    @Schema(description = "The opinion of a unit consulted on the report: user unit (使用单位) or supervision contractor (监理单位)")
    record Opinion(@Size(max = 200) String name, @Size(max = 20000) String opinion) {

        PerformanceReportContent.UnitOpinion toOpinion() {
            return new PerformanceReportContent.UnitOpinion(strip(name), strip(opinion));
        }
    }

    @Schema(description = "The annual performance report (Art. 20); every part may be missing while drafting, all are needed to submit")
    record ReportBody(
            @Schema(description = "the report year (required to create; fixed afterwards)", example = "2026")
            @Min(2000) @Max(2100) Integer year,
            @Schema(description = "建设进度") @Size(max = 20000) String constructionProgress,
            @Schema(description = "年度计划投资（元）", example = "3000000")
            @Digits(integer = 13, fraction = 2) BigDecimal plannedInvestment,
            @Schema(description = "年度已完成投资（元）", example = "2500000")
            @Digits(integer = 13, fraction = 2) BigDecimal executedInvestment,
            @Schema(description = "投资计划执行情况说明") @Size(max = 20000) String investmentExecution,
            @Schema(description = "试运行效果") @Size(max = 20000) String trialRunEffect,
            @Schema(description = "存在问题及措施") @Size(max = 20000) String problemsAndMeasures,
            @Schema(description = "使用单位意见（至少一家）") @Size(max = 50) List<@NotNull @Valid Opinion> userUnitOpinions,
            @Schema(description = "监理单位意见") @Valid Opinion supervisionOpinion,
            @Schema(description = "ids of documents stored for the project") @Size(max = 50) List<@NotNull UUID> attachments,
            @Min(0) Long version) {

        PerformanceReportContent toContent() {
            return new PerformanceReportContent(strip(constructionProgress), plannedInvestment, executedInvestment,
                    strip(investmentExecution), strip(trialRunEffect), strip(problemsAndMeasures),
                    userUnitOpinions == null ? List.of() : userUnitOpinions.stream().map(Opinion::toOpinion).toList(),
                    supervisionOpinion == null ? null : supervisionOpinion.toOpinion(), attachments);
        }
    }

    @Schema(description = "The approval authority's decision on a submitted report")
    record DecisionBody(@NotNull PerformanceReportOutcome outcome,
            @Schema(description = "the authority's opinion (required)") @Size(max = 20000) String opinion,
            @Min(0) Long version) {
    }

    static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
