package cn.jl.govit.notification;

import java.util.List;
import java.util.UUID;

/** Events of the notification module. */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    /** Notifications were stored (those a deduplication key suppressed are not listed); the mailer sends them. */
    public record NotificationsCreated(List<UUID> notificationIds) {

        public NotificationsCreated {
            notificationIds = List.copyOf(notificationIds);
        }
    }
}
