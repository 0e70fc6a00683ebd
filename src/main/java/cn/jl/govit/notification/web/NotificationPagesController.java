package cn.jl.govit.notification.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.notification.Notification;
import cn.jl.govit.notification.MailPreference;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.notification.TodoList;
import cn.jl.govit.notification.internal.NotificationTexts;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;

/**
 * The to-do page: the signed-in user's to-do list across modules (overdue, due, awaiting a decision), then the
 * notifications, unread first (opening one marks it read), and the user's choice of notification mail.
 */
@Controller
class NotificationPagesController {

    private static final int PAGE_SIZE = 20;

    private final Notifications notifications;
    private final NotificationTexts texts;

    private final TodoList todoList;
    private final FormRefusals refusals;

    NotificationPagesController(Notifications notifications, NotificationTexts texts, TodoList todoList,
            FormRefusals refusals) {
        this.notifications = notifications;
        this.texts = texts;
        this.todoList = todoList;
        this.refusals = refusals;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Paging paging = Paging.of(page, PAGE_SIZE);
        PageOf<NotificationView> list = notifications.mine(false, paging.page(), paging.size())
                .map(n -> NotificationView.of(n, texts, locale));
        model.addAttribute("list", list);
        model.addAttribute("firstShown", list.totalElements() == 0 ? 0 : (long) list.page() * list.size() + 1);
        model.addAttribute("lastShown", (long) list.page() * list.size() + list.content().size());
        model.addAttribute("todo", todoList.mine().stream().map(i -> TodoView.of(i, texts, locale)).toList());
        model.addAttribute("preference", notifications.myPreference());
        model.addAttribute("preferences", MailPreference.values());
        return "notification/list";
    }

    /**
     * The user chooses how notifications reach them by e-mail. The choice is one of three radio buttons; any
     * other value (a forged form) answers {@code 400} with the page and its field error.
     */
    @PostMapping("/notifications/preference")
    String choosePreference(@RequestParam(required = false) String mail, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        boolean done = refusals.attempt(model, locale, response, FieldMessage::new, () -> {
            MailPreference preference;
            try {
                preference = mail == null || mail.isBlank() ? null : MailPreference.valueOf(mail);
            }
            catch (IllegalArgumentException e) {
                throw new InvalidInputException("mail", "problem.field.invalid");
            }
            return notifications.choosePreference(preference);
        });
        if (done) {
            redirect.addFlashAttribute("preferenceSaved", true);
            // back to the form, so that the confirmation shows below a long list
            return "redirect:/notifications#preference";
        }
        model.addAttribute("failed", "preference");
        return list(0, model, locale);
    }

    /** A field error of the preference form; its label key is {@code notification.field.<field>}. */
    record FieldMessage(String field, String message) {

        public String labelKey() {
            return "notification.field." + field;
        }
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
