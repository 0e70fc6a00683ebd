package cn.jl.govit.notification;

import java.time.LocalDate;
import java.util.List;

import cn.jl.govit.organization.CurrentUser;

/**
 * A module's contribution to the to-do list: what is due for the user, or awaits the user's decision, read from
 * the module's own records today. Implemented by the modules that own those records (as a Spring bean in their
 * {@code internal} package), because the notification module must not depend on them: they depend on it to
 * notify.
 * <p>
 * Called as the user (the signed-in user, or the digest job running as the user), so that the module's own scope
 * rules apply; answers an empty list for a user the module has nothing for.
 */
public interface TodoSource {

    List<TodoItem> itemsFor(CurrentUser user, LocalDate today);
}
