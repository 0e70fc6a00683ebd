package cn.jl.govit.construction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.Violation;

/** Art. 21 at its boundaries: the warning share exactly and one cent below; the estimate exactly and one cent above. */
class ContractBudgetPolicyTests {

    private final ContractBudgetPolicy policy = new ContractBudgetPolicy(PolicyParameters.defaults().contractWarningShare());
    private static final BigDecimal ESTIMATE = new BigDecimal("1000000.00");

    @Test
    void exactlyTheWarningShareWarns() {
        ContractBudgetPolicy.Assessment a = policy.assess(ESTIMATE, new BigDecimal("500000.00"), new BigDecimal("400000.00"));
        assertThat(a.refusals()).isEmpty();
        assertThat(a.warnings()).extracting(Violation::rule).containsExactly("ART-21");
        assertThat(a.warnings().get(0).messageKey()).isEqualTo("violation.ART-21.near-estimate");
        assertThat(a.warnings().get(0).args()).containsExactly("900000.00", "1000000.00", "90%", "90%");
    }

    @Test
    void oneCentBelowTheWarningShareDoesNotWarn() {
        ContractBudgetPolicy.Assessment a = policy.assess(ESTIMATE, new BigDecimal("500000.00"), new BigDecimal("399999.99"));
        assertThat(a.refusals()).isEmpty();
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void exactlyTheEstimateIsAllowedWithAWarning() {
        ContractBudgetPolicy.Assessment a = policy.assess(ESTIMATE, new BigDecimal("999999.99"), new BigDecimal("0.01"));
        assertThat(a.refusals()).isEmpty();
        assertThat(a.warnings()).hasSize(1);
        assertThat(a.warnings().get(0).args()).element(2).isEqualTo("100%");
    }

    @Test
    void oneCentAboveTheEstimateIsRefused() {
        ContractBudgetPolicy.Assessment a = policy.assess(ESTIMATE, new BigDecimal("999999.99"), new BigDecimal("0.02"));
        assertThat(a.refusals()).extracting(Violation::rule, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-21", "violation.ART-21.above-estimate"));
        assertThat(a.refusals().get(0).args()).containsExactly("1000000.01", "1000000.00", "0.01");
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void aRevisedEstimateMakesRoom() {
        assertThat(policy.assess(new BigDecimal("1200000.00"), ESTIMATE, new BigDecimal("0.02")).refusals()).isEmpty();
    }

    @Test
    void noEstimateNoContract() {
        assertThat(policy.assess(null, BigDecimal.ZERO, BigDecimal.ONE).refusals()).extracting(Violation::messageKey)
                .containsExactly("violation.ART-21.no-estimate");
    }

    @Test
    void anotherWarningShareIsConfiguration() {
        ContractBudgetPolicy eighty = new ContractBudgetPolicy(new BigDecimal("0.80"));
        assertThat(eighty.assess(ESTIMATE, BigDecimal.ZERO, new BigDecimal("800000.00")).warnings()).hasSize(1);
        assertThat(eighty.assess(ESTIMATE, BigDecimal.ZERO, new BigDecimal("799999.99")).warnings()).isEmpty();
    }
}
