package cn.jl.govit.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.Violation;

/** Art. 10: panel draws among the active experts without a conflict of interest, and named panels. */
class PanelDrawPolicyTests {

    static final List<Expert> POOL = List.of(
            expert("expert1", null, true), expert("expert2", null, true), expert("expert3", "WJW", true),
            expert("expert4", null, false), expert("expert5", "RST", true));

    static Expert expert(String name, String org, boolean active) {
        return new Expert(name, name, org, EnumSet.of(ExpertField.DATA), active, 0);
    }

    final PanelDrawPolicy policy = new PanelDrawPolicy(new Random(42));

    @Test
    void exactlyAsManyEligibleAsTheSizeDrawsThemAll() {
        var outcome = policy.draw(POOL, 3, Set.of("RST"));

        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.chosen()).extracting(Expert::username).containsExactlyInAnyOrder("expert1", "expert2", "expert3");
    }

    @Test
    void oneEligibleTooFewIsRefusedWithArt10NamingHowManyAreEligible() {
        var outcome = policy.draw(POOL, 3, Set.of("RST", "WJW"));

        assertThat(outcome.chosen()).isEmpty();
        assertThat(outcome.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-10");
            assertThat(v.messageKey()).isEqualTo("violation.ART-10.too-few-eligible");
            assertThat(v.args()).containsExactly(3, 2);
        });
    }

    @Test
    void conflictingAndInactiveExpertsAreNotEligible() {
        assertThat(PanelDrawPolicy.eligible(POOL, Set.of("RST"))).extracting(Expert::username)
                .containsExactly("expert1", "expert2", "expert3");
        assertThat(PanelDrawPolicy.eligible(POOL, Set.of())).extracting(Expert::username)
                .containsExactly("expert1", "expert2", "expert3", "expert5");
        for (int seed = 0; seed < 50; seed++) {
            assertThat(new PanelDrawPolicy(new Random(seed)).draw(POOL, 2, Set.of("RST")).chosen())
                    .extracting(Expert::username).doesNotContain("expert5", "expert4").doesNotHaveDuplicates();
        }
    }

    @Test
    void aSeededDrawIsReproducibleAndDifferentSeedsReachEveryEligibleExpert() {
        var first = new PanelDrawPolicy(new Random(7)).draw(POOL, 2, Set.of()).chosen();
        var again = new PanelDrawPolicy(new Random(7)).draw(POOL, 2, Set.of()).chosen();
        assertThat(again).isEqualTo(first);

        // the pool order does not matter: the policy sorts the eligible experts before drawing
        var reversed = new java.util.ArrayList<>(POOL);
        java.util.Collections.reverse(reversed);
        assertThat(new PanelDrawPolicy(new Random(7)).draw(reversed, 2, Set.of()).chosen()).isEqualTo(first);

        var reached = new java.util.TreeSet<String>();
        PanelDrawPolicy seeded = new PanelDrawPolicy(new Random(2026));
        for (int i = 0; i < 40; i++) {
            seeded.draw(POOL, 1, Set.of()).chosen().forEach(e -> reached.add(e.username()));
        }
        assertThat(reached).containsExactly("expert1", "expert2", "expert3", "expert5");
    }

    @Test
    void aDrawUsesTheRandomSourceItIsGiven() {
        Random fixed = new Random() {
            @Override
            public int nextInt(int bound) {
                return bound - 1; // always swap with the last candidate
            }
        };
        // eligible, sorted: expert1 expert2 expert3 expert5; swap 0↔3, then 1↔3
        var outcome = new PanelDrawPolicy(fixed).draw(POOL, 2, Set.of());
        assertThat(outcome.chosen()).extracting(Expert::username).containsExactly("expert5", "expert1");
    }

    @Test
    void namedExpertsWithAConflictOrOutsideThePoolAreNamedInTheRefusal() {
        var outcome = policy.name(POOL, List.of("expert1", "expert5", "expert4", "nobody"), Set.of("RST"));

        assertThat(outcome.chosen()).isEmpty();
        assertThat(outcome.violations()).extracting(Violation::rule).containsOnly("ART-10");
        assertThat(outcome.violations()).extracting(Violation::item).containsExactly("expert5", "expert4", "nobody");
        assertThat(outcome.violations()).extracting(Violation::messageKey).containsExactly(
                "violation.ART-10.conflict", "violation.ART-10.not-in-pool", "violation.ART-10.not-in-pool");
    }

    @Test
    void namedExpertsWithoutConflictFormThePanel() {
        var outcome = policy.name(POOL, List.of("expert2", "expert5"), Set.of("WJW"));

        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.chosen()).extracting(Expert::username).containsExactly("expert2", "expert5");
    }
}
