package cn.jl.govit.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The bound on events an anonymous caller can add: at most n per window, the rest counted into the next one. */
class AuditRateLimitTests {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AuditRateLimit limit = new AuditRateLimit(3, 60, now::get);

    @Test
    void atMostNEventsPerWindowAndTheSuppressedOnesAreReportedByTheNextAdmitted() {
        assertThat(limit.admit()).isZero();
        assertThat(limit.admit()).isZero();
        assertThat(limit.admit()).isZero();
        for (int i = 0; i < 1000; i++) {
            assertThat(limit.admit()).isEqualTo(-1);
        }
        now.addAndGet(59);
        assertThat(limit.admit()).as("one tick before the window ends").isEqualTo(-1);

        now.addAndGet(1);
        assertThat(limit.admit()).as("the first of the next window carries the count").isEqualTo(1001);
        assertThat(limit.admit()).isZero();
        assertThat(limit.admit()).isZero();
        assertThat(limit.admit()).isEqualTo(-1);
    }

    @Test
    void aResetOpensAFreshWindowButKeepsTheCount() {
        for (int i = 0; i < 5; i++) {
            limit.admit();
        }
        limit.reset();

        assertThat(limit.admit()).isEqualTo(2);
    }
}
