package cn.jl.govit.rulebook;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What a page shows when the action of one of its forms is refused, read the same way as the API's problem+json:
 * field errors ({@code 400}, model attribute {@code errors}), the rules of the measures that block it ({@code 422},
 * {@code violations}, each citing its article) or a stale version ({@code 409}, {@code conflict}).
 */
@Component
public class FormRefusals {

    private final CitationMessages citations;
    private final MessageSource messages;

    FormRefusals(CitationMessages citations, MessageSource messages) {
        this.citations = citations;
        this.messages = messages;
    }

    /**
     * Runs the action; answers {@code true} when it succeeded, else puts the refusal into the model, sets the
     * response status and answers {@code false}.
     *
     * @param fieldMessage makes the page's own field message (field, message) — pages differ in their label keys
     */
    public <F> boolean attempt(Model model, Locale locale, HttpServletResponse response,
            BiFunction<String, String, F> fieldMessage, Supplier<?> action) {
        try {
            action.get();
            return true;
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors().stream()
                    .map(f -> fieldMessage.apply(f.field(), citations.text(f.messageKey(), locale, f.args().toArray())))
                    .toList());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (RequestValidator.InvalidRequestException e) {
            model.addAttribute("errors", e.result().getFieldErrors().stream()
                    .map(f -> fieldMessage.apply(f.getField(), messages.getMessage(f, locale)))
                    .toList());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return false;
    }
}
