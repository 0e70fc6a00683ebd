package cn.jl.govit.performance;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an annual performance report says (Art. 20): construction progress, the execution of the year's investment
 * plan (planned and executed amounts in yuan with an explanation), the effect of the trial run, the problems met
 * and the measures taken, the opinions of the user units (使用单位) and of the supervision contractor (监理单位),
 * and the documents attached (ids of documents stored for the project). Any part may be missing while drafting;
 * {@link PerformanceReportPolicy} names what is missing when the unit submits.
 */
public record PerformanceReportContent(String constructionProgress, BigDecimal plannedInvestment,
        BigDecimal executedInvestment, String investmentExecution, String trialRunEffect, String problemsAndMeasures,
        List<UnitOpinion> userUnitOpinions, UnitOpinion supervisionOpinion, List<UUID> attachments) {

    public PerformanceReportContent {
        userUnitOpinions = userUnitOpinions == null ? List.of() : List.copyOf(userUnitOpinions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static PerformanceReportContent empty() {
        return new PerformanceReportContent(null, null, null, null, null, null, List.of(), null, List.of());
    }

    /** The opinion of a unit consulted on the report: its name and what it says. */
    public record UnitOpinion(String name, String opinion) {
    }
}
