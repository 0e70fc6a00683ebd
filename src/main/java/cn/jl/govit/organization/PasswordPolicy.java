package cn.jl.govit.organization;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.rulebook.InvalidInputException;

/**
 * The periodic password change of GB/T 22239 level 3 (口令定期更换): a password older than the maximum age lets
 * its owner do nothing but change it at the next sign-in. The security administrator keeps the age (三员); until
 * they set it, {@code govit.security.password.max-age} holds (90 days). Zero days turns the periodic change off.
 */
@Service
public class PasswordPolicy {

    /** The longest maximum age the security administrator may set, ten years. */
    public static final int MAX_AGE_DAYS_LIMIT = 3650;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final CurrentUsers users;
    private final Duration configuredMaxAge;

    PasswordPolicy(JdbcClient jdbc, AuditLog audit, Clock clock, CurrentUsers users,
            @Value("${govit.security.password.max-age:90d}") Duration configuredMaxAge) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.users = users;
        this.configuredMaxAge = configuredMaxAge;
    }

    /**
     * The maximum age in force as a scalar sub-select, so that the read behind every signed-in request takes it in
     * its own statement instead of a second round trip (issue 8); {@code NULL} while the configured default holds.
     */
    public static final String MAX_AGE_DAYS_SQL = "(SELECT max_age_days FROM password_policy WHERE id = 1)";

    /** The policy in force and its version (0 while the configured default holds). */
    @Transactional(readOnly = true)
    public Settings current() {
        return jdbc.sql("SELECT max_age_days, version FROM password_policy WHERE id = 1")
                .query((rs, n) -> new Settings(rs.getInt("max_age_days"), rs.getLong("version")))
                .optional().orElse(new Settings((int) configuredMaxAge.toDays(), 0));
    }

    /** Whether a password changed at {@code changedAt} must be changed before anything else is done now. */
    public boolean expired(Instant changedAt) {
        return expired(changedAt, current().maxAgeDays());
    }

    /**
     * The same judgement with the maximum age already read (by {@link #MAX_AGE_DAYS_SQL}); {@code null} is the
     * configured default.
     */
    public boolean expired(Instant changedAt, Integer maxAgeDays) {
        int days = maxAgeDays == null ? (int) configuredMaxAge.toDays() : maxAgeDays;
        if (days == 0) {
            return false;
        }
        return changedAt == null || !clock.instant().isBefore(changedAt.plus(Duration.ofDays(days)));
    }

    /** The security administrator sets the maximum age; {@code version} guards against a concurrent change. */
    @Transactional
    public Settings change(int maxAgeDays, Long version) {
        CurrentUser user = users.current();
        if (!user.has(Role.SECURITY_ADMIN)) {
            throw new AccessDeniedException("the password policy is the security administrator's");
        }
        if (maxAgeDays < 0 || maxAgeDays > MAX_AGE_DAYS_LIMIT) {
            throw new InvalidInputException("maxAgeDays", "password.policy.max-age.range", MAX_AGE_DAYS_LIMIT);
        }
        Settings before = current();
        if (version != null && version != before.version()) {
            throw new OptimisticLockingFailureException("password policy changed meanwhile");
        }
        int rows = jdbc.sql("""
                INSERT INTO password_policy (id, max_age_days, changed_by, changed_at, version)
                VALUES (1, :days, :by, :at, 1)
                ON CONFLICT (id) DO UPDATE SET max_age_days = :days, changed_by = :by, changed_at = :at,
                    version = password_policy.version + 1
                WHERE password_policy.version = :v""")
                .param("days", maxAgeDays).param("by", user.username()).param("at", Timestamp.from(clock.instant()))
                .param("v", before.version()).update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("password policy changed meanwhile");
        }
        audit.record("PASSWORD_POLICY_CHANGED", "PasswordPolicy", "1", null,
                "maximum password age " + before.maxAgeDays() + " -> " + maxAgeDays + " days");
        return current();
    }

    /** @param maxAgeDays days after which a password must be changed; 0: never */
    public record Settings(int maxAgeDays, long version) {
    }
}
