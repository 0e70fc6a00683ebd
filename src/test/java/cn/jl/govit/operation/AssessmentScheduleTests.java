package cn.jl.govit.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.PolicyParameters;

/** When the periodic assessments fall due (Art. 16, 17, 36): one period after operation, then after each assessment. */
class AssessmentScheduleTests {

    final AssessmentSchedule schedule = new AssessmentSchedule(
            PolicyParameters.defaults().securityAssessmentPeriodMonths(),
            PolicyParameters.defaults().cryptoAssessmentPeriodMonths());

    @Test
    void theFirstAssessmentsAreDueTwelveMonthsAfterOperationStarted() {
        AssessmentSchedule.Due security = schedule.first(AssessmentKind.SECURITY, LocalDate.of(2026, 3, 15));
        AssessmentSchedule.Due crypto = schedule.first(AssessmentKind.CRYPTO, LocalDate.of(2026, 3, 15));

        assertThat(security.dueDate()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(security.subject()).isEqualTo("SECURITY-1");
        assertThat(crypto.dueDate()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(crypto.subject()).isEqualTo("CRYPTO-1");
    }

    @Test
    void twelveMonthsFromTheLeapDayEndOnTheLastDayOfFebruary() {
        assertThat(schedule.first(AssessmentKind.SECURITY, LocalDate.of(2028, 2, 29)).dueDate())
                .isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(schedule.after(AssessmentKind.CRYPTO, 1, LocalDate.of(2027, 2, 28)).dueDate())
                .isEqualTo(LocalDate.of(2028, 2, 28));
    }

    @Test
    void aPeriodAcrossAMonthEndEndsOnTheLastDayOfTheShorterMonth() {
        AssessmentSchedule monthly = new AssessmentSchedule(1, 13);

        assertThat(monthly.first(AssessmentKind.SECURITY, LocalDate.of(2027, 1, 31)).dueDate())
                .isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(monthly.first(AssessmentKind.SECURITY, LocalDate.of(2028, 1, 31)).dueDate())
                .isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(monthly.first(AssessmentKind.CRYPTO, LocalDate.of(2027, 1, 31)).dueDate())
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void aLateAssessmentMovesTheNextDueDateLaterFromItsOwnDate() {
        LocalDate due = schedule.first(AssessmentKind.SECURITY, LocalDate.of(2026, 5, 10)).dueDate();
        LocalDate late = due.plusDays(40);

        AssessmentSchedule.Due next = schedule.after(AssessmentKind.SECURITY, 1, late);

        assertThat(next.dueDate()).isEqualTo(LocalDate.of(2028, 6, 19));
        assertThat(next.subject()).isEqualTo("SECURITY-2");
    }

    @Test
    void anEarlyAssessmentMovesTheNextDueDateEarlier() {
        LocalDate early = LocalDate.of(2026, 11, 30);

        AssessmentSchedule.Due next = schedule.after(AssessmentKind.CRYPTO, 3, early);

        assertThat(next.dueDate()).isEqualTo(LocalDate.of(2027, 11, 30));
        assertThat(next.subject()).isEqualTo("CRYPTO-4");
    }

    @Test
    void anAssessmentOnItsDueDayDuesTheNextExactlyOnePeriodLater() {
        LocalDate due = schedule.first(AssessmentKind.SECURITY, LocalDate.of(2026, 8, 31)).dueDate();

        assertThat(due).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(schedule.after(AssessmentKind.SECURITY, 1, due).dueDate()).isEqualTo(LocalDate.of(2028, 8, 31));
    }

    @Test
    void eachKindKeepsItsOwnPeriod() {
        AssessmentSchedule different = new AssessmentSchedule(12, 24);

        assertThat(different.periodMonths(AssessmentKind.SECURITY)).isEqualTo(12);
        assertThat(different.periodMonths(AssessmentKind.CRYPTO)).isEqualTo(24);
        assertThat(different.first(AssessmentKind.CRYPTO, LocalDate.of(2026, 1, 1)).dueDate())
                .isEqualTo(LocalDate.of(2028, 1, 1));
    }

    @Test
    void periodsAndSequencesStartAtOne() {
        assertThatThrownBy(() -> new AssessmentSchedule(0, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.after(AssessmentKind.SECURITY, 0, LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
