package cn.jl.govit.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.Violation;

/** Art. 24: when the unit may register and apply, and what the Archives Bureau's result needs. */
class ArchiveAcceptancePolicyTests {

    private static final LocalDate APPLIED = LocalDate.of(2026, 10, 8);

    private static ArchiveAcceptance round(ArchiveResult result, LocalDate acceptedOn) {
        return new ArchiveAcceptance(UUID.randomUUID(), UUID.randomUUID(), 1, APPLIED, "rst", Instant.now(), 3, result,
                acceptedOn, result == ArchiveResult.FAILED ? "缺少监理文件" : null, result == null ? null : "daj", 0);
    }

    @Test
    void registeringIsOpenBeforeAnyApplicationAndAfterAFailure() {
        assertThat(ArchiveAcceptancePolicy.registration(null)).isEmpty();
        assertThat(ArchiveAcceptancePolicy.registration(round(ArchiveResult.FAILED, APPLIED))).isEmpty();
    }

    @Test
    void registeringStopsWhileTheBureauExaminesAndAfterItPassed() {
        assertThat(rules(ArchiveAcceptancePolicy.registration(round(null, null))))
                .containsExactly("violation.ART-24.application-pending");
        assertThat(rules(ArchiveAcceptancePolicy.registration(round(ArchiveResult.PASSED, APPLIED))))
                .containsExactly("violation.ART-24.already-passed");
    }

    @Test
    void anApplicationNeedsRegisteredArchives() {
        assertThat(rules(ArchiveAcceptancePolicy.application(0, null))).containsExactly("violation.ART-24.no-entries");
        assertThat(ArchiveAcceptancePolicy.application(1, null)).isEmpty();
        assertThat(ArchiveAcceptancePolicy.application(1, round(ArchiveResult.FAILED, APPLIED))).isEmpty();
        assertThat(rules(ArchiveAcceptancePolicy.application(0, round(null, null))))
                .containsExactly("violation.ART-24.application-pending", "violation.ART-24.no-entries");
    }

    @Test
    void aResultNeedsAnOpenApplication() {
        assertThat(rules(ArchiveAcceptancePolicy.result(null, ArchiveResult.PASSED, APPLIED, null)))
                .containsExactly("violation.ART-24.no-application");
        assertThat(rules(ArchiveAcceptancePolicy.result(round(ArchiveResult.FAILED, APPLIED), ArchiveResult.PASSED, APPLIED, null)))
                .containsExactly("violation.ART-24.no-application");
    }

    @Test
    void theAcceptanceDateMayBeTheApplicationDayButNotBefore() {
        assertThat(ArchiveAcceptancePolicy.result(round(null, null), ArchiveResult.PASSED, APPLIED, null)).isEmpty();
        List<Violation> early = ArchiveAcceptancePolicy.result(round(null, null), ArchiveResult.PASSED, APPLIED.minusDays(1), null);
        assertThat(early).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-24");
            assertThat(v.item()).isEqualTo("acceptedOn");
        });
    }

    @Test
    void aFailureNeedsTheOpinionAPassDoesNot() {
        assertThat(ArchiveAcceptancePolicy.result(round(null, null), ArchiveResult.PASSED, APPLIED, " ")).isEmpty();
        assertThat(ArchiveAcceptancePolicy.result(round(null, null), ArchiveResult.FAILED, APPLIED, "缺少监理日志")).isEmpty();
        assertThat(ArchiveAcceptancePolicy.result(round(null, null), ArchiveResult.FAILED, APPLIED, " "))
                .extracting(Violation::item).containsExactly("opinion");
        assertThat(ArchiveAcceptancePolicy.result(round(null, null), ArchiveResult.FAILED, APPLIED.minusDays(3), null))
                .extracting(Violation::item).containsExactly("acceptedOn", "opinion");
    }

    private static List<String> rules(List<Violation> violations) {
        assertThat(violations).extracting(Violation::rule).containsOnly("ART-24");
        return violations.stream().map(Violation::messageKey).toList();
    }
}
