package cn.jl.govit.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;

/**
 * The to-do list across modules: every {@link TodoSource}'s items for one user on one day, overdue first, then
 * what is due by date, then what awaits the user's decision. Shown on the to-do page and mailed in the daily
 * digest; the notifications themselves are the other half of that page.
 */
@Service
public class TodoList {

    private static final Logger log = LoggerFactory.getLogger(TodoList.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final Comparator<TodoItem> ORDER = Comparator.comparing(TodoItem::kind)
            .thenComparing(TodoItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TodoItem::messageKey);

    private final List<TodoSource> sources;
    private final CurrentUsers users;
    private final Clock clock;

    TodoList(List<TodoSource> sources, CurrentUsers users, Clock clock) {
        this.sources = List.copyOf(sources);
        this.users = users;
        this.clock = clock;
    }

    /** The signed-in user's to-do list today. */
    public List<TodoItem> mine() {
        return of(users.current(), today());
    }

    /**
     * The user's to-do list on the day; must run as that user. A source that fails is left out (and logged)
     * rather than taking the page or the digest down with it.
     */
    public List<TodoItem> of(CurrentUser user, LocalDate day) {
        List<TodoItem> items = new ArrayList<>();
        for (TodoSource source : sources) {
            try {
                items.addAll(source.itemsFor(user, day));
            }
            catch (RuntimeException e) {
                log.warn("to-do source {} failed for a user: {}", source.getClass().getSimpleName(), e.toString());
            }
        }
        items.sort(ORDER);
        return List.copyOf(items);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
