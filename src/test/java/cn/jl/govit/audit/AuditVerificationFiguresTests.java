package cn.jl.govit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.support.GovItTest;

/**
 * The figure of docs/security.md: how fast the whole chain verifies. Appends {@code -Daudit.figures.events} events
 * (default 2,000, so the suite stays quick) and times {@link AuditTrail#verify()}; the figure goes to the output,
 * never into an assertion.
 */
@GovItTest
class AuditVerificationFiguresTests {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTrail trail;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theWholeChainVerifiesAndItsSpeedIsReported() {
        int events = Integer.getInteger("audit.figures.events", 2_000);
        long appendStart = System.nanoTime();
        for (int done = 0; done < events; done += 1_000) {
            int batch = Math.min(1_000, events - done);
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < batch; i++) {
                    audit.record(Actor.SYSTEM, "AUDIT_FIGURES", "Figure", null, null, "figure event");
                }
            });
        }
        double appendSeconds = (System.nanoTime() - appendStart) / 1e9;

        trail.verify(); // warm-up
        long start = System.nanoTime();
        ChainVerification verification = trail.verify();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(verification.valid()).isTrue();
        assertThat(verification.count()).isGreaterThanOrEqualTo(events);
        System.out.printf("AUDIT FIGURES: appended %d events in %.2f s (%.0f events/s); verified the chain of %d events "
                + "in %.3f s (%.0f events/s)%n", events, appendSeconds, events / appendSeconds, verification.count(),
                seconds, verification.count() / seconds);
    }
}
