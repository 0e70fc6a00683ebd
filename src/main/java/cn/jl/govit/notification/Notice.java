package cn.jl.govit.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a module asks users to do: a message key of the sender's bundle with its arguments (rendered in each
 * reader's language), the page where the action is taken, the project concerned, and a deduplication key.
 *
 * @param link a path of this application ({@code /projects/…/obligations}), or {@code null}
 * @param projectId the project concerned, or {@code null}
 * @param dedupKey the same key never reaches the same recipient twice ({@code obligation-overdue:<id>});
 *        {@code null} for a notice that may repeat
 */
public record Notice(String messageKey, List<String> args, String link, UUID projectId, String dedupKey) {

    public Notice {
        Objects.requireNonNull(messageKey, "messageKey");
        args = args == null ? List.of() : List.copyOf(args);
        // the to-do list redirects to the link: only a path of this application, never another host ("//host")
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.contains("\\"))) {
            throw new IllegalArgumentException("a notice links to a path of this application");
        }
    }

    public static Notice of(String messageKey, String link, UUID projectId, String dedupKey, String... args) {
        return new Notice(messageKey, Arrays.asList(args), link, projectId, dedupKey);
    }
}
