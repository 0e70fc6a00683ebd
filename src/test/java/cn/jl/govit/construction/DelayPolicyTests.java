package cn.jl.govit.construction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.PolicyParameters;

/** Art. 22 delay signs at their boundaries: the margin after a milestone, the gap without a progress report. */
class DelayPolicyTests {

    private final DelayPolicy policy = new DelayPolicy(PolicyParameters.defaults().progressReportPeriodMonths(),
            PolicyParameters.defaults().seriousDelayMarginMonths());
    private static final LocalDate START = LocalDate.of(2026, 1, 10);
    private static final UUID MILESTONE = UUID.randomUUID();

    private static DelayPolicy.Facts facts(LocalDate lastReport, LocalDate planned, LocalDate reached) {
        return new DelayPolicy.Facts(START, lastReport,
                List.of(new DelayPolicy.Facts.Milestone(MILESTONE, "系统上线", planned, reached)));
    }

    @Test
    void aMilestoneExactlyTheMarginLateIsNotFlagged() {
        // reported recently, so only the milestone counts
        assertThat(policy.check(facts(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 3, 15), null), LocalDate.of(2026, 6, 15)))
                .isEmpty();
    }

    @Test
    void aMilestoneOneDayBeyondTheMarginIsFlaggedOnce() {
        List<DelayPolicy.Cause> causes = policy.check(facts(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 3, 15), null),
                LocalDate.of(2026, 6, 16));
        assertThat(causes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(DelayFlagKind.MILESTONE_OVERDUE);
            assertThat(c.key()).isEqualTo("MILESTONE:" + MILESTONE);
            assertThat(c.subject()).isEqualTo("系统上线");
            assertThat(c.since()).isEqualTo(LocalDate.of(2026, 3, 15));
        });
        // the same cause the next day has the same key: the service flags it once
        assertThat(policy.check(facts(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 3, 15), null), LocalDate.of(2026, 6, 17)))
                .extracting(DelayPolicy.Cause::key).containsExactly("MILESTONE:" + MILESTONE);
    }

    @Test
    void aReachedMilestoneIsNeverFlagged() {
        assertThat(policy.check(facts(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 3, 15), LocalDate.of(2026, 6, 20)),
                LocalDate.of(2026, 8, 1))).isEmpty();
    }

    @Test
    void noReportForExactlyPeriodPlusMarginSinceTheStartIsNotFlagged() {
        assertThat(policy.check(new DelayPolicy.Facts(START, null, List.of()), LocalDate.of(2026, 7, 10))).isEmpty();
    }

    @Test
    void noReportForOneDayMoreSinceTheStartIsFlagged() {
        assertThat(policy.check(new DelayPolicy.Facts(START, null, List.of()), LocalDate.of(2026, 7, 11)))
                .singleElement().satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(DelayFlagKind.PROGRESS_REPORT_MISSING);
                    assertThat(c.key()).isEqualTo("REPORT:2026-01-10");
                });
    }

    @Test
    void theGapCountsFromTheLastReport() {
        DelayPolicy.Facts reported = new DelayPolicy.Facts(START, LocalDate.of(2026, 4, 1), List.of());
        assertThat(policy.check(reported, LocalDate.of(2026, 10, 1))).isEmpty();
        assertThat(policy.check(reported, LocalDate.of(2026, 10, 2))).extracting(DelayPolicy.Cause::key)
                .containsExactly("REPORT:2026-04-01");
    }

    @Test
    void theMarginIsConfiguration() {
        DelayPolicy strict = new DelayPolicy(3, 1);
        assertThat(strict.check(facts(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 15), null), LocalDate.of(2026, 4, 15)))
                .isEmpty();
        assertThat(strict.check(facts(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 15), null), LocalDate.of(2026, 4, 16)))
                .hasSize(1);
    }
}
