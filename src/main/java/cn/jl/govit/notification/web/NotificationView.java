package cn.jl.govit.notification.web;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.jl.govit.notification.Notification;
import cn.jl.govit.notification.internal.NotificationTexts;

/**
 * A notification as its reader sees it: the text rendered in the reader's language, plus its key and arguments.
 */
@Schema(name = "Notification")
record NotificationView(UUID id, String text, String messageKey, java.util.List<String> args, String link,
        UUID projectId, OffsetDateTime createdAt, OffsetDateTime readAt, boolean unread) {

    static NotificationView of(Notification n, NotificationTexts texts, Locale locale) {
        return new NotificationView(n.id(), texts.text(n, locale), n.messageKey(), n.args(), n.link(), n.projectId(),
                n.createdAt().atZone(ZONE).toOffsetDateTime(),
                n.readAt() == null ? null : n.readAt().atZone(ZONE).toOffsetDateTime(), n.unread());
    }

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");
}
