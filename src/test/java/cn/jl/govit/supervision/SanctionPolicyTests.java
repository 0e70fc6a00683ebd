package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.jl.govit.rulebook.Violation;

/**
 * Who may impose which sanction and when (Art. 31, 33), at the boundaries: the deadline day itself versus the day
 * after, a rejected rectification before the deadline, every status that warrants none, each kind for each body,
 * the ladder's last step and lifting.
 */
class SanctionPolicyTests {

    static final SanctionPolicy POLICY = new SanctionPolicy();
    static final LocalDate DUE = LocalDate.of(2026, 2, 28);
    static final String SZSJ = "SZSJ";
    static final String FGW = "FGW";
    static final String CZT = "CZT";
    static final String WXB = "WXB";

    static List<String> keys(List<Violation> violations) {
        return violations.stream().map(Violation::messageKey).toList();
    }

    @Test
    void anOpenFindingWarrantsNoSanctionOnItsDeadlineButTheDayAfter() {
        assertThat(POLICY.warranted(FindingStatus.OPEN, DUE, null, DUE)).hasSize(1)
                .allSatisfy(v -> assertThat(v.rule()).isEqualTo("ART-31"));
        assertThat(POLICY.warranted(FindingStatus.OPEN, DUE, null, DUE.plusDays(1))).isEmpty();
        assertThat(POLICY.warranted(FindingStatus.OPEN, DUE, null, DUE.minusDays(1))).isNotEmpty();
    }

    @Test
    void aRejectedRectificationWarrantsASanctionBeforeTheDeadline() {
        assertThat(POLICY.warranted(FindingStatus.OPEN, DUE, ReviewDecision.REJECTED, DUE.minusMonths(1))).isEmpty();
        assertThat(POLICY.warranted(FindingStatus.OPEN, DUE, ReviewDecision.ACCEPTED, DUE.minusMonths(1))).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = FindingStatus.class, names = {"RECTIFIED", "CLOSED", "WITHDRAWN"})
    void aFindingAwaitingReviewClosedOrWithdrawnWarrantsNoneEvenLongAfterItsDeadline(FindingStatus status) {
        assertThat(keys(POLICY.warranted(status, DUE, ReviewDecision.REJECTED, DUE.plusYears(1))))
                .containsExactly("violation.ART-31.sanction-not-warranted");
    }

    @Test
    void publicCriticismIsForTheRaisingBodyOrTheAuthority() {
        assertThat(POLICY.competent(SanctionKind.PUBLIC_CRITICISM, WXB, SZSJ, WXB)).isEmpty();
        assertThat(POLICY.competent(SanctionKind.PUBLIC_CRITICISM, SZSJ, SZSJ, WXB)).isEmpty();
        assertThat(POLICY.competent(SanctionKind.PUBLIC_CRITICISM, CZT, SZSJ, WXB)).hasSize(1);
        assertThat(POLICY.competent(SanctionKind.PUBLIC_CRITICISM, FGW, SZSJ, WXB)).hasSize(1);
    }

    @Test
    void fundsAreSuspendedByFinanceAloneWhoeverRaisedTheFinding() {
        assertThat(POLICY.competent(SanctionKind.SUSPEND_FUNDS, CZT, SZSJ, WXB)).isEmpty();
        assertThat(POLICY.competent(SanctionKind.SUSPEND_FUNDS, CZT, FGW, CZT)).isEmpty();
        assertThat(keys(POLICY.competent(SanctionKind.SUSPEND_FUNDS, SZSJ, SZSJ, SZSJ)))
                .containsExactly("violation.ART-31.sanction-not-competent.SUSPEND_FUNDS");
    }

    @ParameterizedTest
    @EnumSource(value = SanctionKind.class, names = {"SUSPEND_CONSTRUCTION", "TERMINATE"})
    void constructionIsSuspendedAndProjectsTerminatedByTheirOwnAuthority(SanctionKind kind) {
        assertThat(POLICY.competent(kind, SZSJ, SZSJ, CZT)).isEmpty();
        assertThat(POLICY.competent(kind, FGW, FGW, CZT)).isEmpty();
        assertThat(POLICY.competent(kind, FGW, SZSJ, FGW)).hasSize(1);
        assertThat(POLICY.competent(kind, CZT, SZSJ, CZT)).hasSize(1);
    }

    @Test
    void aViolationRecordWarrantsOnlyTheAuthoritysPublicCriticism() {
        assertThat(POLICY.competent(SanctionKind.PUBLIC_CRITICISM, SZSJ, SZSJ, null)).isEmpty();
        assertThat(keys(POLICY.competent(SanctionKind.PUBLIC_CRITICISM, CZT, SZSJ, null)))
                .containsExactly("violation.ART-33.criticism-by-authority");
        assertThat(POLICY.competent(SanctionKind.SUSPEND_FUNDS, CZT, SZSJ, null))
                .singleElement().satisfies(v -> assertThat(v.rule()).isEqualTo("ART-33"));
        assertThat(POLICY.competent(SanctionKind.TERMINATE, SZSJ, SZSJ, null)).hasSize(1);
    }

    @Test
    void terminationNeedsAnEarlierSanctionOnTheFindingLiftedOrNot() {
        assertThat(keys(POLICY.ladder(SanctionKind.TERMINATE, List.of(), List.of())))
                .containsExactly("violation.ART-31.terminate-last-step");
        assertThat(POLICY.ladder(SanctionKind.TERMINATE, List.of(), List.of(SanctionKind.PUBLIC_CRITICISM))).isEmpty();
        assertThat(POLICY.ladder(SanctionKind.TERMINATE, Set.of(SanctionKind.SUSPEND_FUNDS),
                Set.of(SanctionKind.SUSPEND_FUNDS))).isEmpty();
        assertThat(POLICY.ladder(SanctionKind.PUBLIC_CRITICISM, List.of(), List.of())).isEmpty();
    }

    @Test
    void aKindInForceOnTheFindingIsNotImposedTwiceButALiftedOneMayBeAgain() {
        assertThat(keys(POLICY.ladder(SanctionKind.SUSPEND_FUNDS, List.of(SanctionKind.SUSPEND_FUNDS),
                List.of(SanctionKind.SUSPEND_FUNDS)))).containsExactly("violation.ART-31.sanction-in-force");
        assertThat(POLICY.ladder(SanctionKind.SUSPEND_FUNDS, List.of(), List.of(SanctionKind.SUSPEND_FUNDS))).isEmpty();
    }

    @Test
    void aTerminationIsFinalAndALiftedSanctionIsNotLiftedTwice() {
        Sanction terminate = sanction(SanctionKind.TERMINATE, SanctionStatus.ACTIVE, null);
        Sanction funds = sanction(SanctionKind.SUSPEND_FUNDS, SanctionStatus.ACTIVE, null);
        Sanction lifted = sanction(SanctionKind.SUSPEND_FUNDS, SanctionStatus.LIFTED, DUE);
        assertThat(keys(POLICY.liftable(terminate))).containsExactly("violation.ART-31.termination-final");
        assertThat(POLICY.liftable(funds)).isEmpty();
        assertThat(keys(POLICY.liftable(lifted))).containsExactly("violation.ART-31.sanction-lifted");
    }

    static Sanction sanction(SanctionKind kind, SanctionStatus status, LocalDate liftedOn) {
        return new Sanction(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), "RST", kind, "ART-31",
                java.util.UUID.randomUUID(), null, CZT, "reason", DUE, "czt", java.time.Instant.EPOCH, status, liftedOn,
                liftedOn == null ? null : "done", liftedOn == null ? null : "czt", 0);
    }
}
