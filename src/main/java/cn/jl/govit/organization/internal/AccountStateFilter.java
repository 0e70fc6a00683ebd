package cn.jl.govit.organization.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.jl.govit.organization.PasswordPolicy;

/**
 * The server-side check behind every signed-in request (GB/T 22239 身份鉴别, 访问控制): an account that was
 * disabled (or whose organisation was) ends its live sessions at their next request, whichever node holds
 * them; a password older than the maximum age lets its owner do nothing but change it. A primary-key
 * read per request, so that the check needs no in-memory session registry and holds across nodes.
 */
final class AccountStateFilter extends OncePerRequestFilter {

    /** Where a page session with an expired password is sent, and what it may still reach. */
    static final String CHANGE_PAGE = "/account/password";
    static final String CHANGE_API = "/api/v1/account/password";

    private final JdbcClient jdbc;
    private final PasswordPolicy policy;
    private final boolean api;
    private final ProblemResponses problems;

    AccountStateFilter(JdbcClient jdbc, PasswordPolicy policy, boolean api, ProblemResponses problems) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.api = api;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user)) {
            chain.doFilter(request, response);
            return;
        }
        // a bearer token's own read (this very request) already found the account usable and its password's age;
        // a session's read takes the policy's maximum age in the same statement (one round trip, issue 8)
        Optional<State> state = auth instanceof ApiTokenAuthentication token
                ? Optional.of(new State(true, token.passwordChangedAt(), token.passwordMaxAgeDays()))
                : jdbc.sql("""
                SELECT u.enabled AND coalesce(o.active, true) AS usable, u.password_changed_at,
                """ + PasswordPolicy.MAX_AGE_DAYS_SQL + """
                 AS max_age_days FROM app_user u
                LEFT JOIN organization o ON o.code = u.organization_code WHERE u.username = :u""")
                .param("u", user.getUsername())
                .query((rs, n) -> new State(rs.getBoolean("usable"), instant(rs.getTimestamp("password_changed_at")),
                        rs.getObject("max_age_days", Integer.class)))
                .optional();
        if (state.isEmpty() || !state.get().usable()) {
            endSession(request);
            if (api) {
                problems.commence(request, response, null);
            }
            else {
                redirect(request, response, "/login?ended");
            }
            return;
        }
        if (policy.expired(state.get().passwordChangedAt(), state.get().maxAgeDays()) && !mayChange(request)) {
            if (api) {
                problems.passwordExpired(request, response);
            }
            else {
                redirect(request, response, CHANGE_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private boolean mayChange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return api ? path.equals(CHANGE_API) || path.equals("/api/v1/me")
                : path.equals(CHANGE_PAGE) || path.equals("/logout") || path.startsWith("/webjars/")
                        || path.startsWith("/css/") || path.startsWith("/js/");
    }

    private static void endSession(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        String target = request.getContextPath() + path;
        if ("true".equals(request.getHeader("HX-Request"))) {
            // htmx swaps fragments; a whole-page navigation needs its own header
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.sendRedirect(target);
    }

    private record State(boolean usable, Instant passwordChangedAt, Integer maxAgeDays) {
    }
}
