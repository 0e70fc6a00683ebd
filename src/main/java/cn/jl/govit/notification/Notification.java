package cn.jl.govit.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One notice as one user received it: unread until the user opens or dismisses it.
 *
 * @param args the message arguments, as text
 */
public record Notification(UUID id, String recipient, String messageKey, List<String> args, String link,
        UUID projectId, Instant createdAt, Instant readAt) {

    public Notification {
        args = List.copyOf(args);
    }

    public boolean unread() {
        return readAt == null;
    }
}
