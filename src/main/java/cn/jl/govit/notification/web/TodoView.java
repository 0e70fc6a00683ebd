package cn.jl.govit.notification.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.jl.govit.notification.TodoItem;
import cn.jl.govit.notification.internal.NotificationTexts;

/** A to-do item as its reader sees it: the text in the reader's language, plus its kind, due date and link. */
@Schema(name = "TodoItem")
record TodoView(TodoItem.Kind kind, String text, String messageKey, java.util.List<String> args, String link,
        UUID projectId, LocalDate dueDate) {

    static TodoView of(TodoItem item, NotificationTexts texts, Locale locale) {
        return new TodoView(item.kind(), texts.text(item, locale), item.messageKey(), item.args(), item.link(),
                item.projectId(), item.dueDate());
    }
}
