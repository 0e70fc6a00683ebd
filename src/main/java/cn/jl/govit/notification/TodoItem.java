package cn.jl.govit.notification;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a user's to-do list as a module sees it today: a deadline past or coming, or a record awaiting
 * the user's decision. Like a {@link Notice} it is a message key of the sender's bundle with its arguments (an
 * argument {@code #key} is itself a message key), so that it renders in the reader's language.
 *
 * @param link a path of this application where the user acts
 * @param dueDate the deadline, {@code null} for a decision without one
 */
public record TodoItem(Kind kind, String messageKey, List<String> args, String link, UUID projectId, LocalDate dueDate) {

    /** What the user is asked: the order of the list. */
    public enum Kind {
        /** a deadline that has passed */
        OVERDUE,
        /** a deadline within the reminder horizon */
        DUE,
        /** a record awaiting the user's decision */
        DECISION
    }

    public TodoItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(messageKey, "messageKey");
        args = args == null ? List.of() : List.copyOf(args);
        // the page and the digest link to it: only a path of this application, as for a notice
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.contains("\\"))) {
            throw new IllegalArgumentException("a to-do item links to a path of this application");
        }
    }

    public static TodoItem of(Kind kind, String messageKey, String link, UUID projectId, LocalDate dueDate,
            String... args) {
        return new TodoItem(kind, messageKey, Arrays.asList(args), link, projectId, dueDate);
    }
}
