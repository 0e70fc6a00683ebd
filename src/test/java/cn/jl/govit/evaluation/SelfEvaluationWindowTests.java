package cn.jl.govit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jl.govit.evaluation.SelfEvaluationWindow.State;
import cn.jl.govit.rulebook.Violation;

/** Art. 28: the self-evaluation window, 12 to 24 calendar months after operation started, at its boundaries. */
class SelfEvaluationWindowTests {

    final SelfEvaluationWindow window = new SelfEvaluationWindow(12, 24);

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void opensExactlyTwelveMonthsAfterOperationStartedAndNotTheDayBefore() {
        LocalDate started = d("2026-03-15");
        assertThat(window.opensOn(started)).isEqualTo(d("2027-03-15"));
        assertThat(window.stateOn(started, d("2027-03-14"))).isEqualTo(State.NOT_YET_OPEN);
        assertThat(window.stateOn(started, d("2027-03-15"))).isEqualTo(State.OPEN);
        assertThat(window.evaluatedIn(started, d("2027-03-15"))).isEmpty();

        List<Violation> early = window.evaluatedIn(started, d("2027-03-14"));
        assertThat(early).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-28");
            assertThat(v.item()).isEqualTo("evaluatedOn");
            assertThat(v.messageKey()).isEqualTo("violation.ART-28.window-not-open");
            assertThat(v.args()).contains("2027-03-15", "2026-03-15");
        });
    }

    @Test
    void closesExactlyTwentyFourMonthsAfterThatDayStillInTimeTheDayAfterLate() {
        LocalDate started = d("2026-03-15");
        assertThat(window.dueOn(started)).isEqualTo(d("2028-03-15"));
        assertThat(window.stateOn(started, d("2028-03-15"))).isEqualTo(State.OPEN);
        assertThat(window.late(started, d("2028-03-15"))).isFalse();
        assertThat(window.stateOn(started, d("2028-03-16"))).isEqualTo(State.OVERDUE);
        assertThat(window.late(started, d("2028-03-16"))).isTrue();
        // a late evaluation is still taken: the duty does not lapse, the report shows as late
        assertThat(window.evaluatedIn(started, d("2029-01-01"))).isEmpty();
    }

    @Test
    void monthEndsFollowCalendarMonths() {
        // the 31st of January of a common year: the window opens on the same day a year later
        assertThat(window.opensOn(d("2027-01-31"))).isEqualTo(d("2028-01-31"));
        assertThat(window.dueOn(d("2027-01-31"))).isEqualTo(d("2029-01-31"));
        // a leap day: the window opens on the last day of February of the common year after
        assertThat(window.opensOn(d("2028-02-29"))).isEqualTo(d("2029-02-28"));
        assertThat(window.dueOn(d("2028-02-29"))).isEqualTo(d("2030-02-28"));
        assertThat(window.stateOn(d("2028-02-29"), d("2029-02-27"))).isEqualTo(State.NOT_YET_OPEN);
        assertThat(window.stateOn(d("2028-02-29"), d("2029-02-28"))).isEqualTo(State.OPEN);
        assertThat(window.stateOn(d("2028-02-29"), d("2030-03-01"))).isEqualTo(State.OVERDUE);
        // 31 August plus 6 months is the end of February, 29 in a leap year (the rectification window's shape)
        SelfEvaluationWindow halfYear = new SelfEvaluationWindow(6, 18);
        assertThat(halfYear.opensOn(d("2027-08-31"))).isEqualTo(d("2028-02-29"));
        assertThat(halfYear.opensOn(d("2026-08-31"))).isEqualTo(d("2027-02-28"));
    }

    @Test
    void theWindowMustCloseAfterItOpens() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SelfEvaluationWindow(24, 12));
        assertThatIllegalArgumentException().isThrownBy(() -> new SelfEvaluationWindow(12, 12));
    }
}
