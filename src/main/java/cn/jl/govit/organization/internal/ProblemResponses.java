package cn.jl.govit.organization.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * 401 and 403 of the REST API as problem+json. A failed login reads the same whether the user is
 * unknown, the password wrong or the account locked, so that nobody can probe accounts.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;

    ProblemResponses(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"GovIT\", charset=\"UTF-8\"");
        write(request, response, 401, "unauthorized");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, 403, "forbidden");
    }

    /**
     * 401 of a refused bearer token (unknown, revoked, expired, idle, or its account disabled or locked): the same
     * answer for each, with a {@code Bearer} challenge (RFC 6750) instead of the Basic one.
     */
    void tokenRefused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"GovIT\", error=\"invalid_token\"");
        write(request, response, 401, "unauthorized");
    }

    /** 403 of a signed-in user whose password passed its maximum age: only the change is open. */
    void passwordExpired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, 403, "password-expired");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String type)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        String title = messages.getMessage("problem." + type + ".title", null, type, locale);
        String detail = messages.getMessage("problem." + type + ".detail", null, type, locale);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"/problems/" + type + "\",\"title\":\"" + json(title) + "\",\"status\":"
                + status + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}");
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
