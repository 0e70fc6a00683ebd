package cn.jl.govit.organization;

import java.time.Instant;
import java.util.Set;

/** A user as the administrator manages it; the password hash never leaves the module. */
public record UserAccount(String username, String displayName, String organizationCode, Set<Role> roles,
        boolean enabled, int failedAttempts, Instant lockedUntil, long version) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
