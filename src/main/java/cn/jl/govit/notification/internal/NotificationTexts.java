package cn.jl.govit.notification.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.jl.govit.notification.Notification;
import cn.jl.govit.notification.TodoItem;

/**
 * Renders a notification in a reader's language. An argument written {@code #key} is itself a message key (an
 * enum label such as {@code #enum.ObligationType.PERFORMANCE_REPORT}), so that it too follows the reader.
 */
@Component
public class NotificationTexts {

    private final MessageSource messages;

    public NotificationTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Notification notification, Locale locale) {
        return text(notification.messageKey(), notification.args(), locale);
    }

    public String text(TodoItem item, Locale locale) {
        return text(item.messageKey(), item.args(), locale);
    }

    private String text(String key, List<String> arguments, Locale locale) {
        Object[] args = arguments.stream()
                .map(a -> a.startsWith("#") && a.length() > 1 ? messages.getMessage(a.substring(1), null, a, locale) : a)
                .toArray();
        return messages.getMessage(key, args, key, locale);
    }
}
