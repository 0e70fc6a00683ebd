package cn.jl.govit.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/** Art. 10 and 13 (3): an opinion addresses all five aspects, the sharing analysis among them. */
class OpinionPolicyTests {

    static Map<Aspect, String> complete() {
        Map<Aspect, String> aspects = new EnumMap<>(Aspect.class);
        for (Aspect a : Aspect.values()) {
            aspects.put(a, "意见：" + a.name());
        }
        return aspects;
    }

    final OpinionPolicy policy = new OpinionPolicy();

    @Test
    void aCompleteOpinionPasses() {
        assertThat(policy.check(complete())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Aspect.class, names = "INFORMATION_SHARING", mode = EnumSource.Mode.EXCLUDE)
    void eachMissingAspectIsNamedWithArt10(Aspect missing) {
        Map<Aspect, String> aspects = complete();
        aspects.remove(missing);

        assertThat(policy.check(aspects)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-10");
            assertThat(v.item()).isEqualTo(missing.name());
        });
    }

    @Test
    void aBlankSharingAnalysisIsArt13Clause3() {
        Map<Aspect, String> aspects = complete();
        aspects.put(Aspect.INFORMATION_SHARING, " \t\n");

        assertThat(policy.check(aspects)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-13-3");
            assertThat(v.item()).isEqualTo("INFORMATION_SHARING");
        });
    }

    @Test
    void noAspectsAtAllNamesAllFive() {
        assertThat(policy.check(Map.of())).extracting(Violation::item).containsExactly("NECESSITY",
                "TECHNICAL_FEASIBILITY_SECURITY", "INVESTMENT", "INFRASTRUCTURE_RESOURCES", "INFORMATION_SHARING");
        assertThat(policy.check(null)).hasSize(5);
    }

    @Test
    void filingClosesTheReviewAndASecondFilingIsAStateConflict() {
        ExpertReview review = ExpertReview.open(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "expert1", Instant.now());
        ReviewOpinion opinion = new ReviewOpinion(complete(), Conclusion.APPROVE, new BigDecimal("100"));

        review.file(opinion, Instant.now());

        assertThat(review.status()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThatThrownBy(() -> review.file(opinion, Instant.now())).isInstanceOf(ReviewClosedException.class);
    }

    @Test
    void anIncompleteOpinionLeavesTheReviewOpen() {
        ExpertReview review = ExpertReview.open(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "expert1", Instant.now());
        Map<Aspect, String> aspects = complete();
        aspects.put(Aspect.INVESTMENT, "");

        assertThatThrownBy(() -> review.file(new ReviewOpinion(aspects, Conclusion.REJECT, BigDecimal.ONE), Instant.now()))
                .isInstanceOf(RuleViolationException.class);
        assertThat(review.status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(review.opinion()).isNull();
    }
}
