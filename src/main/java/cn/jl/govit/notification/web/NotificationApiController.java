package cn.jl.govit.notification.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.notification.MailPreference;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.notification.TodoList;
import cn.jl.govit.notification.internal.NotificationTexts;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;

@RestController
@RequestMapping("/api/v1/me/notifications")
@Tag(name = "notifications", description = "待办提醒 The signed-in user's notifications")
class NotificationApiController {

    private final Notifications notifications;
    private final NotificationTexts texts;

    private final TodoList todoList;
    private final RequestValidator validator;

    NotificationApiController(Notifications notifications, NotificationTexts texts, TodoList todoList,
            RequestValidator validator) {
        this.notifications = notifications;
        this.texts = texts;
        this.todoList = todoList;
        this.validator = validator;
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

    @GetMapping("/todo")
    @Operation(summary = "The caller's to-do list today across modules: overdue and due obligations, projects awaiting "
            + "the caller's approval decision (a small fixed list, not paged)")
    List<TodoView> todo(Locale locale) {
        return todoList.mine().stream().map(i -> TodoView.of(i, texts, locale)).toList();
    }

    @GetMapping("/preference")
    @Operation(summary = "How the caller wants notifications by e-mail: EACH, DIGEST (daily, the default) or NONE")
    Preference preference() {
        return new Preference(notifications.myPreference());
    }

    @PutMapping("/preference")
    @Operation(summary = "The caller chooses how notifications reach them by e-mail: EACH, DIGEST or NONE")
    Preference choosePreference(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = Preference.class))) JsonBody<Preference> body) {
        return new Preference(notifications.choosePreference(validator.valid(body).mail()));
    }

    /** The caller's choice of notification mail. */
    @Schema(name = "NotificationMailPreference")
    record Preference(@NotNull @Schema(description = "EACH: a mail per notification; DIGEST: one a day; NONE: no mail")
            MailPreference mail) {
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
