package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 5, 31, 32: each supervising body raises findings in its own duty areas only; who raises from which source
 * (the approval authority alone from evaluations, in the performance area); an obligation cited must be the
 * project's and overdue that day; the rectification window.
 */
class SupervisionDutyPolicyTests {

    final SupervisionDutyPolicy policy = new SupervisionDutyPolicy(6);

    @ParameterizedTest(name = "{0} supervises {1}")
    @CsvSource({
            "WXB, CYBERSECURITY",
            "FGW, APPROVAL PROGRESS PERFORMANCE",
            "SZSJ, APPROVAL PROGRESS PERFORMANCE",
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

    @Test
    void onlyTheDrcAndTheDigitalBureauSuperviseThePerformanceArea() {
        for (String body : List.of("WXB", "CZT", "SJT", "MMJ", "DAJ", "BMJ", "GAT", "AQT")) {
            assertThat(policy.mayRaise(body, SupervisionArea.PERFORMANCE)).as(body).hasSize(1);
        }
        assertThat(policy.mayRaise("FGW", SupervisionArea.PERFORMANCE)).isEmpty();
        assertThat(policy.mayRaise("SZSJ", SupervisionArea.PERFORMANCE)).isEmpty();
    }

    @ParameterizedTest(name = "{1} from {0} on a project of {2}: {3}")
    @CsvSource({
            // a body raises DIRECT and OBLIGATION findings on any project, whoever approved it
            "DIRECT, CZT, SZSJ, true",
            "OBLIGATION, CZT, SZSJ, true",
            "DIRECT, FGW, SZSJ, true",
            "OBLIGATION, MMJ, FGW, true",
            // from an evaluation only the project's own approval authority
            "EVALUATION, SZSJ, SZSJ, true",
            "EVALUATION, FGW, FGW, true",
            "EVALUATION, FGW, SZSJ, false",
            "EVALUATION, SZSJ, FGW, false",
            "EVALUATION, CZT, SZSJ, false",
            // no department, from any source
            "DIRECT, RST, SZSJ, false",
            "OBLIGATION, RST, SZSJ, false",
            "EVALUATION, RST, SZSJ, false",
            "DIRECT, LDXZ, SZSJ, false"})
    void whoRaisesFromWhichSource(SupervisionFindingSource source, String body, String authority, boolean allowed) {
        assertThat(policy.mayRaiseFrom(source, body, authority)).isEqualTo(allowed);
    }

    @Test
    void evaluationFindingsSitInThePerformanceArea() {
        assertThat(SupervisionDutyPolicy.defaultArea(SupervisionFindingSource.EVALUATION)).isEqualTo(SupervisionArea.PERFORMANCE);
        assertThat(SupervisionDutyPolicy.defaultArea(SupervisionFindingSource.DIRECT)).isNull();
        assertThat(SupervisionDutyPolicy.defaultArea(SupervisionFindingSource.OBLIGATION)).isNull();
        assertThat(policy.evaluationInPerformance(SupervisionFindingSource.EVALUATION, SupervisionArea.PERFORMANCE)).isEmpty();
        assertThat(policy.evaluationInPerformance(SupervisionFindingSource.EVALUATION, SupervisionArea.PROGRESS))
                .singleElement().satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("ART-32");
                    assertThat(v.item()).isEqualTo("area");
                    assertThat(v.messageKey()).isEqualTo("violation.ART-32.evaluation-area");
                });
        // other sources may use the performance area like any other of the body's areas
        assertThat(policy.evaluationInPerformance(SupervisionFindingSource.DIRECT, SupervisionArea.PROGRESS)).isEmpty();
        assertThat(policy.evaluationInPerformance(SupervisionFindingSource.OBLIGATION, SupervisionArea.PERFORMANCE)).isEmpty();
    }

    @Test
    void aCitedObligationIsOverdueTheDayAfterItsDueDayNotOnIt() {
        java.util.UUID project = java.util.UUID.randomUUID();
        LocalDate due = LocalDate.of(2027, 2, 28);
        assertThat(policy.citedObligation(project, project, true, due, due)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-31");
            assertThat(v.item()).isEqualTo("sourceRef");
            assertThat(v.messageKey()).isEqualTo("violation.ART-31.obligation-not-overdue");
            assertThat(v.args()).containsExactly("2027-02-28", "2027-02-28");
        });
        assertThat(policy.citedObligation(project, project, true, due, due.minusDays(1))).hasSize(1);
        assertThat(policy.citedObligation(project, project, true, due, due.plusDays(1))).isEmpty();
        // across the month end: due 28 Feb, 1 March is overdue
        assertThat(policy.citedObligation(project, project, true, due, LocalDate.of(2027, 3, 1))).isEmpty();
    }

    @Test
    void aMetOrWaivedObligationIsNoLongerOverdue() {
        java.util.UUID project = java.util.UUID.randomUUID();
        LocalDate due = LocalDate.of(2027, 2, 28);
        assertThat(policy.citedObligation(project, project, false, due, due.plusDays(30))).singleElement()
                .satisfies(v -> assertThat(v.messageKey()).isEqualTo("violation.ART-31.obligation-not-overdue"));
    }

    @Test
    void anObligationOfAnotherProjectOrNoneIsRefused() {
        java.util.UUID project = java.util.UUID.randomUUID();
        LocalDate due = LocalDate.of(2027, 2, 28);
        assertThat(policy.citedObligation(project, java.util.UUID.randomUUID(), true, due, due.plusDays(1)))
                .singleElement().satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("ART-31");
                    assertThat(v.messageKey()).isEqualTo("violation.ART-31.obligation-other-project");
                });
        assertThat(policy.citedObligation(project, null, false, due, due.plusDays(1))).singleElement()
                .satisfies(v -> assertThat(v.messageKey()).isEqualTo("violation.ART-31.obligation-other-project"));
    }
}
