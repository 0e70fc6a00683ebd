package cn.jl.govit.rulebook;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Resolves what a rule says into the reader's language; the article is cited in every message. */
@Component
public class CitationMessages {

    private final MessageSource messages;

    CitationMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String message(Citation citation, Locale locale) {
        String text = messages.getMessage(citation.messageKey(), MessageKey.arguments(citation.args()), citation.messageKey(), locale);
        String cite = messages.getMessage("rule.cite", new Object[] {citation.article(), Articles.number(citation.rule())},
                "（{0}）", locale);
        return text + cite;
    }

    public String summary(RuleDefinition rule, Locale locale) {
        return messages.getMessage(rule.summaryKey(), null, rule.summaryKey(), locale);
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, MessageKey.arguments(java.util.List.of(args)), key, locale);
    }

    /** A citation as the API and the pages show it. */
    public CitationView view(Citation citation, Locale locale) {
        String item = citation instanceof Violation v ? v.item() : null;
        return new CitationView(citation.rule(), citation.article(), item, message(citation, locale));
    }

    /**
     * Serializable because a page may carry it across a redirect as a flash attribute, which lives in the session,
     * and sessions are stored in the database (issue 7.11).
     */
    public record CitationView(String rule, String article, String item, String message) implements java.io.Serializable {
    }
}
