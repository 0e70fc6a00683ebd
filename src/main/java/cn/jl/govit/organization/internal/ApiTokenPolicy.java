package cn.jl.govit.organization.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an API bearer token is good (plain Java, bound from {@code govit.security.api-token.*}): it lives
 * {@code lifetime} from its issue, and ends earlier when unused for {@code maxIdle}, like a page session's idle
 * timeout. Both ends are exclusive: a token is refused from the instant {@code expiresAt} on. {@code lastUsedAt} is
 * written at most once per {@code useGranularity}, so that a busy client does not write a row on every request; the
 * idle judgement is therefore exact only to that granularity.
 */
public record ApiTokenPolicy(Duration lifetime, Duration maxIdle, Duration useGranularity) {

    /** Why a token is refused. */
    public enum Refusal {
        UNKNOWN, REVOKED, EXPIRED, IDLE, ACCOUNT_DISABLED, ACCOUNT_LOCKED
    }

    public ApiTokenPolicy {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("govit.security.api-token.lifetime must be positive");
        }
        if (maxIdle == null || maxIdle.isNegative() || maxIdle.isZero()) {
            throw new IllegalArgumentException("govit.security.api-token.max-idle must be positive");
        }
        if (useGranularity == null || useGranularity.isNegative() || useGranularity.compareTo(maxIdle) >= 0) {
            throw new IllegalArgumentException(
                    "govit.security.api-token.use-granularity must be at least zero and below max-idle");
        }
    }

    public Instant expiresAt(Instant issuedAt) {
        return issuedAt.plus(lifetime);
    }

    /**
     * The token's own state at {@code now}: revoked, expired, idle since its last recorded use (or its issue), or
     * good (empty). The account's state is judged apart.
     */
    public Optional<Refusal> judge(Instant issuedAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt,
            Instant now) {
        if (revokedAt != null) {
            return Optional.of(Refusal.REVOKED);
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of(Refusal.EXPIRED);
        }
        Instant active = lastUsedAt == null || lastUsedAt.isBefore(issuedAt) ? issuedAt : lastUsedAt;
        if (!now.isBefore(active.plus(maxIdle))) {
            return Optional.of(Refusal.IDLE);
        }
        return Optional.empty();
    }

    /** Whether this use is to be written down: never used, or last written {@code useGranularity} ago or more. */
    public boolean recordUse(Instant lastUsedAt, Instant now) {
        return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(useGranularity));
    }
}
