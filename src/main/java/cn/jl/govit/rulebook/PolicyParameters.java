package cn.jl.govit.rulebook;

import java.math.BigDecimal;
import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds and periods the measures set, bound from {@code govit.policy.*}. The defaults are the
 * measures' own figures; a province that amends them changes configuration, not code.
 *
 * @param changeFilingThreshold share of the approved estimate a change may move and still be filed (Art. 23)
 * @param changeThresholdBasis whether that share counts per change or over all filed changes (Art. 23)
 * @param performanceReportMinConstructionMonths a construction period longer than this needs annual reports (Art. 20)
 * @param performanceReportDue the day of the year by which the annual report is due (Art. 20: 年底前)
 * @param finalAcceptanceWindowMonths months after initial acceptance and stable trial run to apply (Art. 26)
 * @param rectificationWindowMonths months to rectify after a failed acceptance (Art. 27)
 * @param selfEvaluationWindowStartMonths months after final acceptance the self-evaluation window opens (Art. 28)
 * @param selfEvaluationWindowEndMonths months after final acceptance the self-evaluation window closes (Art. 28)
 * @param securityAssessmentPeriodMonths period of security risk assessments (Art. 16, 36)
 * @param cryptoAssessmentPeriodMonths period of cryptography assessments (Art. 17, 36)
 * @param contractWarningShare share of the approved estimate from which contracted totals are warned about (Art. 21)
 * @param progressReportPeriodMonths how often the construction unit reports its progress
 * @param seriousDelayMarginMonths months behind the baseline (or without a due progress report) after which the
 *        platform flags a likely serious delay and asks the unit to report it (Art. 22)
 */
@ConfigurationProperties("govit.policy")
public record PolicyParameters(
        @DefaultValue("0.15") BigDecimal changeFilingThreshold,
        @DefaultValue("CUMULATIVE") ThresholdBasis changeThresholdBasis,
        @DefaultValue("12") int performanceReportMinConstructionMonths,
        @DefaultValue("--12-31") String performanceReportDue,
        @DefaultValue("6") int finalAcceptanceWindowMonths,
        @DefaultValue("6") int rectificationWindowMonths,
        @DefaultValue("12") int selfEvaluationWindowStartMonths,
        @DefaultValue("24") int selfEvaluationWindowEndMonths,
        @DefaultValue("12") int securityAssessmentPeriodMonths,
        @DefaultValue("12") int cryptoAssessmentPeriodMonths,
        @DefaultValue("0.90") BigDecimal contractWarningShare,
        @DefaultValue("3") int progressReportPeriodMonths,
        @DefaultValue("3") int seriousDelayMarginMonths) {

    /** Whether the Art. 23 threshold applies to each change alone or to all filed changes together. */
    public enum ThresholdBasis { PER_CHANGE, CUMULATIVE }

    public PolicyParameters {
        if (changeFilingThreshold.signum() <= 0 || changeFilingThreshold.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("govit.policy.change-filing-threshold must lie between 0 and 1");
        }
        if (selfEvaluationWindowStartMonths >= selfEvaluationWindowEndMonths) {
            throw new IllegalArgumentException("the self-evaluation window must open before it closes");
        }
        MonthDay.parse(performanceReportDue);
        if (contractWarningShare.signum() <= 0 || contractWarningShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("govit.policy.contract-warning-share must lie between 0 and 1");
        }
        if (progressReportPeriodMonths < 1 || seriousDelayMarginMonths < 1) {
            throw new IllegalArgumentException("progress report period and serious-delay margin are at least one month");
        }
    }

    /** The day of each year by which the Art. 20 report is due. */
    public MonthDay performanceReportDueDay() {
        return MonthDay.parse(performanceReportDue);
    }

    /** The measures' own figures, for tests and tools that run without Spring. */
    public static PolicyParameters defaults() {
        return new PolicyParameters(new BigDecimal("0.15"), ThresholdBasis.CUMULATIVE, 12, "--12-31",
                6, 6, 12, 24, 12, 12, new BigDecimal("0.90"), 3, 3);
    }
}
