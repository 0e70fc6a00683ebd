package cn.jl.govit.notification.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jl.govit.notification.Notification;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.notification.internal.NotificationTexts;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;

/** The to-do list: the signed-in user's notifications, unread first; opening one marks it read. */
@Controller
class NotificationPagesController {

    private static final int PAGE_SIZE = 20;

    private final Notifications notifications;
    private final NotificationTexts texts;

    NotificationPagesController(Notifications notifications, NotificationTexts texts) {
        this.notifications = notifications;
        this.texts = texts;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Paging paging = Paging.of(page, PAGE_SIZE);
        PageOf<NotificationView> list = notifications.mine(false, paging.page(), paging.size())
                .map(n -> NotificationView.of(n, texts, locale));
        model.addAttribute("list", list);
        model.addAttribute("firstShown", list.totalElements() == 0 ? 0 : (long) list.page() * list.size() + 1);
        model.addAttribute("lastShown", (long) list.page() * list.size() + list.content().size());
        return "notification/list";
    }

    /** Marks the notification read and goes to its action (or back to the list when it has none). */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable String id) {
        Notification read = notifications.markRead(RecordNotFoundException.idOf("Notification", id));
        return "redirect:" + (read.link() == null ? "/notifications" : read.link());
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable String id, @RequestParam(defaultValue = "0") int page) {
        notifications.markRead(RecordNotFoundException.idOf("Notification", id));
        return "redirect:/notifications?page=" + Math.max(0, page);
    }

    @PostMapping("/notifications/read")
    String readAll() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }
}
