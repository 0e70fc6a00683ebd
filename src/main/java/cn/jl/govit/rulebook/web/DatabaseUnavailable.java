package cn.jl.govit.rulebook.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer while PostgreSQL is down or unreachable (issue 7.9): {@code 503 Service Unavailable} with
 * {@code Retry-After}, under {@code /api/**} as problem+json ({@code type /problems/database-unavailable}, title
 * and detail in the caller's language), on pages the error page with the 503 texts — never a {@code 500}, never
 * a {@code 401} because the user could not be looked up. The pool gives up after
 * {@code spring.datasource.hikari.connection-timeout}, so no request waits longer than that for a connection.
 * <p>
 * Where the failure surfaces decides who answers, but all of them answer here: a controller or service
 * ({@link DatabaseUnavailableHandling.Resolver}, ahead of the controller advices), the security filter chain and the
 * session store ({@link DatabaseUnavailableHandling.Filter}, ahead of them all), and a login whose user could not be
 * loaded ({@link DatabaseUnavailableHandling#loginLookups}, which lets the failure out of Spring Security instead of
 * letting it read as bad credentials).
 */
final class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    static final String TYPE = "/problems/database-unavailable";

    /** Seconds a client should wait before it repeats: about the pool's connection timeout plus a restart. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** Response headers of the failed answer that must not survive into the 503 (a download, a created record). */
    private static final Set<String> STALE_HEADERS = Set.of(HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.ETAG,
            HttpHeaders.LOCATION, HttpHeaders.LAST_MODIFIED, HttpHeaders.CONTENT_LENGTH, "Idempotent-Replayed");

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final ViewResolver views;

    DatabaseUnavailable(MessageSource messages, LocaleResolver locales, JsonMapper json, ViewResolver views) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.views = views;
    }

    /**
     * Whether a failure means that the database cannot be reached (no connection within the timeout, the
     * connection refused or dropped, the server shutting down), as opposed to a fault of the request or the code.
     * Optimistic and pessimistic locking failures are transient too, but they are conflicts ({@code 409}), not
     * an outage.
     */
    static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof ConcurrencyFailureException) {
                return false;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
            // the driver could not complete a commit or rollback at all (e.g. "Connection is closed", which carries
            // no SQLSTATE): the connection is gone. A constraint that fails at commit is translated into a
            // DataIntegrityViolationException instead and never arrives here.
            if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
                return true;
            }
            // a failed rollback after the failure hides the failure itself, which Spring keeps alongside
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != t && isCause(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** The classes (and SQLSTATEs) of a failure's causes, for a log line that holds no data of the request. */
    static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " < ").append(t.getClass().getName());
            if (t instanceof SQLException sql) {
                chain.append('[').append(sql.getSQLState()).append(']');
            }
        }
        return chain.toString();
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server shuts down or cannot accept connections
     * yet) and 53300 (too many connections).
     */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /**
     * Writes the 503 unless the response is already committed (then nothing can be changed and the caller lets the
     * failure go on); answers whether it wrote.
     */
    boolean answer(HttpServletRequest request, HttpServletResponse response, Throwable failure) {
        if (response.isCommitted()) {
            log.warn("database unavailable after the response was committed: {} {}", request.getMethod(),
                    request.getRequestURI());
            return false;
        }
        // one line without the stack: an outage gives one per request, and the cause's message is enough
        log.warn("database unavailable, 503 for {} {}: {}", request.getMethod(), request.getRequestURI(),
                rootMessage(failure));
        response.resetBuffer();
        STALE_HEADERS.forEach(h -> response.setHeader(h, null));
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            if (isApi(request)) {
                problem(request, response);
            }
            else {
                page(request, response);
            }
            return true;
        }
        catch (Exception e) {
            log.warn("could not write the 503 answer: {}", e.toString());
            return false;
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        problem.setType(URI.create(TYPE));
        problem.setTitle(messages.getMessage("problem.unavailable.title", null, locale));
        problem.setDetail(messages.getMessage("problem.unavailable.detail", null, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = json.writeValueAsString(problem);
        try {
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
        catch (IllegalStateException writerTaken) {
            // the failed request had already asked for the writer (one of the two per response), whose encoding
            // may be another: the body then goes in ASCII, every other character as a JSON escape
            response.getWriter().write(json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(problem));
        }
    }

    /**
     * The error page with the 503 texts, rendered without the navigation (which reads the database) and without the
     * CSRF token (whose session may live in the database); also outside the dispatcher servlet, for failures in the
     * filters.
     */
    private void page(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (request.getAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE) == null) {
            request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        }
        request.removeAttribute("_csrf");
        request.removeAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
        Locale locale = locales.resolveLocale(request);
        ModelAndView page = ErrorPages.page(HttpStatus.SERVICE_UNAVAILABLE);
        View view = views.resolveViewName(page.getViewName(), locale);
        if (view == null) {
            throw new IllegalStateException("no view " + page.getViewName());
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        view.render(page.getModel(), request, response);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
