package cn.jl.govit.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.PolicyParameters.ThresholdBasis;
import cn.jl.govit.rulebook.Reason;

/** Art. 23 at its boundaries: the 15 % threshold, the approved estimate, goals, grounds and the Digital Jilin fund. */
class ChangeRoutePolicyTests {

    private static final BigDecimal ESTIMATE = new BigDecimal("10000000");
    private static final ChangeRoutePolicy CUMULATIVE = new ChangeRoutePolicy(new BigDecimal("0.15"), ThresholdBasis.CUMULATIVE);
    private static final ChangeRoutePolicy PER_CHANGE = new ChangeRoutePolicy(new BigDecimal("0.15"), ThresholdBasis.PER_CHANGE);

    private static ChangeFacts facts(String adjustment, String newTotal, boolean goals, ChangeReason reason, String previous) {
        return new ChangeFacts(ESTIMATE, new BigDecimal(adjustment), new BigDecimal(newTotal), goals, reason,
                new BigDecimal(previous), false, null);
    }

    private static ChangeFacts fund(String newTotal, LocalDate planIssuedOn) {
        return new ChangeFacts(ESTIMATE, new BigDecimal("100000"), new BigDecimal(newTotal), true,
                ChangeReason.TECHNICAL_OPTIMIZATION, BigDecimal.ZERO, true, planIssuedOn);
    }

    private static List<String> rules(ChangeAssessment a) {
        return a.reasons().stream().map(Reason::rule).toList();
    }

    private static List<String> keys(ChangeAssessment a) {
        return a.reasons().stream().map(Reason::messageKey).toList();
    }

    @Test
    void exactlyFifteenPercentIsFiledAndEveryConditionIsAReason() {
        ChangeAssessment a = CUMULATIVE.assess(facts("1500000", "10000000", true, ChangeReason.TECHNICAL_OPTIMIZATION, "0"));
        assertThat(a.route()).isEqualTo(ChangeRoute.FILING);
        assertThat(a.threshold()).isEqualByComparingTo("1500000.00");
        assertThat(a.cumulativeAdjustment()).isEqualByComparingTo("1500000");
        assertThat(rules(a)).containsOnly("ART-23-1");
        assertThat(keys(a)).containsExactly("reason.ART-23-1.within-estimate", "reason.ART-23-1.goals-unchanged",
                "reason.ART-23-1.within-threshold", "reason.ART-23-1.listed-reason");
    }

    @Test
    void oneCentMoreThanFifteenPercentNeedsReapproval() {
        ChangeAssessment a = CUMULATIVE.assess(facts("1500000.01", "10000000", true, ChangeReason.PROVINCIAL_ORDER, "0"));
        assertThat(a.route()).isEqualTo(ChangeRoute.REAPPROVAL);
        assertThat(a.reasons().get(0).rule()).isEqualTo("ART-23-2");
        assertThat(a.reasons().get(0).messageKey()).isEqualTo("reason.ART-23-2.exceeds-threshold");
        assertThat(keys(a)).filteredOn(k -> k.startsWith("reason.ART-23-2")).hasSize(1);
    }

    @Test
    void theThresholdIsRoundedToTheCent() {
        ChangeFacts odd = new ChangeFacts(new BigDecimal("1000000.07"), new BigDecimal("150000.01"),
                new BigDecimal("1000000.07"), true, ChangeReason.BUSINESS_DEVELOPMENT, BigDecimal.ZERO, false, null);
        ChangeAssessment a = CUMULATIVE.assess(odd);
        assertThat(a.threshold()).isEqualByComparingTo("150000.01");
        assertThat(a.route()).isEqualTo(ChangeRoute.FILING);
    }

    @Test
    void cumulativeBasisCountsTheChangesInForce() {
        ChangeAssessment cumulative = CUMULATIVE.assess(facts("600000", "10000000", true, ChangeReason.TECHNICAL_OPTIMIZATION, "1000000"));
        assertThat(cumulative.route()).isEqualTo(ChangeRoute.REAPPROVAL);
        assertThat(cumulative.cumulativeAdjustment()).isEqualByComparingTo("1600000");
        assertThat(keys(cumulative)).contains("reason.ART-23-2.exceeds-threshold");

        ChangeAssessment atTheLimit = CUMULATIVE.assess(facts("500000", "10000000", true, ChangeReason.TECHNICAL_OPTIMIZATION, "1000000"));
        assertThat(atTheLimit.route()).isEqualTo(ChangeRoute.FILING);
        assertThat(atTheLimit.cumulativeAdjustment()).isEqualByComparingTo("1500000");
    }

    @Test
    void perChangeBasisCountsThisChangeAlone() {
        ChangeAssessment a = PER_CHANGE.assess(facts("600000", "10000000", true, ChangeReason.TECHNICAL_OPTIMIZATION, "1000000"));
        assertThat(a.route()).isEqualTo(ChangeRoute.FILING);
        assertThat(a.cumulativeAdjustment()).isEqualByComparingTo("600000");
        ChangeAssessment over = PER_CHANGE.assess(facts("1500000.01", "10000000", true, ChangeReason.TECHNICAL_OPTIMIZATION, "0"));
        assertThat(over.route()).isEqualTo(ChangeRoute.REAPPROVAL);
    }

    @Test
    void aTotalEqualToTheEstimateIsWithinItOneCentMoreIsNot() {
        assertThat(CUMULATIVE.assess(facts("100000", "10000000.00", true, ChangeReason.TECHNICAL_OPTIMIZATION, "0")).route())
                .isEqualTo(ChangeRoute.FILING);
        ChangeAssessment over = CUMULATIVE.assess(facts("100000", "10000000.01", true, ChangeReason.TECHNICAL_OPTIMIZATION, "0"));
        assertThat(over.route()).isEqualTo(ChangeRoute.REAPPROVAL);
        assertThat(keys(over)).containsExactly("reason.ART-23-2.exceeds-estimate", "reason.ART-23-1.goals-unchanged",
                "reason.ART-23-1.within-threshold", "reason.ART-23-1.listed-reason");
        assertThat(over.reasons().get(0).args()).containsExactly(new BigDecimal("10000000.01"), ESTIMATE);
    }

    @Test
    void changedGoalsNeedReapproval() {
        ChangeAssessment a = CUMULATIVE.assess(facts("100000", "9000000", false, ChangeReason.TECHNICAL_OPTIMIZATION, "0"));
        assertThat(a.route()).isEqualTo(ChangeRoute.REAPPROVAL);
        assertThat(keys(a).get(0)).isEqualTo("reason.ART-23-2.goals-changed");
    }

    @Test
    void anUnlistedGroundNeedsReapproval() {
        ChangeAssessment a = CUMULATIVE.assess(facts("100000", "9000000", true, ChangeReason.OTHER, "0"));
        assertThat(a.route()).isEqualTo(ChangeRoute.REAPPROVAL);
        assertThat(keys(a).get(0)).isEqualTo("reason.ART-23-2.unlisted-reason");
    }

    @Test
    void everyFailedConditionIsNamed() {
        ChangeAssessment a = CUMULATIVE.assess(facts("2000000", "12000000", false, ChangeReason.OTHER, "0"));
        assertThat(a.route()).isEqualTo(ChangeRoute.REAPPROVAL);
        assertThat(rules(a)).containsOnly("ART-23-2").hasSize(4);
    }

    @Test
    void aDigitalJilinFundIncreaseBeforeTheFundPlanIsReapprovedAfterItGoesToTheGovernment() {
        ChangeAssessment before = CUMULATIVE.assess(fund("10000000.01", null));
        assertThat(before.route()).isEqualTo(ChangeRoute.REAPPROVAL);
        assertThat(keys(before)).contains("reason.ART-23-3.no-fund-plan-yet");

        ChangeAssessment after = CUMULATIVE.assess(fund("10000000.01", LocalDate.of(2026, 3, 1)));
        assertThat(after.route()).isEqualTo(ChangeRoute.GOVERNMENT_APPROVAL);
        assertThat(after.reasons().get(0).rule()).isEqualTo("ART-23-3");
        assertThat(after.reasons().get(0).args()).containsExactly("2026-03-01", new BigDecimal("10000000.01"), ESTIMATE);
        assertThat(keys(after)).contains("reason.ART-23-2.exceeds-estimate");
    }

    @Test
    void aDigitalJilinFundChangeWithoutIncreaseIsFiledEvenAfterTheFundPlan() {
        ChangeAssessment a = CUMULATIVE.assess(fund("10000000", LocalDate.of(2026, 3, 1)));
        assertThat(a.route()).isEqualTo(ChangeRoute.FILING);
        assertThat(keys(a)).endsWith("reason.ART-23-3.no-increase");
    }

    @Test
    void aProjectWithoutTheFundHasNoArticle23Clause3Reason() {
        ChangeAssessment a = CUMULATIVE.assess(facts("100000", "10000000.01", true, ChangeReason.TECHNICAL_OPTIMIZATION, "0"));
        assertThat(rules(a)).doesNotContain("ART-23-3");
    }
}
