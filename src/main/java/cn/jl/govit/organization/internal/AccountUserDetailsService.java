package cn.jl.govit.organization.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.organization.OrganizationKind;

/** Loads accounts for authentication; a lock runs until {@code locked_until}, judged by the clock. */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountUserDetailsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String name = LoginNames.normalize(username);
        if (name == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return jdbc.sql("""
                SELECT u.*, o.kind AS org_kind, o.active AS org_active FROM app_user u
                LEFT JOIN organization o ON o.code = u.organization_code WHERE u.username = :u""")
                .param("u", name)
                .query((rs, n) -> {
                    Timestamp locked = rs.getTimestamp("locked_until");
                    boolean nonLocked = locked == null || !clock.instant().isBefore(locked.toInstant());
                    String kind = rs.getString("org_kind");
                    boolean orgActive = kind == null || rs.getBoolean("org_active");
                    return (UserDetails) new SignedInUser(rs.getString("username"), rs.getString("password_hash"),
                            rs.getBoolean("enabled") && orgActive, nonLocked, rs.getString("display_name"),
                            rs.getString("organization_code"), kind == null ? null : OrganizationKind.valueOf(kind),
                            RolesColumn.read(rs.getArray("roles")));
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** Re-hashes a password stored under an older scheme at the next successful login. */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        jdbc.sql("UPDATE app_user SET password_hash = :h WHERE username = :u")
                .param("h", newPassword).param("u", user.getUsername()).update();
        return loadUserByUsername(user.getUsername());
    }
}
