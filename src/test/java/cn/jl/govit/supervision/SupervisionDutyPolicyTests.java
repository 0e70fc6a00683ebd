package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/** Art. 5, 31: each supervising body raises findings in its own duty areas only; the rectification window. */
class SupervisionDutyPolicyTests {

    final SupervisionDutyPolicy policy = new SupervisionDutyPolicy(6);

    @ParameterizedTest(name = "{0} supervises {1}")
    @CsvSource({
            "WXB, CYBERSECURITY",
            "FGW, APPROVAL PROGRESS",
            "SZSJ, APPROVAL PROGRESS",
            "CZT, FUNDS",
            "SJT, FUNDS LEGALITY",
            "MMJ, CRYPTOGRAPHY",
            "DAJ, ARCHIVES",
            "BMJ, CLASSIFIED",
            "GAT, MLPS",
            "AQT, SECURITY_RISK"})
    void everyBodyHasExactlyItsAreas(String body, String areas) {
        List<SupervisionArea> own = java.util.Arrays.stream(areas.split(" ")).map(SupervisionArea::valueOf).toList();
        assertThat(policy.areasOf(body)).containsExactlyElementsOf(own);
        assertThat(policy.supervises(body)).isTrue();
        for (SupervisionArea area : SupervisionArea.values()) {
            List<Violation> violations = policy.mayRaise(body, area);
            if (own.contains(area)) {
                assertThat(violations).as(body + " " + area).isEmpty();
            }
            else {
                assertThat(violations).as(body + " " + area).singleElement().satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("ART-31");
                    assertThat(v.messageKey()).isEqualTo("violation.ART-31.outside-duty");
                    assertThat(v.args()).containsExactly(new MessageKey("enum.SupervisionArea." + area.name()),
                            String.join(", ", areas.split(" ")));
                });
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"LDXZ", "SZF", "RST", "WJW"})
    void noOtherOrganisationSupervises(String organization) {
        assertThat(policy.areasOf(organization)).isEmpty();
        assertThat(policy.supervises(organization)).isFalse();
        assertThat(policy.mayRaise(organization, SupervisionArea.FUNDS)).singleElement()
                .satisfies(v -> assertThat(v.args()).containsExactly(new MessageKey("enum.SupervisionArea.FUNDS"), "-"));
    }

    @Test
    void noOrganisationAtAllHasNoAreas() {
        assertThat(policy.areasOf(null)).isEmpty();
    }

    @Test
    void theDefaultDeadlineIsTheWindowInCalendarMonthsAcrossMonthEnds() {
        assertThat(policy.rectificationDue(LocalDate.of(2026, 8, 31), null)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(policy.rectificationDue(LocalDate.of(2027, 8, 31), null)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(policy.rectificationDue(LocalDate.of(2026, 1, 15), null)).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(policy.rectificationDue(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1)))
                .isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void overdueOnlyWhenOpenAndAfterTheDueDay() {
        LocalDate due = LocalDate.of(2027, 2, 28);
        assertThat(SupervisionDutyPolicy.overdue(FindingStatus.OPEN, due, due)).isFalse();
        assertThat(SupervisionDutyPolicy.overdue(FindingStatus.OPEN, due, due.plusDays(1))).isTrue();
        assertThat(SupervisionDutyPolicy.overdue(FindingStatus.RECTIFIED, due, due.plusDays(1))).isFalse();
        assertThat(SupervisionDutyPolicy.overdue(FindingStatus.CLOSED, due, due.plusDays(1))).isFalse();
        assertThat(SupervisionDutyPolicy.overdue(FindingStatus.WITHDRAWN, due, due.plusDays(1))).isFalse();
    }

    @Test
    void theStatesEachStepNeeds() {
        assertThat(policy.answerable(FindingStatus.OPEN)).isEmpty();
        assertThat(policy.answerable(FindingStatus.RECTIFIED)).singleElement()
                .satisfies(v -> assertThat(v.messageKey()).isEqualTo("violation.ART-31.finding-not-open"));
        assertThat(policy.answerable(FindingStatus.WITHDRAWN)).hasSize(1);
        assertThat(policy.reviewable(FindingStatus.RECTIFIED)).isEmpty();
        assertThat(policy.reviewable(FindingStatus.OPEN)).singleElement()
                .satisfies(v -> assertThat(v.messageKey()).isEqualTo("violation.ART-31.finding-not-rectified"));
        assertThat(policy.withdrawable(FindingStatus.OPEN)).isEmpty();
        assertThat(policy.withdrawable(FindingStatus.RECTIFIED)).isEmpty();
        assertThat(policy.withdrawable(FindingStatus.CLOSED)).hasSize(1);
        assertThat(policy.withdrawable(FindingStatus.WITHDRAWN)).hasSize(1);
    }

    @Test
    void aRectificationIsNeverBeforeItsFinding() {
        LocalDate raised = LocalDate.of(2027, 3, 1);
        assertThat(policy.rectifiedAfterRaised(raised, raised)).isEmpty();
        assertThat(policy.rectifiedAfterRaised(raised, raised.minusDays(1))).singleElement()
                .satisfies(v -> assertThat(v.messageKey()).isEqualTo("violation.ART-31.rectified-before-raised"));
    }
}
