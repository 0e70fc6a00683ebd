package cn.jl.govit.notification.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.jl.govit.notification.Notifications;

/**
 * Puts the signed-in user's unread count into the model of every page, for the badge of the to-do link in the
 * navigation ({@code fragments/layout.html}). API calls skip the query: they render no page.
 */
@ControllerAdvice
class UnreadNotificationsAdvice {

    private final Notifications notifications;

    UnreadNotificationsAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        try {
            return notifications.unreadCount();
        }
        catch (RuntimeException e) {
            // the page must render even when the count cannot be read
            return null;
        }
    }
}
