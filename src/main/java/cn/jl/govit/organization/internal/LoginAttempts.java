package cn.jl.govit.organization.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.audit.Actor;
import cn.jl.govit.audit.AuditLog;

/**
 * Locks an account after repeated failed logins on any path (form or HTTP Basic), as GB/T 22239 asks
 * (登录失败处理). The lock ends by itself after the lock period; a success clears the count.
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockPeriod;

    LoginAttempts(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, Clock clock,
            @Value("${govit.security.max-failed-logins:5}") int maxFailures,
            @Value("${govit.security.lock-period:30m}") Duration lockPeriod) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockPeriod = lockPeriod;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = LoginNames.normalize(event.getAuthentication().getName());
        if (username == null) {
            return;
        }
        tx.executeWithoutResult(status -> {
            Integer failures = jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 "
                            + "WHERE username = :u AND (locked_until IS NULL OR locked_until <= :now) RETURNING failed_attempts")
                    .param("u", username).param("now", Timestamp.from(clock.instant()))
                    .query(Integer.class).optional().orElse(null);
            if (failures != null && failures >= maxFailures) {
                Instant until = clock.instant().plus(lockPeriod);
                jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = :until WHERE username = :u")
                        .param("u", username).param("until", Timestamp.from(until)).update();
                audit.record(new Actor(username, null), "ACCOUNT_LOCKED", "User", username, null,
                        username + " locked until " + until + " after " + failures + " failed logins");
            }
        });
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        jdbc.sql("UPDATE app_user SET failed_attempts = 0 WHERE username = :u AND failed_attempts > 0")
                .param("u", username).update();
    }
}
