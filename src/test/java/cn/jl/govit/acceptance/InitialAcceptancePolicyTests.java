package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.Violation;

/** Art. 26, 27, Annex 4 §6: when an initial acceptance may be recorded, and what a passed or failed one needs. */
class InitialAcceptancePolicyTests {

    private static final LocalDate STARTED = LocalDate.of(2025, 8, 31);
    /** 12 months from 31 Aug 2025. */
    private static final LocalDate PLANNED = STARTED.plusMonths(12);
    private static final int WINDOW = PolicyParameters.defaults().rectificationWindowMonths();

    private static List<String> keys(List<Violation> violations) {
        return violations.stream().map(Violation::messageKey).toList();
    }

    private static List<Violation> timing(LocalDate on, LocalDate extendedUntil, LocalDate lastAttempt,
            AcceptanceRectification r) {
        return InitialAcceptancePolicy.timing(new InitialAcceptancePolicy.Timing(on, STARTED, PLANNED, extendedUntil,
                lastAttempt, r));
    }

    private static AcceptanceRectification rectification(LocalDate failedOn, LocalDate completedOn) {
        return new AcceptanceRectification(UUID.randomUUID(), UUID.randomUUID(), AcceptanceKind.INITIAL, 1, failedOn,
                "补充安全测评", failedOn.plusMonths(WINDOW),
                completedOn == null ? AcceptanceRectificationStatus.OPEN : AcceptanceRectificationStatus.COMPLETED,
                completedOn, null, completedOn == null ? null : "已整改", completedOn == null ? null : "rst", 0);
    }

    @Test
    void onThePlannedCompletionDayItIsInTimeOneDayLaterItIsLate() {
        assertThat(PLANNED).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(timing(PLANNED, null, null, null)).isEmpty();
        List<Violation> late = timing(PLANNED.plusDays(1), null, null, null);
        assertThat(keys(late)).containsExactly("violation.ART-26.initial-late");
        assertThat(late.get(0).rule()).isEqualTo("ART-26");
        assertThat(late.get(0).args()).containsExactly("2026-09-01", "2026-08-31");
    }

    @Test
    void notBeforeConstructionStartedNorBeforeThePreviousAttempt() {
        assertThat(keys(timing(STARTED.minusDays(1), null, null, null))).containsExactly("violation.ART-26.before-start");
        assertThat(timing(STARTED, null, null, null)).isEmpty();
        assertThat(keys(timing(LocalDate.of(2026, 3, 1), null, LocalDate.of(2026, 3, 2), null)))
                .containsExactly("violation.ART-26.initial-before-previous");
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineToItsDateInclusive() {
        LocalDate extended = LocalDate.of(2026, 11, 30);
        assertThat(timing(extended, extended, null, null)).isEmpty();
        assertThat(keys(timing(extended.plusDays(1), extended, null, null))).containsExactly("violation.ART-26.initial-late");
    }

    @Test
    void afterAFailureNoRetryBeforeTheRectificationIsRecordedComplete() {
        LocalDate failed = LocalDate.of(2026, 6, 1);
        List<Violation> refused = timing(LocalDate.of(2026, 7, 1), null, failed, rectification(failed, null));
        assertThat(keys(refused)).containsExactly("violation.ART-27.not-rectified");
        assertThat(refused.get(0).rule()).isEqualTo("ART-27");
    }

    @Test
    void afterTheRectificationARetryWithinItsDeadlinePassesEvenAfterThePlannedCompletion() {
        // failed 31 Aug 2026 (the planned completion): the rectification is due 28 Feb 2027 (6 months, month end)
        LocalDate failed = PLANNED;
        AcceptanceRectification done = rectification(failed, LocalDate.of(2027, 1, 10));
        assertThat(done.dueDate()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(timing(LocalDate.of(2027, 2, 28), null, failed, done)).isEmpty();
        assertThat(keys(timing(LocalDate.of(2027, 3, 1), null, failed, done))).containsExactly("violation.ART-27.retry-late");
    }

    @Test
    void aRetryIsNotBeforeTheRectificationWasCompleted() {
        LocalDate failed = LocalDate.of(2026, 6, 1);
        AcceptanceRectification done = rectification(failed, LocalDate.of(2026, 7, 15));
        assertThat(keys(timing(LocalDate.of(2026, 7, 14), null, failed, done)))
                .containsExactly("violation.ART-27.before-rectified");
        assertThat(timing(LocalDate.of(2026, 7, 15), null, failed, done)).isEmpty();
    }

    @Test
    void anExtensionApprovedAfterTheFailureCarriesTheRetryBeyondTheRectificationDeadline() {
        LocalDate failed = LocalDate.of(2026, 6, 1);
        AcceptanceRectification done = rectification(failed, LocalDate.of(2026, 11, 1));
        LocalDate extended = LocalDate.of(2027, 1, 31);
        assertThat(timing(LocalDate.of(2027, 1, 31), extended, failed, done)).isEmpty();
        assertThat(keys(timing(LocalDate.of(2027, 2, 1), extended, failed, done)))
                .containsExactly("violation.ART-27.retry-late");
    }

    @Test
    void aPassedAttemptNeedsTheReportAndEachRequiredSpecialAcceptanceEachItsOwnViolation() {
        SpecialAcceptanceCatalog catalog = new SpecialAcceptanceCatalog();
        List<Violation> none = InitialAcceptancePolicy.passed(catalog.all(), Set.of(), false);
        assertThat(none).extracting(Violation::item).containsExactly("reportDocumentId", "SA-QUALITY", "SA-ARCHIVES",
                "SA-SECURITY-RISK", "SA-CRYPTO", "SA-FINAL-ACCOUNTS", "SA-AUDIT");
        assertThat(none).allMatch(v -> v.rule().equals("ART-26"));
        // environment and fire protection are required only where they apply
        assertThat(InitialAcceptancePolicy.passed(catalog.all(), Set.of("SA-QUALITY", "SA-ARCHIVES", "SA-SECURITY-RISK",
                "SA-CRYPTO", "SA-FINAL-ACCOUNTS", "SA-AUDIT"), true)).isEmpty();
        assertThat(InitialAcceptancePolicy.passed(catalog.all(), Set.of("SA-QUALITY", "SA-ARCHIVES", "SA-SECURITY-RISK",
                "SA-CRYPTO", "SA-FINAL-ACCOUNTS"), true)).extracting(Violation::item).containsExactly("SA-AUDIT");
    }

    @Test
    void aFailedAttemptNeedsItsOpinion() {
        assertThat(keys(InitialAcceptancePolicy.failed(" "))).containsExactly("violation.ART-26.initial-opinion-required");
        assertThat(InitialAcceptancePolicy.failed("消防设施未验收")).isEmpty();
    }

    @Test
    void theCatalogReadsTheEightSpecialAcceptancesOfAnnex4() {
        SpecialAcceptanceCatalog catalog = new SpecialAcceptanceCatalog();
        assertThat(catalog.all()).hasSize(8);
        assertThat(catalog.find("SA-FIRE")).hasValueSatisfying(s -> assertThat(s.required()).isFalse());
        assertThat(catalog.find("SA-CRYPTO")).hasValueSatisfying(s -> assertThat(s.required()).isTrue());
        assertThat(catalog.find("SA-NOPE")).isEmpty();
    }
}
