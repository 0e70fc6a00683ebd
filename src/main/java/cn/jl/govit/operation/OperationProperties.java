package cn.jl.govit.operation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operation module's own settings ({@code govit.operation.*}); the assessment periods of the measures stay in
 * the rulebook's policy parameters.
 *
 * @param contractRenewalNoticeDays an O&M contract ending within this many days is flagged for renewal
 * @param mlpsYearlyFromLevel from this MLPS protection level on, the system is evaluated every period (level 3:
 *        once a year under the MLPS rules)
 * @param mlpsPeriodMonths the period of those evaluations
 */
@ConfigurationProperties("govit.operation")
public record OperationProperties(@DefaultValue("60") int contractRenewalNoticeDays,
        @DefaultValue("3") int mlpsYearlyFromLevel, @DefaultValue("12") int mlpsPeriodMonths) {

    public OperationProperties {
        if (contractRenewalNoticeDays < 0) {
            throw new IllegalArgumentException("govit.operation.contract-renewal-notice-days is 0 or more");
        }
        if (mlpsYearlyFromLevel < 1 || mlpsYearlyFromLevel > 5 || mlpsPeriodMonths < 1) {
            throw new IllegalArgumentException("govit.operation: MLPS level 1 to 5 and a period of at least a month");
        }
    }

    /** The measures' and MLPS rules' own figures, for tests that run without Spring. */
    public static OperationProperties defaults() {
        return new OperationProperties(60, 3, 12);
    }
}
