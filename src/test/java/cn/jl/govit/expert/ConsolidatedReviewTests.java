package cn.jl.govit.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The consolidated report: counts per conclusion, min/median/max recommended investment, completeness. */
class ConsolidatedReviewTests {

    final UUID panel = UUID.randomUUID();
    final UUID submission = UUID.randomUUID();
    final UUID project = UUID.randomUUID();

    ExpertReview filed(String expert, Conclusion conclusion, String amount) {
        ExpertReview review = ExpertReview.open(panel, submission, project, expert, Instant.now());
        review.file(new ReviewOpinion(OpinionPolicyTests.complete(), conclusion, new BigDecimal(amount)), Instant.now());
        return review;
    }

    @Test
    void countsAndMedianOfAnEvenNumberOfOpinions() {
        var report = ConsolidatedReview.of(new ReviewPanel(panel, submission, project, ReviewPanel.Method.DRAW, "szsj",
                Instant.now(), List.of(filed("expert1", Conclusion.APPROVE, "12000000"),
                        filed("expert2", Conclusion.APPROVE_WITH_CHANGES, "11500000"),
                        filed("expert3", Conclusion.APPROVE_WITH_CHANGES, "10000000"),
                        filed("expert4", Conclusion.REJECT, "9000000.01"))));

        assertThat(report.complete()).isTrue();
        assertThat(report.conclusions()).containsEntry(Conclusion.APPROVE, 1L).containsEntry(Conclusion.APPROVE_WITH_CHANGES, 2L)
                .containsEntry(Conclusion.REJECT, 1L);
        assertThat(report.minRecommendedInvestment()).isEqualByComparingTo("9000000.01");
        assertThat(report.medianRecommendedInvestment()).isEqualByComparingTo("10750000");
        assertThat(report.maxRecommendedInvestment()).isEqualByComparingTo("12000000");
    }

    @Test
    void anOpenReviewMakesTheReportIncompleteAndCountsNothing() {
        var report = ConsolidatedReview.of(new ReviewPanel(panel, submission, project, ReviewPanel.Method.NAMED, "fgw",
                Instant.now(), List.of(filed("expert1", Conclusion.APPROVE, "5"),
                        ExpertReview.open(panel, submission, project, "expert2", Instant.now()))));

        assertThat(report.complete()).isFalse();
        assertThat(report.conclusions()).containsEntry(Conclusion.APPROVE, 1L).containsEntry(Conclusion.REJECT, 0L);
        assertThat(report.medianRecommendedInvestment()).isEqualByComparingTo("5");
    }
}
