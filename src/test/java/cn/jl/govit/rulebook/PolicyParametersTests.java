package cn.jl.govit.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The measures' thresholds and periods come from configuration, with the measures' own figures as defaults. */
class PolicyParametersTests {

    private static PolicyParameters bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("govit.policy", PolicyParameters.class);
    }

    @Test
    void withoutConfigurationTheMeasuresOwnFiguresApply() {
        PolicyParameters bound = bind(Map.of());
        assertThat(bound).isEqualTo(PolicyParameters.defaults());
        assertThat(bound.changeFilingThreshold()).isEqualByComparingTo("0.15");
        assertThat(bound.changeThresholdBasis()).isEqualTo(PolicyParameters.ThresholdBasis.CUMULATIVE);
        assertThat(bound.performanceReportDueDay()).isEqualTo(MonthDay.of(12, 31));
        assertThat(bound.finalAcceptanceWindowMonths()).isEqualTo(6);
        assertThat(bound.rectificationWindowMonths()).isEqualTo(6);
        assertThat(bound.selfEvaluationWindowStartMonths()).isEqualTo(12);
        assertThat(bound.selfEvaluationWindowEndMonths()).isEqualTo(24);
        assertThat(bound.securityAssessmentPeriodMonths()).isEqualTo(12);
        assertThat(bound.cryptoAssessmentPeriodMonths()).isEqualTo(12);
    }

    @Test
    void aProvinceThatAmendsTheMeasuresChangesConfigurationOnly() {
        PolicyParameters bound = bind(Map.of("govit.policy.change-filing-threshold", "0.10",
                "govit.policy.change-threshold-basis", "PER_CHANGE", "govit.policy.performance-report-due", "--11-30"));
        assertThat(bound.changeFilingThreshold()).isEqualTo(new BigDecimal("0.10"));
        assertThat(bound.changeThresholdBasis()).isEqualTo(PolicyParameters.ThresholdBasis.PER_CHANGE);
        assertThat(bound.performanceReportDueDay()).isEqualTo(MonthDay.of(11, 30));
    }

    @Test
    void impossibleFiguresAreRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("govit.policy.change-filing-threshold", "1.5"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("govit.policy.change-filing-threshold", "0"))).isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("govit.policy.self-evaluation-window-start-months", "24")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("govit.policy.performance-report-due", "12-31")))
                .isInstanceOf(BindException.class);
    }
}
