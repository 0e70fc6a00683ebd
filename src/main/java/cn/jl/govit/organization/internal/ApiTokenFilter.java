package cn.jl.govit.organization.internal;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.jl.govit.organization.internal.ApiTokenPolicy.Refusal;

/**
 * {@code Authorization: Bearer <token>} on the API chain: a good token authenticates the request as its owner (no
 * password hashing, one indexed read); any other bearer header — unknown, revoked, expired or idle token, a disabled
 * or locked account, no token at all — ends the request with {@code 401} problem+json and a {@code Bearer}
 * challenge, and counts as a failed login for the door audit (rate-limited there). It never counts towards the
 * account's lockout: presenting an old token is no password guess. The token is never logged or audited. Other
 * {@code Authorization} schemes pass on to HTTP Basic.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "bearer";

    private final ApiTokens tokens;
    private final ProblemResponses problems;
    private final ApplicationEventPublisher events;
    private final RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    ApiTokenFilter(ApiTokens tokens, ProblemResponses problems, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.problems = problems;
        this.events = events;
    }

    /** Whether the request presents a bearer token (well-formed or not). */
    static boolean bearer(String authorization) {
        if (authorization == null) {
            return false;
        }
        String header = authorization.stripLeading();
        return header.length() >= SCHEME.length()
                && header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)
                && (header.length() == SCHEME.length() || Character.isWhitespace(header.charAt(SCHEME.length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!bearer(authorization)) {
            chain.doFilter(request, response);
            return;
        }
        String token = authorization.stripLeading().substring(SCHEME.length()).strip();
        ApiTokens.Lookup lookup = tokens.authenticate(token);
        if (!lookup.good()) {
            SecurityContextHolder.clearContext();
            String name = lookup.username() == null ? "" : lookup.username();
            events.publishEvent(new ApiTokenRefusedEvent(UsernamePasswordAuthenticationToken.unauthenticated(name, null),
                    exception(lookup.refusal())));
            problems.tokenRefused(request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(lookup.user(), lookup.tokenId(),
                lookup.passwordChangedAt(), lookup.passwordMaxAgeDays()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        // the door audit reads the request's user from here for its 403 and out-of-scope events
        contexts.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    /** The reason the door audit writes is the exception's class name; the message is never written. */
    private static AuthenticationException exception(Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN -> new BadCredentialsException("unknown API token");
            case REVOKED -> new RevokedApiTokenException();
            case EXPIRED -> new CredentialsExpiredException("API token expired");
            case IDLE -> new IdleApiTokenException();
            case ACCOUNT_DISABLED -> new DisabledException("account disabled");
            case ACCOUNT_LOCKED -> new LockedException("account locked");
        };
    }

    /** A refused bearer token: a failed login, but not a bad password (so {@link LoginAttempts} ignores it). */
    static final class ApiTokenRefusedEvent extends AbstractAuthenticationFailureEvent {

        ApiTokenRefusedEvent(org.springframework.security.core.Authentication authentication,
                AuthenticationException exception) {
            super(authentication, exception);
        }
    }

    static final class RevokedApiTokenException extends AuthenticationException {

        RevokedApiTokenException() {
            super("API token revoked");
        }
    }

    static final class IdleApiTokenException extends AuthenticationException {

        IdleApiTokenException() {
            super("API token unused beyond its idle time");
        }
    }
}
