package cn.jl.govit;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL stores no NUL character in text, and no person types one: a request whose query or form
 * parameters carry one is malformed and answers {@code 400} before it reaches a page, a login or the
 * database — under {@code /api/**} as problem+json naming the parameters. JSON bodies are checked when they
 * are read ({@link WebConfiguration}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulParameterFilter extends OncePerRequestFilter {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    NulParameterFilter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> fields = fieldsWithNul(request.getParameterMap());
        if (fields.isEmpty() && !containsNul(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String message = messages.getMessage("problem.field.invalid", null, locale);
        List<Map<String, String>> errors = (fields.isEmpty() ? List.of("path") : fields).stream()
                .map(f -> Map.of("field", f, "message", message)).toList();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create("/problems/invalid-input"));
        problem.setTitle(messages.getMessage("problem.invalid-input.title", null, locale));
        problem.setDetail(String.join("; ", errors.stream().map(e -> e.get("field") + ": " + message).toList()));
        problem.setInstance(URI.create(request.getRequestURI().replace("\u0000", "")));
        problem.setProperty("errors", errors);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static List<String> fieldsWithNul(Map<String, String[]> parameters) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            boolean nul = containsNul(entry.getKey());
            for (String value : entry.getValue()) {
                nul |= containsNul(value);
            }
            if (nul) {
                fields.add(entry.getKey().replace("\u0000", ""));
            }
        }
        return fields;
    }

    private static boolean containsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
