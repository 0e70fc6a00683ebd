package cn.jl.govit.audit.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.audit.Actor;
import cn.jl.govit.audit.AuditLog;

/**
 * Audits what happens at the door: logins that succeed and fail (form and HTTP Basic), and requests of a signed-in
 * user answered {@code 403} or refused a record outside their scope (answered {@code 404}). The username is recorded as typed (cut to 64 characters, control characters
 * removed), the password never; only the request's method and path are recorded, never its query or body.
 * <p>
 * Volume: every HTTP Basic request is a login, so a Basic success is recorded once per user per
 * {@code govit.audit.basic-login-window} (30 minutes), a form login each time. Failed logins and refusals cost an
 * attacker nothing, so each kind is bounded by an {@link AuditRateLimit} ({@code govit.audit.max-failure-events-per-minute},
 * 120): beyond it the attempts are only counted, and the count is written with the next event admitted. Lockouts
 * themselves are audited where they happen ({@code ACCOUNT_LOCKED}).
 */
@Component
public class SecurityEventAudit extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventAudit.class);

    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Duration basicLoginWindow;
    private final AuditRateLimit failedLogins;
    private final AuditRateLimit refusals;
    private final Map<String, Long> lastBasicLogin = new ConcurrentHashMap<>();

    SecurityEventAudit(AuditLog audit, PlatformTransactionManager transactions,
            @Value("${govit.audit.basic-login-window:30m}") Duration basicLoginWindow,
            @Value("${govit.audit.max-failure-events-per-minute:120}") int perMinute) {
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        // its own transaction: a failed login's request fails, its audit event must stay
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.basicLoginWindow = basicLoginWindow;
        this.failedLogins = new AuditRateLimit(perMinute, Duration.ofMinutes(1).toNanos(), System::nanoTime);
        this.refusals = new AuditRateLimit(perMinute, Duration.ofMinutes(1).toNanos(), System::nanoTime);
    }

    /** Opens a fresh window for both limits, so that a test does not depend on the attempts of the tests before it. */
    public void resetLimits() {
        failedLogins.reset();
        refusals.reset();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String username = typed(event.getAuthentication().getName());
        boolean api = isApiRequest();
        if (api) {
            long now = System.nanoTime();
            Long last = lastBasicLogin.get(username);
            if (last != null && now - last < basicLoginWindow.toNanos()) {
                return;
            }
            lastBasicLogin.put(username, now);
        }
        write(new Actor(username, null), "LOGIN_SUCCEEDED", "Login", username, (api ? "HTTP Basic" : "form") + " login");
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        long suppressed = failedLogins.admit();
        if (suppressed < 0) {
            return;
        }
        String username = typed(event.getAuthentication().getName());
        String reason = event instanceof AuthenticationFailureBadCredentialsEvent ? "bad credentials"
                : event instanceof AuthenticationFailureLockedEvent ? "account locked"
                        : event.getException().getClass().getSimpleName();
        write(new Actor("anonymous", null), "LOGIN_FAILED", "Login", username, (isApiRequest() ? apiScheme() : "form")
                + " login of '" + username + "' failed: " + reason + suppressedNote(suppressed));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        Object outOfScope = request.getAttribute(RecordNotFoundException.OUT_OF_SCOPE);
        boolean scopeRefusal = status == HttpServletResponse.SC_NOT_FOUND && outOfScope != null;
        if (status != HttpServletResponse.SC_FORBIDDEN && !scopeRefusal) {
            return;
        }
        Authentication user = signedIn(request);
        if (user == null) {
            return;
        }
        long suppressed = refusals.admit();
        if (suppressed < 0) {
            return;
        }
        String target = request.getMethod() + " " + typed(request.getRequestURI(), 300);
        if (scopeRefusal) {
            // answered 404 like a missing record, so that nobody can probe for ids; the audit knows better
            write(new Actor(user.getName(), null), "OUT_OF_SCOPE", "Request", target,
                    "404 " + target + ": " + typed(outOfScope.toString(), 120) + " outside the caller's scope"
                            + suppressedNote(suppressed));
            return;
        }
        write(new Actor(user.getName(), null), "ACCESS_DENIED", "Request", target, "403 " + target + suppressedNote(suppressed));
    }

    /** Wraps the security filter chain, so that it also sees the 403 answers the chain gives itself. */
    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;
    }

    private void write(Actor actor, String action, String entityType, String entityId, String summary) {
        try {
            tx.executeWithoutResult(s -> audit.record(actor, action, entityType, entityId, null, summary));
        }
        catch (RuntimeException e) {
            // the answer to the request stands; only the exception's class is logged, since a database message can
            // quote the row (and so the name as typed)
            log.error("could not audit {}: {}", action, e.getClass().getName());
        }
    }

    /** The user the security chain authenticated for this request (the chain has cleared its holder by now). */
    private static Authentication signedIn(HttpServletRequest request) {
        Object context = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        if (!(context instanceof SecurityContext)) {
            HttpSession session = request.getSession(false);
            context = session == null ? null
                    : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
        Authentication user = context instanceof SecurityContext c ? c.getAuthentication() : null;
        return user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken ? null : user;
    }

    private static boolean isApiRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                && a.getRequest().getRequestURI().startsWith(a.getRequest().getContextPath() + "/api/");
    }

    /** How an API request authenticates: an API bearer token (organization's ApiTokens) or HTTP Basic. */
    private static String apiScheme() {
        String authorization = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getHeader("Authorization") : null;
        return authorization != null && authorization.stripLeading().regionMatches(true, 0, "Bearer", 0, 6)
                ? "API token" : "HTTP Basic";
    }

    private static String suppressedNote(long suppressed) {
        return suppressed > 0 ? " (" + suppressed + " more suppressed before)" : "";
    }

    static String typed(String text) {
        return typed(text, 64);
    }

    private static String typed(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
