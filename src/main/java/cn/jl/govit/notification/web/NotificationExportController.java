package cn.jl.govit.notification.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notification;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.notification.TodoList;
import cn.jl.govit.notification.internal.NotificationTexts;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The signed-in user's notifications as an Excel workbook, in the list's order (unread first, newest first),
 * every row up to {@code govit.export.max-rows}, texts and headers in the caller's language; the export is
 * audited. Only the caller's own notifications: there is no other scope.
 */
@Controller
@Tag(name = "notifications")
class NotificationExportController {

    private static final List<String> HEADERS = List.of("status", "text", "received", "read-at", "link");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Notifications notifications;
    private final TodoList todoList;
    private final NotificationTexts texts;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    NotificationExportController(Notifications notifications, TodoList todoList, NotificationTexts texts,
            CurrentUsers users, MessageSource messages, AuditLog audit, ListExports exports,
            @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.notifications = notifications;
        this.todoList = todoList;
        this.texts = texts;
        this.users = users;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/me/notifications/export.xlsx", "/notifications/export.xlsx"})
    @Operation(summary = "The caller's notifications as .xlsx, unread first (all rows, texts and headers in the caller's language)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) String lang, Locale resolved) {
        Locale locale = SpreadsheetExport.language(lang, resolved);
        String me = users.current().username();
        byte[] bytes = exports.export(() -> {
            List<Notification> all = SpreadsheetExport.allPages(page -> notifications.mine(false, page, Paging.MAX_SIZE), maxRows);
            List<List<?>> rows = all.stream().<List<?>>map(n -> Arrays.asList(
                    label(n.unread() ? "notification.unread" : "notification.read", locale), texts.text(n, locale),
                    TIME.format(n.createdAt().atZone(ZONE)), n.readAt() == null ? null : TIME.format(n.readAt().atZone(ZONE)),
                    n.link()))
                    .toList();
            audit.record("EXPORTED", "NotificationList", me, null, "notification list rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("notification.export.sheet", locale),
                    HEADERS.stream().map(h -> label("notification.export.col." + h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("notifications-" + todoList.today() + ".xlsx", bytes);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
