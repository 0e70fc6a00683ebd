package cn.jl.govit.notification.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.jl.govit.notification.Notification;

/**
 * Renders a notification in a reader's language. An argument written {@code #key} is itself a message key (an
 * enum label such as {@code #enum.ObligationType.PERFORMANCE_REPORT}), so that it too follows the reader.
 */
@Component
public class NotificationTexts {

    private final MessageSource messages;

    NotificationTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(Notification notification, Locale locale) {
        Object[] args = notification.args().stream()
                .map(a -> a.startsWith("#") && a.length() > 1 ? messages.getMessage(a.substring(1), null, a, locale) : a)
                .toArray();
        return messages.getMessage(notification.messageKey(), args, notification.messageKey(), locale);
    }
}
