package cn.jl.govit.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Role;

/**
 * The one authentication path of {@link SecurityConfiguration}: every attempt hashes the presented password exactly
 * once, whether the user is unknown, the password wrong, or the account locked or disabled, so that neither the
 * outcome a client sees (one 401 body, one {@code /login?error}) nor the work done tells them apart; an
 * unknown user and a wrong password fail with the same exception. A hash of an older scheme is re-hashed.
 */
class OnePathAuthenticationTests {

    static final String PASSWORD = "Demo@2026";

    final AtomicInteger hashings = new AtomicInteger();
    final Pbkdf2Sm3PasswordEncoder sm3 = new Pbkdf2Sm3PasswordEncoder(1000);
    final PasswordEncoder counting = new PasswordEncoder() {
        final DelegatingPasswordEncoder delegate = new DelegatingPasswordEncoder(Pbkdf2Sm3PasswordEncoder.ID,
                Map.of(Pbkdf2Sm3PasswordEncoder.ID, sm3, "bcrypt",
                        new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4)));

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashings.incrementAndGet();
            return delegate.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return delegate.upgradeEncoding(encoded);
        }
    };

    final Map<String, SignedInUser> users = new java.util.HashMap<>();
    final Map<String, String> upgraded = new java.util.HashMap<>();
    DaoAuthenticationProvider provider;

    @BeforeEach
    void accounts() {
        String hash = counting.encode(PASSWORD);
        users.put("active", user("active", hash, true, true));
        users.put("locked", user("locked", hash, true, false));
        users.put("disabled", user("disabled", hash, false, true));
        users.put("old", user("old", "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4)
                .encode(PASSWORD), true, true));
        provider = SecurityConfiguration.onePathProvider(name -> {
            SignedInUser user = users.get(name);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return user;
        }, (UserDetails user, String newHash) -> {
            upgraded.put(user.getUsername(), newHash);
            return user;
        }, counting);
        // the dummy hash for unknown users is made once, on the first attempt; make it before counting
        attempt("nobody", PASSWORD);
        hashings.set(0);
    }

    @Test
    void anUnknownUserAndAWrongPasswordFailAlikeAfterOneHashing() {
        Throwable unknown = attempt("nobody", PASSWORD);
        int unknownHashings = hashings.getAndSet(0);
        Throwable wrong = attempt("active", "Wrong@2026");
        int wrongHashings = hashings.getAndSet(0);

        assertThat(unknown).isInstanceOf(BadCredentialsException.class);
        assertThat(wrong).isInstanceOf(BadCredentialsException.class);
        assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
        assertThat(unknownHashings).isEqualTo(1);
        assertThat(wrongHashings).isEqualTo(1);
    }

    @Test
    void aLockedOrDisabledAccountIsJudgedOnlyAfterThePasswordWasHashed() {
        assertThat(attempt("locked", "Wrong@2026")).isInstanceOf(BadCredentialsException.class);
        assertThat(hashings.getAndSet(0)).isEqualTo(1);
        assertThat(attempt("locked", PASSWORD)).isInstanceOf(LockedException.class);
        assertThat(hashings.getAndSet(0)).isEqualTo(1);
        assertThat(attempt("disabled", PASSWORD)).isInstanceOf(DisabledException.class);
        assertThat(hashings.getAndSet(0)).isEqualTo(1);
    }

    @Test
    void theRightPasswordSignsInAfterOneHashing() {
        Authentication signedIn = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("active", PASSWORD));

        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(hashings.get()).isEqualTo(1);
        assertThat(upgraded).isEmpty();
    }

    @Test
    void aHashOfAnOlderSchemeIsReplacedAtTheNextSuccessfulLogin() {
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("old", PASSWORD));

        assertThat(upgraded.get("old")).startsWith("{pbkdf2-sm3}1000$");
        assertThat(counting.matches(PASSWORD, upgraded.get("old"))).isTrue();
    }

    @Test
    void aFailedLoginUpgradesNothing() {
        assertThat(attempt("old", "Wrong@2026")).isInstanceOf(BadCredentialsException.class);

        assertThat(upgraded).isEmpty();
    }

    private Throwable attempt(String username, String password) {
        try {
            provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        }
        catch (RuntimeException e) {
            return e;
        }
        return null; // signed in: the callers' isInstanceOf fails on it
    }

    private static SignedInUser user(String name, String hash, boolean enabled, boolean nonLocked) {
        return new SignedInUser(name, hash, enabled, nonLocked, name, "RST", OrganizationKind.DEPARTMENT,
                Set.of(Role.DEPARTMENT_STAFF));
    }
}
