package cn.jl.govit.notification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import cn.jl.govit.notification.Notification;
import cn.jl.govit.notification.TodoItem;

/**
 * Writes a user's daily digest (每日待办摘要): the to-do list of the day (overdue, due soon, awaiting the user's
 * decision) and the notifications still unread since the last digest, in the reader's language, as plain text
 * and as a simple HTML part, each entry with the absolute link to its action. A digest with nothing in it is not
 * written: nobody wants a mail that says nothing.
 * <p>
 * It carries only what the to-do page shows (texts of notices and to-do items, project codes and names, dates);
 * no account data beyond the greeting's display name.
 */
public class DigestComposer {

    /** What one digest says; {@code notifications} and {@code todoItems} count what it lists. */
    public record Digest(String subject, String text, String html, int notifications, int todoItems) {
    }

    private final MessageSource messages;
    private final NotificationTexts texts;
    private final String baseUrl;

    public DigestComposer(MessageSource messages, String baseUrl) {
        this.messages = messages;
        this.texts = new NotificationTexts(messages);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * @param unread the unread notifications to list (newest first, already limited)
     * @param unreadTotal how many unread notifications the period has, of which {@code unread} are listed
     * @param todo the user's to-do list of the day, in its order
     * @return the digest, or empty when there is nothing to tell
     */
    public Optional<Digest> compose(String displayName, Locale locale, LocalDate day, List<Notification> unread,
            long unreadTotal, List<TodoItem> todo) {
        if (unread.isEmpty() && todo.isEmpty()) {
            return Optional.empty();
        }
        List<Section> sections = new ArrayList<>();
        for (TodoItem.Kind kind : TodoItem.Kind.values()) {
            List<Entry> entries = todo.stream().filter(i -> i.kind() == kind)
                    .map(i -> new Entry(texts.text(i, locale), absolute(i.link()))).toList();
            if (!entries.isEmpty()) {
                sections.add(new Section(message("notification.digest.section." + kind.name(), locale), entries));
            }
        }
        if (!unread.isEmpty()) {
            sections.add(new Section(message("notification.digest.section.UNREAD", locale),
                    unread.stream().map(n -> new Entry(texts.text(n, locale), absolute(n.link()))).toList()));
        }
        long more = Math.max(0, unreadTotal - unread.size());
        String subject = message("notification.digest.subject", locale, day.toString(), unreadTotal, todo.size());
        String greeting = message("notification.digest.greeting", locale, displayName);
        String intro = message("notification.digest.intro", locale, day.toString());
        String moreText = more == 0 ? null : message("notification.digest.more", locale, more);
        String listUrl = baseUrl + "/notifications";
        String openList = message("notification.digest.open-list", locale);
        String footer = message("notification.digest.footer", locale);

        StringBuilder text = new StringBuilder(greeting).append("\n\n").append(intro).append("\n");
        StringBuilder html = new StringBuilder("<html><body style=\"font-family: sans-serif; font-size: 14px\">")
                .append("<p>").append(esc(greeting)).append("</p><p>").append(esc(intro)).append("</p>");
        for (Section section : sections) {
            text.append("\n").append(section.title()).append("\n");
            html.append("<h3 style=\"font-size: 15px\">").append(esc(section.title())).append("</h3><ul>");
            for (Entry entry : section.entries()) {
                text.append("- ").append(entry.text()).append("\n");
                html.append("<li>").append(esc(entry.text()));
                if (entry.url() != null) {
                    text.append("  ").append(entry.url()).append("\n");
                    html.append(" <a href=\"").append(esc(entry.url())).append("\">")
                            .append(esc(message("notification.open", locale))).append("</a>");
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
        if (moreText != null) {
            text.append("\n").append(moreText).append("\n");
            html.append("<p>").append(esc(moreText)).append("</p>");
        }
        text.append("\n").append(openList).append(": ").append(listUrl).append("\n\n").append(footer).append("\n");
        html.append("<p><a href=\"").append(esc(listUrl)).append("\">").append(esc(openList)).append("</a></p>")
                .append("<p style=\"color: #6c757d; font-size: 12px\">").append(esc(footer)).append("</p></body></html>");
        return Optional.of(new Digest(subject, text.toString(), html.toString(), unread.size(), todo.size()));
    }

    private String absolute(String link) {
        return link == null ? null : baseUrl + link;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

    private record Entry(String text, String url) {
    }

    private record Section(String title, List<Entry> entries) {
    }
}
