package cn.jl.govit.organization.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by an API bearer token: the same principal, authorities and scope as a password login,
 * plus the token's id (so that the token can revoke itself) and the password's age and maximum age (read with the
 * token, so that
 * {@link AccountStateFilter} needs no second read). Never carries the token itself.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final SignedInUser user;
    private final UUID tokenId;
    private final Instant passwordChangedAt;
    private final Integer passwordMaxAgeDays;

    ApiTokenAuthentication(SignedInUser user, UUID tokenId, Instant passwordChangedAt, Integer passwordMaxAgeDays) {
        super(user.getAuthorities());
        this.user = user;
        this.tokenId = tokenId;
        this.passwordChangedAt = passwordChangedAt;
        this.passwordMaxAgeDays = passwordMaxAgeDays;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }

    UUID tokenId() {
        return tokenId;
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    /** The policy's maximum age when the token was read; {@code null}: the configured default. */
    Integer passwordMaxAgeDays() {
        return passwordMaxAgeDays;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiTokenAuthentication other && super.equals(other) && tokenId.equals(other.tokenId);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + tokenId.hashCode();
    }
}
