package cn.jl.govit.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.rulebook.Violation;

/** The rules of Art. 21 and 25 on the funds, at their boundaries: exactly the limit passes, one cent more does not. */
class FundingPolicyTests {

    static final LocalDate APPROVED_ON = LocalDate.of(2026, 3, 1);
    static final BigDecimal ESTIMATE = new BigDecimal("10000000.00");
    static final BigDecimal CENT = new BigDecimal("0.01");
    static final List<FundingLine> ONE_SOURCE = List.of(new FundingLine(FundingSource.DIGITAL_JILIN_FUND, ESTIMATE));

    static List<String> messages(List<Violation> violations) {
        return violations.stream().map(Violation::messageKey).toList();
    }

    @Test
    void aFundPlanMayReachTheApprovedEstimateButNotOneCentMore() {
        Map<FundingSource, BigDecimal> issued = Map.of(FundingSource.DIGITAL_JILIN_FUND, new BigDecimal("4000000"));
        assertThat(FundPlanPolicy.check(ESTIMATE, APPROVED_ON, ONE_SOURCE, issued, FundingSource.DIGITAL_JILIN_FUND,
                new BigDecimal("6000000.00"), APPROVED_ON)).isEmpty();
        List<Violation> over = FundPlanPolicy.check(ESTIMATE, APPROVED_ON, ONE_SOURCE, issued,
                FundingSource.DIGITAL_JILIN_FUND, new BigDecimal("6000000.00").add(CENT), APPROVED_ON);
        assertThat(over).extracting(Violation::rule).containsOnly("ART-21");
        assertThat(messages(over)).contains("violation.ART-21.plan-above-estimate", "violation.ART-21.plan-above-source-share");
    }

    @Test
    void eachSourceIsPlannedUpToItsShareOfTheApprovedEstimate() {
        // proposed 6 + 4 million, approved at 9 million: the fund may plan 5.4 million, the department 3.6
        List<FundingLine> lines = List.of(new FundingLine(FundingSource.DIGITAL_JILIN_FUND, new BigDecimal("6000000")),
                new FundingLine(FundingSource.DEPARTMENT_BUDGET, new BigDecimal("4000000")));
        BigDecimal estimate = new BigDecimal("9000000.00");
        assertThat(FundPlanPolicy.shares(estimate, lines)).containsEntry(FundingSource.DIGITAL_JILIN_FUND,
                new BigDecimal("5400000.00")).containsEntry(FundingSource.DEPARTMENT_BUDGET, new BigDecimal("3600000.00"));
        assertThat(FundPlanPolicy.check(estimate, APPROVED_ON, lines, Map.of(), FundingSource.DIGITAL_JILIN_FUND,
                new BigDecimal("5400000.00"), APPROVED_ON)).isEmpty();
        List<Violation> over = FundPlanPolicy.check(estimate, APPROVED_ON, lines, Map.of(),
                FundingSource.DIGITAL_JILIN_FUND, new BigDecimal("5400000.01"), APPROVED_ON);
        assertThat(messages(over)).containsExactly("violation.ART-21.plan-above-source-share");
    }

    @Test
    void sharesThatDoNotDivideEvenlyStillAddUpToTheEstimate() {
        List<FundingLine> thirds = List.of(new FundingLine(FundingSource.DIGITAL_JILIN_FUND, new BigDecimal("1")),
                new FundingLine(FundingSource.PROVINCIAL_FISCAL, new BigDecimal("1")),
                new FundingLine(FundingSource.CITY_COUNTY, new BigDecimal("1")));
        Map<FundingSource, BigDecimal> shares = FundPlanPolicy.shares(new BigDecimal("100.00"), thirds);
        assertThat(shares).containsEntry(FundingSource.DIGITAL_JILIN_FUND, new BigDecimal("33.33"))
                .containsEntry(FundingSource.CITY_COUNTY, new BigDecimal("33.34"));
        assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.00");
    }

    @Test
    void aSourceTheProjectWasNotApprovedWithGetsNoPlan() {
        List<Violation> violations = FundPlanPolicy.check(ESTIMATE, APPROVED_ON, ONE_SOURCE, Map.of(),
                FundingSource.CENTRAL_BUDGET, BigDecimal.ONE, APPROVED_ON);
        assertThat(violations).extracting(Violation::item).containsExactly("source");
    }

    @Test
    void aPlanIsIssuedOnTheApprovalDayAtTheEarliest() {
        assertThat(FundPlanPolicy.check(ESTIMATE, APPROVED_ON, ONE_SOURCE, Map.of(), FundingSource.DIGITAL_JILIN_FUND,
                BigDecimal.ONE, APPROVED_ON)).isEmpty();
        assertThat(messages(FundPlanPolicy.check(ESTIMATE, APPROVED_ON, ONE_SOURCE, Map.of(),
                FundingSource.DIGITAL_JILIN_FUND, BigDecimal.ONE, APPROVED_ON.minusDays(1))))
                .containsExactly("violation.ART-21.plan-before-approval");
        assertThat(messages(FundPlanPolicy.check(null, null, ONE_SOURCE, Map.of(), FundingSource.DIGITAL_JILIN_FUND,
                BigDecimal.ONE, APPROVED_ON))).containsExactly("violation.ART-21.no-approved-estimate");
    }

    @Test
    void disbursementsReachThePlanButNotOneCentMore() {
        BigDecimal plan = new BigDecimal("5000000.00");
        BigDecimal sofar = new BigDecimal("3000000.00");
        assertThat(DisbursementPolicy.check(plan, APPROVED_ON, sofar, new BigDecimal("2000000.00"), APPROVED_ON)).isEmpty();
        List<Violation> over = DisbursementPolicy.check(plan, APPROVED_ON, sofar, new BigDecimal("2000000.01"), APPROVED_ON);
        assertThat(over).extracting(Violation::rule, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-21", "violation.ART-21.disbursement-above-plan"));
        assertThat(messages(DisbursementPolicy.check(plan, APPROVED_ON, sofar, BigDecimal.ONE, APPROVED_ON.minusDays(1))))
                .containsExactly("violation.ART-21.disbursement-before-plan");
    }

    @Test
    void spendingReachesWhatWasDisbursedButNotOneCentMore() {
        BigDecimal disbursed = new BigDecimal("2000000.00");
        assertThat(SpendingPolicy.check(ESTIMATE, APPROVED_ON, disbursed, new BigDecimal("1500000"),
                new BigDecimal("500000.00"), APPROVED_ON)).isEmpty();
        assertThat(messages(SpendingPolicy.check(ESTIMATE, APPROVED_ON, disbursed, new BigDecimal("1500000"),
                new BigDecimal("500000.01"), APPROVED_ON))).containsExactly("violation.ART-21.spending-above-disbursed");
    }

    @Test
    void spendingNeverExceedsTheApprovedEstimateEvenWhenMoreWasDisbursed() {
        // the estimate was revised down after the funds had been disbursed
        BigDecimal disbursed = ESTIMATE.add(new BigDecimal("1000"));
        assertThat(SpendingPolicy.check(ESTIMATE, APPROVED_ON, disbursed, BigDecimal.ZERO, ESTIMATE, APPROVED_ON)).isEmpty();
        assertThat(messages(SpendingPolicy.check(ESTIMATE, APPROVED_ON, disbursed, BigDecimal.ZERO, ESTIMATE.add(CENT),
                APPROVED_ON))).containsExactly("violation.ART-21.spending-above-estimate");
        assertThat(messages(SpendingPolicy.check(ESTIMATE, APPROVED_ON, disbursed, BigDecimal.ZERO, BigDecimal.ONE,
                APPROVED_ON.minusDays(1)))).containsExactly("violation.ART-21.spending-before-approval");
    }

    @Test
    void aReturnIsAtMostTheOutstandingSurplus() {
        BigDecimal outstanding = SurplusPolicy.outstanding(new BigDecimal("2000000"), new BigDecimal("1500000"),
                new BigDecimal("100000"));
        assertThat(outstanding).isEqualByComparingTo("400000");
        assertThat(SurplusPolicy.checkReturn(outstanding, new BigDecimal("400000.00"), APPROVED_ON, APPROVED_ON)).isEmpty();
        assertThat(messages(SurplusPolicy.checkReturn(outstanding, new BigDecimal("400000.01"), APPROVED_ON, APPROVED_ON)))
                .containsExactly("violation.ART-21.return-above-surplus");
        assertThat(SurplusPolicy.checkConfirmation(APPROVED_ON, APPROVED_ON)).isEmpty();
        assertThat(messages(SurplusPolicy.checkConfirmation(APPROVED_ON, APPROVED_ON.minusDays(1))))
                .containsExactly("violation.ART-21.confirmation-before-return");
    }

    @Test
    void anUnreturnedSurplusIsFlaggedOnlyOnceConstructionIsOver() {
        BigDecimal z = BigDecimal.ZERO;
        BigDecimal left = new BigDecimal("0.01");
        assertThat(new FundsSummary(ESTIMATE, z, z, z, z, z, z, left, ESTIMATE, left, true, LevelShares.none())
                .surplusUnreturned()).isTrue();
        assertThat(new FundsSummary(ESTIMATE, z, z, z, z, z, z, left, ESTIMATE, left, false, LevelShares.none())
                .surplusUnreturned()).isFalse();
        assertThat(new FundsSummary(ESTIMATE, z, z, z, z, z, z, z, ESTIMATE, z, true, LevelShares.none())
                .surplusUnreturned()).isFalse();
    }

    static LevelShare share(GovernmentLevel level, String organization, String amount) {
        return new LevelShare(level, organization, "负责本级建设内容", new BigDecimal(amount));
    }

    @Test
    void levelSharesAddUpToTheEstimateExactly() {
        assertThat(LevelSharePolicy.check(ESTIMATE, List.of(share(GovernmentLevel.PROVINCIAL, "省人社厅", "6000000.00"),
                share(GovernmentLevel.CITY, "长春市", "3000000.00"), share(GovernmentLevel.COUNTY, "农安县", "1000000.00"))))
                .isEmpty();
        List<Violation> oneCentShort = LevelSharePolicy.check(ESTIMATE, List.of(
                share(GovernmentLevel.PROVINCIAL, "省人社厅", "6000000.00"), share(GovernmentLevel.CITY, "长春市", "3999999.99")));
        assertThat(oneCentShort).extracting(Violation::rule, Violation::item, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-25", "shares", "violation.ART-25.sum"));
        List<Violation> oneCentOver = LevelSharePolicy.check(ESTIMATE, List.of(
                share(GovernmentLevel.PROVINCIAL, "省人社厅", "6000000.00"), share(GovernmentLevel.CITY, "长春市", "4000000.01")));
        assertThat(messages(oneCentOver)).containsExactly("violation.ART-25.sum");
    }

    @Test
    void eachShareBearsAPositiveAmountAndAppearsOncePerLevel() {
        List<Violation> violations = LevelSharePolicy.check(ESTIMATE, List.of(
                share(GovernmentLevel.PROVINCIAL, "省人社厅", "10000000.00"), share(GovernmentLevel.CITY, "长春市", "0"),
                share(GovernmentLevel.CITY, " 长春市 ", "0")));
        assertThat(violations).extracting(Violation::item)
                .containsExactly("shares[1].amount", "shares[2].amount", "shares[2].organization");
        // the same name at another level is another body (the city and the county of one name)
        assertThat(LevelSharePolicy.check(ESTIMATE, List.of(share(GovernmentLevel.CITY, "公主岭", "5000000"),
                share(GovernmentLevel.COUNTY, "公主岭", "5000000")))).isEmpty();
        assertThat(messages(LevelSharePolicy.check(null, List.of(share(GovernmentLevel.CITY, "长春市", "1")))))
                .containsExactly("violation.ART-25.no-approved-estimate");
    }
}
