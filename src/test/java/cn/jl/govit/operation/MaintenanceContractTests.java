package cn.jl.govit.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The renewal flag of an O&M contract at the edges of the notice period. */
class MaintenanceContractTests {

    static final int NOTICE = OperationProperties.defaults().contractRenewalNoticeDays();
    static final LocalDate TODAY = LocalDate.of(2026, 12, 31);

    static MaintenanceContract endingOn(LocalDate endsOn) {
        return new MaintenanceContract(UUID.randomUUID(), UUID.randomUUID(), "运维公司", "YW-1", new BigDecimal("100.00"),
                LocalDate.of(2026, 1, 1), endsOn, "5×8", null, "rst", Instant.now());
    }

    @Test
    void aContractEndingOnTheLastDayOfTheNoticePeriodIsFlagged() {
        assertThat(endingOn(TODAY.plusDays(NOTICE)).renewalDue(TODAY, NOTICE)).isTrue();
        assertThat(endingOn(TODAY.plusDays(NOTICE + 1)).renewalDue(TODAY, NOTICE)).isFalse();
    }

    @Test
    void aContractEndingTodayIsStillRunningAndFlaggedOneEndedYesterdayIsOver() {
        assertThat(endingOn(TODAY).endedOn(TODAY)).isFalse();
        assertThat(endingOn(TODAY).renewalDue(TODAY, NOTICE)).isTrue();
        assertThat(endingOn(TODAY.minusDays(1)).endedOn(TODAY)).isTrue();
        assertThat(endingOn(TODAY.minusDays(1)).renewalDue(TODAY, NOTICE)).isFalse();
    }
}
