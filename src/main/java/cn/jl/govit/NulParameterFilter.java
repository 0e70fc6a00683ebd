package cn.jl.govit;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL stores no NUL character in text, and no person types one: a request whose parameters (query or
 * form) carry one is malformed and answers {@code 400} before it reaches a page, a login or the database.
 * JSON bodies are checked when they are read ({@link WebConfiguration}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulParameterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (containsNul(request.getParameterMap()) || containsNul(request.getRequestURI())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean containsNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            if (containsNul(entry.getKey())) {
                return true;
            }
            for (String value : entry.getValue()) {
                if (containsNul(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
