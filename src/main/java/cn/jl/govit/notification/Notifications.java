package cn.jl.govit.notification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.NotificationEvents.NotificationsCreated;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.UserAccount;
import cn.jl.govit.organization.UserAccounts;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.RecordNotFoundException;

/**
 * Tells users what they are asked to do. A sending module calls {@link #notifyMembers} or {@link #notifyUser}
 * in its own transaction, so that a notice exists exactly when the fact that caused it committed; the mail
 * follows after the commit ({@link NotificationsCreated}). Each user reads and dismisses only their own
 * notifications: another user's id answers {@code 404}.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(JdbcClient jdbc, UserAccounts accounts, CurrentUsers users, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Notifies every enabled user of the organisation who holds the role (all staff of a department, the
     * approvers of an authority).
     *
     * @return the notifications stored; a recipient who had one with the same deduplication key gets none
     */
    @Transactional
    public List<Notification> notifyMembers(String organizationCode, Role role, Notice notice) {
        return deliver(accounts.members(organizationCode, role).stream().map(UserAccount::username).toList(), notice);
    }

    /** Notifies one named user (an enabled account); the same deduplication rule applies. */
    @Transactional
    public List<Notification> notifyUser(String username, Notice notice) {
        return deliver(accounts.find(username).filter(UserAccount::enabled).map(UserAccount::username).stream().toList(),
                notice);
    }

    private List<Notification> deliver(Collection<String> recipients, Notice notice) {
        List<UUID> stored = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (String recipient : new LinkedHashSet<>(recipients)) {
            UUID id = UUID.randomUUID();
            int rows = jdbc.sql("""
                    INSERT INTO notification (id, recipient, message_key, args, link, project_id, dedup_key, created_at)
                    VALUES (:id, :recipient, :key, :args, :link, :project, :dedup, :now)
                    ON CONFLICT (recipient, dedup_key) DO NOTHING""")
                    .param("id", id).param("recipient", recipient).param("key", notice.messageKey())
                    .param("args", notice.args().toArray(String[]::new)).param("link", notice.link())
                    .param("project", notice.projectId()).param("dedup", notice.dedupKey()).param("now", now)
                    .update();
            if (rows == 1) {
                stored.add(id);
            }
        }
        if (stored.isEmpty()) {
            return List.of();
        }
        audit.record("NOTIFICATION_SENT", "Notification", stored.get(0).toString(), notice.projectId(),
                notice.messageKey() + " to " + stored.size() + " user(s)"
                        + (notice.dedupKey() == null ? "" : " [" + notice.dedupKey() + "]"));
        events.publishEvent(new NotificationsCreated(stored));
        return stored.stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** The signed-in user's notifications, unread first, newest first within each. */
    @Transactional(readOnly = true)
    public PageOf<Notification> mine(boolean unreadOnly, int page, int size) {
        String me = users.current().username();
        List<Notification> content = jdbc.sql("""
                SELECT * FROM notification WHERE recipient = :me AND (NOT :unread OR read_at IS NULL)
                ORDER BY (read_at IS NULL) DESC, created_at DESC, id LIMIT :size OFFSET :offset""")
                .param("me", me).param("unread", unreadOnly).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> row(rs)).list();
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE recipient = :me AND (NOT :unread OR read_at IS NULL)")
                .param("me", me).param("unread", unreadOnly).query(Long.class).single();
        return new PageOf<>(content, page, size, total);
    }

    /** How many notifications the signed-in user has not read; 0 when nobody is signed in. */
    @Transactional(readOnly = true)
    public long unreadCount() {
        return users.find().map(u -> jdbc.sql("SELECT count(*) FROM notification WHERE recipient = :me AND read_at IS NULL")
                .param("me", u.username()).query(Long.class).single()).orElse(0L);
    }

    /** One of the signed-in user's notifications; another user's answers {@code 404}. */
    @Transactional(readOnly = true)
    public Notification mine(UUID id) {
        String me = users.current().username();
        return find(id).filter(n -> n.recipient().equals(me))
                .orElseThrow(() -> new RecordNotFoundException("Notification", id));
    }

    /** Marks one of the signed-in user's notifications read (again is a no-op); another user's is {@code 404}. */
    @Transactional
    public Notification markRead(UUID id) {
        Notification notification = mine(id);
        if (!notification.unread()) {
            return notification;
        }
        jdbc.sql("UPDATE notification SET read_at = :now WHERE id = :id AND read_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record("NOTIFICATION_READ", "Notification", id.toString(), notification.projectId(),
                notification.messageKey());
        return find(id).orElseThrow();
    }

    /** Marks every unread notification of the signed-in user read; answers how many. */
    @Transactional
    public int markAllRead() {
        String me = users.current().username();
        int rows = jdbc.sql("UPDATE notification SET read_at = :now WHERE recipient = :me AND read_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("me", me).update();
        if (rows > 0) {
            audit.record("NOTIFICATION_READ", "Notification", me, null, rows + " notification(s) marked read");
        }
        return rows;
    }

    /** How the user wants notifications mailed; {@link MailPreference#DEFAULT} until the user chose. */
    @Transactional(readOnly = true)
    public MailPreference preference(String username) {
        return jdbc.sql("SELECT mail FROM notification_preference WHERE username = :u").param("u", username)
                .query(String.class).optional().map(MailPreference::valueOf).orElse(MailPreference.DEFAULT);
    }

    /** The signed-in user's mail preference. */
    @Transactional(readOnly = true)
    public MailPreference myPreference() {
        return preference(users.current().username());
    }

    /** The signed-in user chooses how notifications reach them by e-mail (audited when it changes). */
    @Transactional
    public MailPreference choosePreference(MailPreference preference) {
        if (preference == null) {
            throw new InvalidInputException("mail", "problem.field.required");
        }
        String me = users.current().username();
        MailPreference before = preference(me);
        jdbc.sql("""
                INSERT INTO notification_preference (username, mail, updated_at) VALUES (:u, :mail, :now)
                ON CONFLICT (username) DO UPDATE SET mail = EXCLUDED.mail, updated_at = EXCLUDED.updated_at""")
                .param("u", me).param("mail", preference.name()).param("now", Timestamp.from(clock.instant())).update();
        if (before != preference) {
            audit.record("NOTIFICATION_PREFERENCE_CHANGED", "NotificationPreference", me, null, before + " -> " + preference);
        }
        return preference;
    }

    /**
     * The user's unread notifications created after {@code after} and up to {@code until} inclusive, newest first,
     * at most {@code limit}: for the daily digest; {@code after} {@code null} means from the beginning.
     */
    @Transactional(readOnly = true)
    public PageOf<Notification> unreadBetween(String username, java.time.Instant after, java.time.Instant until, int limit) {
        String where = "WHERE recipient = :me AND read_at IS NULL AND created_at <= :until"
                + (after == null ? "" : " AND created_at > :after");
        var query = jdbc.sql("SELECT * FROM notification " + where + " ORDER BY created_at DESC, id LIMIT :limit")
                .param("me", username).param("until", Timestamp.from(until)).param("limit", limit);
        var count = jdbc.sql("SELECT count(*) FROM notification " + where)
                .param("me", username).param("until", Timestamp.from(until));
        if (after != null) {
            query = query.param("after", Timestamp.from(after));
            count = count.param("after", Timestamp.from(after));
        }
        return new PageOf<>(query.query((rs, n) -> row(rs)).list(), 0, limit, count.query(Long.class).single());
    }

    /** One notification, without a recipient check: for the mailer. */
    @Transactional(readOnly = true)
    public Optional<Notification> find(UUID id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    private static Notification row(ResultSet rs) throws SQLException {
        Array args = rs.getArray("args");
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("message_key"),
                args == null ? List.of() : List.of((String[]) args.getArray()), rs.getString("link"),
                rs.getObject("project_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
