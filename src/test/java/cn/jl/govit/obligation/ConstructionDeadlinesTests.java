package cn.jl.govit.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jl.govit.obligation.ConstructionDeadlines.Deadline;

class ConstructionDeadlinesTests {

    private final ConstructionDeadlines policy = new ConstructionDeadlines(12, MonthDay.of(12, 31));

    private static List<Deadline> reports(List<Deadline> deadlines) {
        return deadlines.stream().filter(d -> d.type() == ObligationType.PERFORMANCE_REPORT).toList();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aPeriodOfExactlyTwelveMonthsNeedsNoAnnualReportOnlyInitialAcceptance() {
        List<Deadline> deadlines = policy.derive(date("2026-03-01"), 12, date("2027-03-01"));

        assertThat(deadlines).containsExactly(new Deadline(ObligationType.INITIAL_ACCEPTANCE, "INITIAL",
                date("2027-03-01"), "ART-26"));
    }

    @Test
    void thirteenMonthsNeedAReportForEachYearEndWithinThePeriod() {
        List<Deadline> deadlines = policy.derive(date("2026-03-01"), 13, date("2027-04-01"));

        assertThat(reports(deadlines)).containsExactly(
                new Deadline(ObligationType.PERFORMANCE_REPORT, "2026", date("2026-12-31"), "ART-20"));
        assertThat(deadlines).last().isEqualTo(new Deadline(ObligationType.INITIAL_ACCEPTANCE, "INITIAL",
                date("2027-04-01"), "ART-26"));
    }

    @Test
    void aStartOnThirtyFirstDecemberDoesNotOweThatYearsReport() {
        List<Deadline> deadlines = policy.derive(date("2026-12-31"), 24, date("2028-12-31"));

        assertThat(reports(deadlines)).extracting(Deadline::subject).containsExactly("2027", "2028");
    }

    @Test
    void aStartOnFirstJanuaryOwesTheReportOfThatYear() {
        List<Deadline> deadlines = policy.derive(date("2026-01-01"), 18, date("2027-07-01"));

        assertThat(reports(deadlines)).extracting(Deadline::subject, Deadline::dueDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026", date("2026-12-31")));
    }

    @Test
    void aYearEndOnThePlannedCompletionIsStillDue() {
        List<Deadline> deadlines = policy.derive(date("2025-12-31"), 24, date("2027-12-31"));

        assertThat(reports(deadlines)).extracting(Deadline::dueDate)
                .containsExactly(date("2026-12-31"), date("2027-12-31"));
    }

    @Test
    void aYearEndAfterThePlannedCompletionIsNotDue() {
        List<Deadline> deadlines = policy.derive(date("2026-01-01"), 23, date("2027-12-01"));

        assertThat(reports(deadlines)).extracting(Deadline::subject).containsExactly("2026");
    }

    @Test
    void aCustomDueDayIsUsedForEveryYear() {
        ConstructionDeadlines november = new ConstructionDeadlines(12, MonthDay.of(11, 30));

        List<Deadline> deadlines = november.derive(date("2026-11-30"), 25, date("2028-12-30"));

        assertThat(reports(deadlines)).extracting(Deadline::subject, Deadline::dueDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2027", date("2027-11-30")),
                org.assertj.core.groups.Tuple.tuple("2028", date("2028-11-30")));
    }

    @Test
    void theThresholdIsAParameter() {
        ConstructionDeadlines six = new ConstructionDeadlines(6, MonthDay.of(12, 31));

        assertThat(reports(six.derive(date("2026-06-01"), 7, date("2027-01-01")))).hasSize(1);
        assertThat(reports(six.derive(date("2026-06-01"), 6, date("2026-12-01")))).isEmpty();
    }
}
