package cn.jl.govit.organization;

import java.time.Instant;
import java.util.Set;

/**
 * A user as the administrator manages it; the password hash never leaves the module.
 *
 * @param email where notifications are mailed, {@code null} when the user has none
 */
public record UserAccount(String username, String displayName, String organizationCode, Set<Role> roles,
        boolean enabled, int failedAttempts, Instant lockedUntil, long version, String email) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
