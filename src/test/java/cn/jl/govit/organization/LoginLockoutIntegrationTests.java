package cn.jl.govit.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * GB/T 22239 login failure handling: five failed logins lock an account for 30 minutes on every path (HTTP
 * Basic and the login form), and a locked account reads exactly like a wrong password. Each test signs in
 * with an account of its own, so that the demo users stay usable.
 */
@GovItTest
class LoginLockoutIntegrationTests {

    static final String PASSWORD = "Lockout@2026";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    WebApplicationContext context;

    Api api;
    String username;

    @BeforeEach
    void freshAccount() {
        api = new Api(port);
        username = ("lock" + java.util.UUID.randomUUID().toString().replace("-", "")).substring(0, 20);
        accounts.create(username, "锁定测试", "RST", EnumSet.of(Role.DEPARTMENT_STAFF), PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheLockReadsLikeAWrongPassword() {
        Response wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = basic("Wrong@2026");
            assertThat(wrong.status()).isEqualTo(401);
        }
        assertThat(accounts.get(username).lockedAt(clock.instant())).isTrue();

        Response locked = basic(PASSWORD);

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo(wrong.body());
        assertThat(locked.contentType()).isEqualTo(wrong.contentType());
        assertThat(locked.headers().getFirst("WWW-Authenticate")).isEqualTo(wrong.headers().getFirst("WWW-Authenticate"));
        assertThat(api.as("nobody-" + username, PASSWORD).get("projects").body()).isEqualTo(wrong.body());
    }

    @Test
    void theLockEndsByItselfAfterThirtyMinutes() {
        lockByBasic();

        clock.advance(Duration.ofMinutes(29));
        assertThat(basic(PASSWORD).status()).isEqualTo(401);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(basic(PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            assertThat(basic("Wrong@2026").status()).isEqualTo(401);
        }
        assertThat(basic(PASSWORD).status()).isEqualTo(200);
        assertThat(accounts.get(username).failedAttempts()).isZero();

        for (int i = 0; i < 4; i++) {
            assertThat(basic("Wrong@2026").status()).isEqualTo(401);
        }
        assertThat(basic(PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void failedFormLoginsCountTowardsTheSameLock() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();

        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/login").param("username", username).param("password", "Wrong@2026").with(csrf()))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(basic("Wrong@2026").status()).isEqualTo(401);
        assertThat(basic("Wrong@2026").status()).isEqualTo(401);

        assertThat(basic(PASSWORD).status()).isEqualTo(401);
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?error"));

        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
    }

    @Test
    void aFormLoginWithoutCsrfTokenIsRefusedAndCountsNothing() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();

        for (int i = 0; i < 6; i++) {
            mvc.perform(post("/login").param("username", username).param("password", "Wrong@2026"))
                    .andExpect(status().isForbidden());
        }
        assertThat(basic(PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAdministratorsUnlockEndsTheLockAtOnce() {
        lockByBasic();

        accounts.unlock(username);

        assertThat(basic(PASSWORD).status()).isEqualTo(200);
    }

    private void lockByBasic() {
        for (int i = 0; i < 5; i++) {
            assertThat(basic("Wrong@2026").status()).isEqualTo(401);
        }
        assertThat(basic(PASSWORD).status()).isEqualTo(401);
    }

    private Response basic(String password) {
        return api.as(username, password).get("projects");
    }
}
