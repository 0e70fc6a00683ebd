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

        PageRefusals(CitationMessages messages) {
            this.messages = messages;
        }

        @ExceptionHandler(RecordNotFoundException.class)
        ModelAndView notFound() {
            return page(HttpStatus.NOT_FOUND);
        }

        @ExceptionHandler(OptimisticLockingFailureException.class)
        ModelAndView conflict() {
            return page(HttpStatus.CONFLICT);
        }

        @ExceptionHandler(InvalidInputException.class)
        ModelAndView invalid(InvalidInputException e) {
            log.debug("page input refused: {}", e.getMessage());
            return page(HttpStatus.BAD_REQUEST);
        }

        @ExceptionHandler(RuleViolationException.class)
        ModelAndView violation(RuleViolationException e, Locale locale) {
            ModelAndView page = page(HttpStatus.UNPROCESSABLE_CONTENT);
            page.addObject("violations", e.violations().stream().map(v -> messages.view(v, locale)).toList());
            return page;
        }

    }
}
