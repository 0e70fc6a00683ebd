package cn.jl.govit.notification.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.notification.Notifications;
import cn.jl.govit.notification.internal.NotificationTexts;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;

@RestController
@RequestMapping("/api/v1/me/notifications")
@Tag(name = "notifications", description = "待办提醒 The signed-in user's notifications")
class NotificationApiController {

    private final Notifications notifications;
    private final NotificationTexts texts;

    NotificationApiController(Notifications notifications, NotificationTexts texts) {
        this.notifications = notifications;
        this.texts = texts;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, unread first, newest first (paged); unreadOnly filters")
    PageOf<NotificationView> mine(@RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Locale locale) {
        Paging paging = Paging.of(page, size);
        return notifications.mine(unreadOnly, paging.page(), paging.size()).map(n -> NotificationView.of(n, texts, locale));
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unreadCount());
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Marks one of the caller's notifications read (another user's id answers 404)")
    NotificationView read(@PathVariable UUID id, Locale locale) {
        return NotificationView.of(notifications.markRead(id), texts, locale);
    }

    @PostMapping("/read")
    @Operation(summary = "Marks all of the caller's notifications read; answers how many were unread")
    Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead());
    }
}
