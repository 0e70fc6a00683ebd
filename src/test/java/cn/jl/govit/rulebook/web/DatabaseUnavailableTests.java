package cn.jl.govit.rulebook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import tools.jackson.databind.json.JsonMapper;

import com.jayway.jsonpath.JsonPath;

/**
 * The mapping of a database outage to {@code 503} without a database: which failures count as an outage, the
 * problem+json of the API in both languages, the error page, the filter around the security chain and a login
 * whose user cannot be loaded. {@code DatabaseOutageIntegrationTests} stops a real PostgreSQL under load.
 */
class DatabaseUnavailableTests {

    private final Map<String, Object> renderedModel = new HashMap<>();
    private final DatabaseUnavailable answer = new DatabaseUnavailable(messages(), acceptLanguage(), JsonMapper.shared(),
            views());

    @Test
    void failuresToReachTheDatabaseAreAnOutage() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("govit - Connection is not available, request timed out after 3000ms")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("begin", refused))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new DataAccessResourceFailureException("I/O error"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new QueryTimeoutException("statement timeout"))).isTrue();
        // the server shuts down under a running statement, wrapped as Spring leaves it (uncategorized, rollback)
        assertThat(DatabaseUnavailable.isCause(new UncategorizedSQLException("select", "SELECT 1",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("rollback", refused))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new ServletException(new IllegalStateException("view",
                new CannotGetJdbcConnectionException("no connection"))))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("too many clients", "53300"))).isTrue();
        // the rollback after the failure failed too and took its place (seen when the server stops under load)
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed");
        rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection"));
        assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
        // the commit failed as the server stopped and the rollback that followed found the connection closed:
        // Spring throws the rollback's failure, whose cause has no SQLSTATE (seen in CI under load)
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        TransactionSystemException rollbackOfABug = new TransactionSystemException("JDBC rollback failed");
        rollbackOfABug.initApplicationException(new IllegalStateException("bug"));
        assertThat(DatabaseUnavailable.isCause(rollbackOfABug)).isFalse();
    }

    @Test
    void conflictsAndFaultsOfTheRequestOrTheCodeAreNot() {
        assertThat(DatabaseUnavailable.isCause(new OptimisticLockingFailureException("stale"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new CannotAcquireLockException("lock"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new UncategorizedSQLException("insert", "INSERT",
                new SQLException("syntax", "42601")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(null)).isFalse();
        RuntimeException loop = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", loop);
        loop.initCause(other);
        assertThat(DatabaseUnavailable.isCause(loop)).isFalse();
    }

    @Test
    void theApiAnswersProblemJsonInTheCallersLanguageWithRetryAfter() throws Exception {
        for (String language : new String[] {"en", "zh-CN"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/projects");
            request.addHeader("Accept-Language", language);
            MockHttpServletResponse response = new MockHttpServletResponse();
            response.setHeader("Location", "/api/v1/projects/1");
            response.getWriter().write("{\"half\":");

            ModelAndView handled = new DatabaseUnavailableHandling.Resolver(answer).resolveException(request, response,
                    null, new CannotCreateTransactionException("begin", new SQLTransientConnectionException("timeout")));

            assertThat(handled).isNotNull();
            assertThat(handled.isEmpty()).isTrue();
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getHeader("Retry-After")).isEqualTo("5");
            assertThat(response.getHeader("Location")).isNull();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo("/problems/database-unavailable");
            assertThat(JsonPath.<Integer>read(body, "$.status")).isEqualTo(503);
            assertThat(JsonPath.<String>read(body, "$.title"))
                    .isEqualTo("en".equals(language) ? "Service unavailable" : "服务暂时不可用");
            assertThat(JsonPath.<String>read(body, "$.instance")).isEqualTo("/api/v1/projects");
        }
    }

    @Test
    void aPageAnswersTheErrorPageWith503() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/projects");
        request.setAttribute("_csrf", "token of a session that may live in the database");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new DatabaseUnavailableHandling.Resolver(answer).resolveException(request, response, null,
                new DataAccessResourceFailureException("I/O error"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(renderedModel).containsEntry("status", 503).containsEntry("errorKey", "error.503");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("page error.503");
        assertThat(request.getAttribute("_csrf")).isNull();
        assertThat(request.getAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE)).isNotNull();
    }

    @Test
    void otherFailuresAreLeftToTheAdvices() {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/projects/1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(new DatabaseUnavailableHandling.Resolver(answer).resolveException(request, response, null,
                new OptimisticLockingFailureException("stale"))).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void theFilterAnswersAnOutageRaisedInTheSecurityChainOrTheSessionStore() throws Exception {
        DatabaseUnavailableHandling.Filter filter = new DatabaseUnavailableHandling.Filter(answer);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/projects");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, failingChain(new IllegalStateException("session lookup",
                new CannotGetJdbcConnectionException("no connection"))));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(JsonPath.<String>read(response.getContentAsString(StandardCharsets.UTF_8), "$.type"))
                .isEqualTo("/problems/database-unavailable");

        MockHttpServletResponse untouched = new MockHttpServletResponse();
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/projects"), untouched,
                failingChain(new IllegalStateException("a bug")))).hasMessage("a bug");
        assertThat(untouched.getStatus()).isEqualTo(200);

        // once the response is committed nothing can be changed: the failure goes on
        MockHttpServletResponse committed = new MockHttpServletResponse();
        committed.setCommitted(true);
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/projects"), committed,
                failingChain(new CannotGetJdbcConnectionException("no connection"))))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
    }

    @Test
    void aLoginWhoseUserCannotBeLoadedIsAnOutageNotBadCredentials() {
        Object wrapped = DatabaseUnavailableHandling.loginLookups().postProcessAfterInitialization(
                new DaoAuthenticationProvider(name -> {
                    throw new CannotGetJdbcConnectionException("no connection");
                }), "authenticationProvider");
        assertThat(wrapped).isInstanceOf(DaoAuthenticationProvider.class);
        assertThatThrownBy(() -> ((AuthenticationProvider) wrapped)
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("rst", "Demo@2026")))
                .isInstanceOf(CannotGetJdbcConnectionException.class);

        Object unknownUser = DatabaseUnavailableHandling.loginLookups().postProcessAfterInitialization(
                new DaoAuthenticationProvider(name -> {
                    throw new UsernameNotFoundException("unknown");
                }), "authenticationProvider");
        assertThatThrownBy(() -> ((AuthenticationProvider) unknownUser)
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "x")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static MockFilterChain failingChain(RuntimeException failure) {
        return new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
                throw failure;
            }
        };
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.unavailable.title", Locale.ENGLISH, "Service unavailable");
        messages.addMessage("problem.unavailable.detail", Locale.ENGLISH, "The database is unavailable for the moment");
        messages.addMessage("problem.unavailable.title", Locale.SIMPLIFIED_CHINESE, "服务暂时不可用");
        messages.addMessage("problem.unavailable.detail", Locale.SIMPLIFIED_CHINESE, "数据库暂时不可用");
        return messages;
    }

    private static LocaleResolver acceptLanguage() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
                String header = request.getHeader("Accept-Language");
                return header != null && header.startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            }

            @Override
            public void setLocale(jakarta.servlet.http.HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response, Locale locale) {
            }
        };
    }

    private ViewResolver views() {
        return (name, locale) -> (View) (model, request, response) -> {
            renderedModel.putAll(model);
            response.getWriter().write("page " + model.get("errorKey"));
        };
    }
}
