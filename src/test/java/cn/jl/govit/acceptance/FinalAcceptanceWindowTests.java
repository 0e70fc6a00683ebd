package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.PolicyParameters;

/** Art. 26: the final acceptance application is due 6 calendar months after the later of initial acceptance and stability. */
class FinalAcceptanceWindowTests {

    private final FinalAcceptanceWindow window = new FinalAcceptanceWindow(PolicyParameters.defaults().finalAcceptanceWindowMonths());

    @Test
    void noDeadlineUntilBothFactsAreKnown() {
        assertThat(window.due(null, LocalDate.of(2026, 8, 31))).isEmpty();
        assertThat(window.due(LocalDate.of(2026, 8, 31), null)).isEmpty();
    }

    @Test
    void theLaterOfTheTwoDatesDecides() {
        assertThat(window.due(LocalDate.of(2026, 5, 10), LocalDate.of(2026, 8, 31))).hasValue(LocalDate.of(2027, 2, 28));
        assertThat(window.due(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 5, 10))).hasValue(LocalDate.of(2027, 2, 28));
        assertThat(window.due(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1))).hasValue(LocalDate.of(2027, 1, 1));
    }

    @Test
    void monthEndsClampToTheShorterMonth() {
        // 31 Aug + 6 months: February has no 31st (28th in 2027, 29th in the leap year 2028)
        assertThat(window.due(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 8, 31))).hasValue(LocalDate.of(2027, 2, 28));
        assertThat(window.due(LocalDate.of(2027, 8, 31), LocalDate.of(2027, 8, 1))).hasValue(LocalDate.of(2028, 2, 29));
        // 29 Feb 2028 + 6 months is 29 Aug, not the end of August
        assertThat(window.due(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 1, 1))).hasValue(LocalDate.of(2028, 8, 29));
        assertThat(window.due(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31))).hasValue(LocalDate.of(2026, 9, 30));
    }

    @Test
    void theWindowIsAtLeastAMonth() {
        assertThatThrownBy(() -> new FinalAcceptanceWindow(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
