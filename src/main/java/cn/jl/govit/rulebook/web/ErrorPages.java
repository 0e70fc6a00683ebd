package cn.jl.govit.rulebook.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import tools.jackson.databind.json.JsonMapper;

import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * Errors that no controller answered, in the face the caller came through: under {@code /api/**} an RFC 9457
 * {@code application/problem+json} (status, title, detail), everywhere else the page {@code templates/error.html}
 * in the reader's language. Neither ever shows a stack trace, an exception or its message.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private static final java.util.Set<Integer> PAGE_TEXTS = java.util.Set.of(400, 403, 404, 405, 409, 413, 422, 500, 503);
    static final List<Locale> API_LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private final CitationMessages messages;
    private final JsonMapper json;

    ErrorPages(CitationMessages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, Locale locale) {
        int status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null && path.startsWith(request.getContextPath() + "/api/")) {
            return new ModelAndView(problem(status, path, apiLocale(request)));
        }
        return page(HttpStatus.valueOf(status));
    }

    /** The error page for a status; statuses without a text of their own read as the general error. */
    static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("errorKey", PAGE_TEXTS.contains(status.value()) ? "error." + status.value() : "error.500");
        return page;
    }

    private View problem(int status, String path, Locale locale) {
        return problem(messages, json, status, path, locale);
    }

    private static View problem(CitationMessages messages, JsonMapper json, int status, String path, Locale locale) {
        String type = problemType(status);
        return new View() {
            @Override
            public String getContentType() {
                return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
            }

            @Override
            public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", "/problems/" + type);
                body.put("title", messages.text("problem." + type + ".title", locale));
                body.put("status", status);
                body.put("detail", messages.text("problem." + type + ".detail", locale));
                body.put("instance", path);
                if (status == 413) {
                    // the container refused the upload before any controller ran: the part at fault is the file
                    body.put("errors", List.of(Map.of("field", "file",
                            "message", messages.text("problem.too-large.detail", locale))));
                }
                response.setStatus(status);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(json.writeValueAsString(body));
            }
        };
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer status && HttpStatus.resolve(status) != null && status >= 400) {
            return status;
        }
        return 500;
    }

    static String problemType(int status) {
        return switch (status) {
            case 400 -> "invalid-input";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "rule-violation";
            case 503 -> "unavailable";
            default -> "internal";
        };
    }

    /** The API follows {@code Accept-Language}, Chinese when it names neither supported language. */
    private static Locale apiLocale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        try {
            var ranges = Locale.LanguageRange.parse(header);
            Locale best = Locale.lookup(ranges, API_LOCALES);
            if (best != null) {
                return best;
            }
            return ranges.stream().anyMatch(r -> r.getRange().startsWith("en")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        catch (IllegalArgumentException e) {
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    /**
     * Refusals of the page controllers that they did not show in place: a record outside scope is the 404
     * page, a stale version the 409 page, a rule of the measures the 422 page with its articles. The REST
     * controllers answer through {@link ApiProblems}, which comes first.
     */
    @ControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class PageRefusals {

        private final CitationMessages messages;
        private final JsonMapper json;

        PageRefusals(CitationMessages messages, JsonMapper json) {
            this.messages = messages;
            this.json = json;
        }

        @ExceptionHandler(RecordNotFoundException.class)
        ModelAndView notFound(HttpServletRequest request) {
            return refusal(HttpStatus.NOT_FOUND, request);
        }

        @ExceptionHandler(OptimisticLockingFailureException.class)
        ModelAndView conflict(HttpServletRequest request) {
            return refusal(HttpStatus.CONFLICT, request);
        }

        /** A {@code Content-Type} that is no media type at all, read by a page controller's argument resolver. */
        @ExceptionHandler({org.springframework.http.InvalidMediaTypeException.class,
                org.springframework.util.InvalidMimeTypeException.class})
        ModelAndView invalidMediaType(HttpServletRequest request) {
            return refusal(HttpStatus.BAD_REQUEST, request);
        }

        @ExceptionHandler(InvalidInputException.class)
        ModelAndView invalid(InvalidInputException e, HttpServletRequest request) {
            log.debug("page input refused: {}", e.getMessage());
            return refusal(HttpStatus.BAD_REQUEST, request);
        }

        /**
         * The page for a status, or, for a plain {@code @Controller} under {@code /api/**} (a file export, which
         * {@link ApiProblems} does not advise), the problem that every API refusal is.
         */
        private ModelAndView refusal(HttpStatus status, HttpServletRequest request) {
            String path = request.getRequestURI();
            if (path != null && path.startsWith(request.getContextPath() + "/api/")) {
                ModelAndView problem = new ModelAndView(problem(messages, json, status.value(), path, apiLocale(request)));
                problem.setStatus(status);
                return problem;
            }
            return page(status);
        }

        @ExceptionHandler(RuleViolationException.class)
        ModelAndView violation(RuleViolationException e, Locale locale) {
            ModelAndView page = page(HttpStatus.UNPROCESSABLE_CONTENT);
            page.addObject("violations", e.violations().stream().map(v -> messages.view(v, locale)).toList());
            return page;
        }

    }
    /**
     * A multipart body that the container cannot read (over the limits of 50 MB a file and 60 MB a request,
     * or no valid multipart at all) is refused here, before any other filter asks for a parameter: Tomcat 11
     * throws from {@code getParameter} once parsing the parts failed, so the first filter that asks (the CSRF
     * check of the pages, ...) would end the request in Tomcat's own error report. The request goes to
     * {@code /error} without its unreadable body: {@code 413} ({@code 400} when the body is no multipart at all)
     * as a problem naming the field {@code file} under {@code /api/**}, the readable error page elsewhere.
     */
    @org.springframework.stereotype.Component
    // after the character encoding (HIGHEST_PRECEDENCE) and before the first filter that reads a parameter
    // (NulParameterFilter, HIGHEST_PRECEDENCE + 10); the security headers filter runs on the forward as well
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    static class UnreadableUploads extends org.springframework.web.filter.OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, IOException {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                chain.doFilter(request, response);
                return;
            }
            try {
                request.getParts();
            }
            catch (RuntimeException | IOException | jakarta.servlet.ServletException e) {
                int status = tooLarge(e) ? 413 : 400;
                log.info("multipart body refused ({}): {}", status, e.getClass().getSimpleName());
                request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
                request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
                response.setStatus(status);
                request.getRequestDispatcher("/error").forward(new Bodyless(request), response);
                return;
            }
            chain.doFilter(request, response);
        }

        private static boolean tooLarge(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                String name = cause.getClass().getSimpleName();
                String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                if (name.contains("SizeLimitExceeded") || name.contains("SizeException")
                        || message.contains("exceed") && message.contains("size")) {
                    return true;
                }
            }
            return false;
        }

        /** The request without the body that could not be read: no content type, no parameters, no parts. */
        private static final class Bodyless extends jakarta.servlet.http.HttpServletRequestWrapper {

            Bodyless(HttpServletRequest request) {
                super(request);
            }

            @Override
            public String getContentType() {
                return null;
            }

            @Override
            public String getHeader(String name) {
                return "Content-Type".equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public String getParameter(String name) {
                return null;
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return Map.of();
            }

            @Override
            public java.util.Enumeration<String> getParameterNames() {
                return java.util.Collections.emptyEnumeration();
            }

            @Override
            public String[] getParameterValues(String name) {
                return null;
            }

            @Override
            public java.util.Collection<jakarta.servlet.http.Part> getParts() {
                return List.of();
            }

            @Override
            public jakarta.servlet.http.Part getPart(String name) {
                return null;
            }
        }
    }
}
