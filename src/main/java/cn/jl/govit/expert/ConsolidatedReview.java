package cn.jl.govit.expert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The consolidated review report of a submission, for the approval authority (Art. 10, 13 (3)): every
 * expert's review (with its opinion once filed), the count per conclusion, the lowest, median and highest
 * recommended investment among the filed opinions, and whether every review is in.
 */
public record ConsolidatedReview(UUID panelId, UUID submissionId, UUID projectId, List<ExpertReview> reviews,
        Map<Conclusion, Long> conclusions, BigDecimal minRecommendedInvestment, BigDecimal medianRecommendedInvestment,
        BigDecimal maxRecommendedInvestment, boolean complete) {

    public static ConsolidatedReview of(ReviewPanel panel) {
        Map<Conclusion, Long> counts = new EnumMap<>(Conclusion.class);
        for (Conclusion c : Conclusion.values()) {
            counts.put(c, 0L);
        }
        List<BigDecimal> amounts = new ArrayList<>();
        for (ExpertReview review : panel.reviews()) {
            if (review.opinion() != null) {
                counts.merge(review.opinion().conclusion(), 1L, Long::sum);
                amounts.add(review.opinion().recommendedInvestment());
            }
        }
        amounts.sort(null);
        BigDecimal median = null;
        if (!amounts.isEmpty()) {
            int n = amounts.size();
            median = n % 2 == 1 ? amounts.get(n / 2)
                    : amounts.get(n / 2 - 1).add(amounts.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        }
        boolean complete = panel.reviews().stream().allMatch(r -> r.status() == ReviewStatus.SUBMITTED);
        return new ConsolidatedReview(panel.id(), panel.submissionId(), panel.projectId(), panel.reviews(),
                java.util.Collections.unmodifiableMap(counts), amounts.isEmpty() ? null : amounts.get(0), median,
                amounts.isEmpty() ? null : amounts.get(amounts.size() - 1), complete);
    }
}
