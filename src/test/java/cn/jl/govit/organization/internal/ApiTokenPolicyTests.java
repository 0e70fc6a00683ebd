package cn.jl.govit.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.jl.govit.organization.internal.ApiTokenPolicy.Refusal;

/** The token policy at its boundaries: the lifetime and the idle time end exactly on their instant. */
class ApiTokenPolicyTests {

    static final Instant ISSUED = Instant.parse("2026-08-31T16:00:00Z");
    final ApiTokenPolicy policy = new ApiTokenPolicy(Duration.ofHours(8), Duration.ofMinutes(30), Duration.ofMinutes(1));

    @Test
    void aTokenExpiresExactlyItsLifetimeAfterItsIssue() {
        Instant expires = policy.expiresAt(ISSUED);
        assertThat(expires).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
        Instant lastUse = expires.minus(Duration.ofMinutes(1));
        assertThat(policy.judge(ISSUED, expires, null, lastUse, expires.minusNanos(1))).isEmpty();
        assertThat(policy.judge(ISSUED, expires, null, lastUse, expires)).contains(Refusal.EXPIRED);
        assertThat(policy.judge(ISSUED, expires, null, lastUse, expires.plusSeconds(1))).contains(Refusal.EXPIRED);
    }

    @Test
    void anUnusedTokenEndsAfterTheIdleTimeCountedFromItsIssueOrItsLastRecordedUse() {
        Instant expires = policy.expiresAt(ISSUED);
        Instant idleEnd = ISSUED.plus(Duration.ofMinutes(30));
        assertThat(policy.judge(ISSUED, expires, null, null, idleEnd.minusNanos(1))).isEmpty();
        assertThat(policy.judge(ISSUED, expires, null, null, idleEnd)).contains(Refusal.IDLE);
        Instant used = ISSUED.plus(Duration.ofHours(2));
        assertThat(policy.judge(ISSUED, expires, null, used, used.plus(Duration.ofMinutes(30)).minusNanos(1))).isEmpty();
        assertThat(policy.judge(ISSUED, expires, null, used, used.plus(Duration.ofMinutes(30)))).contains(Refusal.IDLE);
    }

    @Test
    void aRevokedTokenIsRefusedWhateverItsTime() {
        Instant expires = policy.expiresAt(ISSUED);
        assertThat(policy.judge(ISSUED, expires, ISSUED.plusSeconds(5), ISSUED, ISSUED.plusSeconds(6)))
                .contains(Refusal.REVOKED);
        // revoked and expired: the revocation is what the owner did, so it is the reason
        assertThat(policy.judge(ISSUED, expires, ISSUED.plusSeconds(5), null, expires.plusSeconds(1)))
                .contains(Refusal.REVOKED);
    }

    @Test
    void aUseIsWrittenAtMostOncePerGranularity() {
        assertThat(policy.recordUse(null, ISSUED)).isTrue();
        assertThat(policy.recordUse(ISSUED, ISSUED.plusSeconds(59))).isFalse();
        assertThat(policy.recordUse(ISSUED, ISSUED.plusSeconds(60))).isTrue();
        // a use recorded under a clock that was ahead (a test clock moved back) is not rewritten backwards
        assertThat(policy.recordUse(ISSUED.plusSeconds(600), ISSUED)).isFalse();
    }

    @Test
    void aPolicyWithoutALifetimeOrWithAGranularityBeyondTheIdleTimeIsAConfigurationError() {
        assertThatThrownBy(() -> new ApiTokenPolicy(Duration.ZERO, Duration.ofMinutes(30), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lifetime");
        assertThatThrownBy(() -> new ApiTokenPolicy(Duration.ofHours(8), Duration.ofMinutes(-1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-idle");
        assertThatThrownBy(() -> new ApiTokenPolicy(Duration.ofHours(8), Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use-granularity");
        assertThat(new ApiTokenPolicy(Duration.ofHours(8), Duration.ofMinutes(30), Duration.ZERO).recordUse(ISSUED, ISSUED))
                .isTrue();
    }
}
