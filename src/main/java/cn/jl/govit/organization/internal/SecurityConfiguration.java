package cn.jl.govit.organization.internal;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import cn.jl.govit.organization.PasswordPolicy;

/**
 * Two faces, one set of users: the REST API under {@code /api/**} with HTTP Basic or a bearer token
 * ({@link ApiTokens}, issued at {@code POST /api/v1/tokens} against the password) and no session, the pages
 * with form login, a session and CSRF tokens. Role and scope checks sit in the modules' services, so both
 * faces obey the same rules.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, JdbcClient jdbc,
            PasswordPolicy policy, ApiTokens tokens, ApplicationEventPublisher events) throws Exception {
        return http.securityMatcher("/api/**")
                // a token is issued only to a caller who has just proven the password: a token issuing tokens would
                // outlive every lifetime
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/tokens").access((authentication, request) ->
                                new AuthorizationDecision(passwordLogin(authentication.get())))
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens, problems, events), BasicAuthenticationFilter.class)
                .addFilterAfter(new AccountStateFilter(jdbc, policy, true, problems),
                        AuthorizationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ProblemResponses problems, JdbcClient jdbc,
            PasswordPolicy policy) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // 三员: the security administrator ends lockouts and sees the users for it; the rest of
                        // /admin is the system administrator's
                        .requestMatchers(HttpMethod.POST, "/admin/users/*/unlock").hasRole("SECURITY_ADMIN")
                        .requestMatchers(HttpMethod.GET, "/admin/users", "/admin/users/*")
                        .hasAnyRole("ADMIN", "SECURITY_ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .addFilterAfter(new AccountStateFilter(jdbc, policy, false, problems),
                        AuthorizationFilter.class)
                // a new session id at login (session fixation); the idle timeout is server.servlet.session.timeout
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .formLogin(f -> f.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false))
                // an htmx request after the session ended reloads the whole page at the login form
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor((request, response, ex) -> {
                    response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                    response.setStatus(401);
                }, request -> "true".equals(request.getHeader("HX-Request")))
                        .defaultAuthenticationEntryPointFor(
                                new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login"),
                                org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("SESSION")
                        .invalidateHttpSession(true))
                .headers(h -> h.referrerPolicy(r -> r.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    private static boolean passwordLogin(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && !(authentication instanceof ApiTokenAuthentication);
    }

    /**
     * One path for every failed login: the password is hashed before the account's state (locked, disabled)
     * is looked at, and an unknown user is hashed against a dummy, so that neither the message nor the time
     * tells an unknown user from a wrong password or a locked account. Hashes of older schemes are re-hashed
     * at the next successful login through {@link AccountUserDetailsService#updatePassword}.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(AccountUserDetailsService users, PasswordEncoder passwords) {
        return onePathProvider(users, users, passwords);
    }

    static DaoAuthenticationProvider onePathProvider(UserDetailsService users, UserDetailsPasswordService upgrades,
            PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        provider.setUserDetailsPasswordService(upgrades);
        UserDetailsChecker status = new AccountStatusUserDetailsChecker();
        provider.setPreAuthenticationChecks(user -> {
        });
        provider.setPostAuthenticationChecks(status::check);
        return provider;
    }

    /** PBKDF2-HMAC-SM3 for new hashes; older schemes are still read and upgraded at the next login. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${govit.security.password-iterations:20000}") int iterations) {
        Pbkdf2Sm3PasswordEncoder sm3 = new Pbkdf2Sm3PasswordEncoder(iterations);
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(Pbkdf2Sm3PasswordEncoder.ID,
                Map.of(Pbkdf2Sm3PasswordEncoder.ID, sm3, "bcrypt", new BCryptPasswordEncoder()));
        return encoder;
    }
}
