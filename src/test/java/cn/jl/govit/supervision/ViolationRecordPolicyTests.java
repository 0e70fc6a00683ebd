package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.jl.govit.rulebook.Violation;
import cn.jl.govit.supervision.ViolationRecordPolicy.Standing;

/** Art. 33, 34: who records which kind of violation, and the days of a violation and of its referrals. */
class ViolationRecordPolicyTests {

    @Test
    void theApproverOfTheProjectsAuthorityHasFullStanding() {
        assertThat(ViolationRecordPolicy.standing("SZSJ", true, true, "SZSJ")).isEqualTo(Standing.AUTHORITY);
        assertThat(ViolationRecordPolicy.standing("FGW", true, true, "FGW")).isEqualTo(Standing.AUTHORITY);
    }

    @Test
    void theOtherApprovalBodyIsOnlyASupervisingBodyOnTheProject() {
        // the DRC on a project the Digital Bureau approves, and the other way round
        assertThat(ViolationRecordPolicy.standing("FGW", true, true, "SZSJ")).isEqualTo(Standing.SUPERVISING_BODY);
        assertThat(ViolationRecordPolicy.standing("SZSJ", true, true, "FGW")).isEqualTo(Standing.SUPERVISING_BODY);
    }

    @Test
    void aMemberOfTheAuthorityWithoutTheApproverRoleIsOnlyASupervisingBody() {
        assertThat(ViolationRecordPolicy.standing("SZSJ", false, true, "SZSJ")).isEqualTo(Standing.SUPERVISING_BODY);
    }

    @Test
    void supervisingBodiesHaveStandingForMisconductOnly() {
        for (String body : List.of("SJT", "CZT", "WXB", "MMJ")) {
            Standing standing = ViolationRecordPolicy.standing(body, false, true, "SZSJ");
            assertThat(standing).isEqualTo(Standing.SUPERVISING_BODY);
            assertThat(ViolationRecordPolicy.mayRecordAny(standing)).isTrue();
            assertThat(ViolationRecordPolicy.mayRecord(standing, ViolationKind.MISCONDUCT)).isEmpty();
        }
    }

    @Test
    void departmentsExpertsAndAnonymousHaveNoStanding() {
        // a department's staff, an expert, the Leading Group: not a supervising body, never the authority
        assertThat(ViolationRecordPolicy.standing("RST", false, false, "SZSJ")).isEqualTo(Standing.NONE);
        assertThat(ViolationRecordPolicy.standing("RST", true, false, "RST")).isEqualTo(Standing.NONE);
        assertThat(ViolationRecordPolicy.standing(null, true, true, "SZSJ")).isEqualTo(Standing.NONE);
        assertThat(ViolationRecordPolicy.mayRecordAny(Standing.NONE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ViolationKind.class)
    void theAuthorityRecordsEveryKind(ViolationKind kind) {
        assertThat(ViolationRecordPolicy.mayRecord(Standing.AUTHORITY, kind)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ViolationKind.class, names = "MISCONDUCT", mode = EnumSource.Mode.EXCLUDE)
    void anArt33KindByAnotherBodyIsRefusedCitingArt33(ViolationKind kind) {
        List<Violation> refused = ViolationRecordPolicy.mayRecord(Standing.SUPERVISING_BODY, kind);
        assertThat(refused).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-33");
            assertThat(v.item()).isEqualTo("kind");
        });
        assertThat(kind.rule()).isEqualTo("ART-33");
    }

    @Test
    void misconductRestsOnArt34() {
        assertThat(ViolationKind.MISCONDUCT.rule()).isEqualTo("ART-34");
    }

    @Test
    void aViolationOccursNotAfterToday() {
        LocalDate today = LocalDate.of(2026, 11, 27);
        assertThat(ViolationRecordPolicy.inFuture(today, today)).isFalse();
        assertThat(ViolationRecordPolicy.inFuture(today.plusDays(1), today)).isTrue();
        assertThat(ViolationRecordPolicy.inFuture(null, today)).isFalse();
    }

    @Test
    void aViolationOccursOnOrAfterTheDayTheProjectWasProposed() {
        LocalDate proposed = LocalDate.of(2026, 3, 1);
        assertThat(ViolationRecordPolicy.occurredAfterProposal(ViolationKind.FRAUD, proposed, proposed)).isEmpty();
        List<Violation> before = ViolationRecordPolicy.occurredAfterProposal(ViolationKind.FRAUD, proposed.minusDays(1), proposed);
        assertThat(before).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-33");
            assertThat(v.item()).isEqualTo("occurredOn");
        });
        assertThat(ViolationRecordPolicy.occurredAfterProposal(ViolationKind.MISCONDUCT, proposed.minusDays(1), proposed))
                .singleElement().extracting(Violation::rule).isEqualTo("ART-34");
    }

    @Test
    void aReferralIsMadeOnOrAfterTheDayTheViolationOccurred() {
        LocalDate occurred = LocalDate.of(2026, 2, 28);
        assertThat(ViolationRecordPolicy.referredAfterOccurred(ViolationKind.SEVERE_OVERRUN, occurred, occurred)).isEmpty();
        assertThat(ViolationRecordPolicy.referredAfterOccurred(ViolationKind.SEVERE_OVERRUN, occurred, occurred.minusDays(1)))
                .singleElement().extracting(Violation::item).isEqualTo("referredOn");
    }

    @Test
    void onlyAStandingRecordIsReferredOrWithdrawn() {
        assertThat(ViolationRecordPolicy.referable(ViolationKind.POOR_QUALITY, ViolationStatus.RECORDED)).isEmpty();
        assertThat(ViolationRecordPolicy.referable(ViolationKind.POOR_QUALITY, ViolationStatus.WITHDRAWN))
                .singleElement().extracting(Violation::rule).isEqualTo("ART-33");
        assertThat(ViolationRecordPolicy.referable(ViolationKind.MISCONDUCT, ViolationStatus.WITHDRAWN))
                .singleElement().extracting(Violation::rule).isEqualTo("ART-34");
        assertThat(ViolationRecordPolicy.withdrawable(ViolationKind.POOR_QUALITY, ViolationStatus.RECORDED)).isEmpty();
        assertThat(ViolationRecordPolicy.withdrawable(ViolationKind.POOR_QUALITY, ViolationStatus.WITHDRAWN))
                .singleElement().extracting(Violation::item).isEqualTo("status");
    }
}
