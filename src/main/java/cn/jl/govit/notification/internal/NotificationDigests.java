package cn.jl.govit.notification.internal;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.MailPreference;
import cn.jl.govit.notification.Notification;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.notification.TodoList;
import cn.jl.govit.notification.internal.DigestComposer.Digest;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.organization.UserAccount;
import cn.jl.govit.organization.UserAccounts;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;

/**
 * Sends the daily digest (每日待办摘要) to every enabled user who chose it ({@link MailPreference#DIGEST}, the
 * default) and has an e-mail address, when the platform has an SMTP server ({@code spring.mail.host}).
 * <p>
 * Exactly once per user and day, even with two nodes, a second run or a retry: a run first claims the user's
 * day in {@code notification_digest} ({@code INSERT … ON CONFLICT DO NOTHING}) and composes the digest in that
 * transaction; a concurrent run blocks on the row until the first commits, then finds the day taken and
 * leaves it. The mail goes out only after the claim committed, so a rolled-back claim never mails, and its
 * outcome is recorded in a second transaction: {@code SENT}, or {@code FAILED} with the reason, which the next
 * run of the day claims again (and counts the attempt). A failure of one user's digest is recorded and logged
 * (never the address or the text), never thrown: the others still go out. Should a node stop between claim and
 * send, the day stays {@code CLAIMED}; nothing is lost, as the next digest lists every notification unread since
 * the last one {@code SENT}.
 * <p>
 * The platform keeps no language preference per account, so digests are written in Simplified Chinese, the
 * platform's first language.
 */
public class NotificationDigests {

    private static final Logger log = LoggerFactory.getLogger(NotificationDigests.class);

    /** the language of a digest: accounts carry no language preference */
    static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    /** at most this many unread notifications are listed; the digest says how many more there are */
    static final int MAX_LISTED = 50;

    /** What a run did for one user. */
    public enum Outcome {
        /** mailed */
        SENT,
        /** the mail failed; recorded, and retried by the next run of the day */
        FAILED,
        /** nothing to tell; nothing mailed */
        EMPTY,
        /** the day was taken already (sent, empty, or being sent by another run) */
        SKIPPED
    }

    private final ObjectProvider<JavaMailSender> senders;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final UserAccounts accounts;
    private final Notifications notifications;
    private final TodoList todo;
    private final RunAs runAs;
    private final CurrentUsers users;
    private final DigestComposer composer;
    private final NotificationProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final String node;

    public NotificationDigests(ObjectProvider<JavaMailSender> senders, JdbcClient jdbc,
            PlatformTransactionManager transactions, UserAccounts accounts, Notifications notifications,
            TodoList todo, RunAs runAs, CurrentUsers users, MessageSource messages, NotificationProperties properties,
            AuditLog audit, Clock clock) {
        this.senders = senders;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.accounts = accounts;
        this.notifications = notifications;
        this.todo = todo;
        this.runAs = runAs;
        this.users = users;
        this.composer = new DigestComposer(messages, properties.baseUrl());
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.node = ManagementFactory.getRuntimeMXBean().getName();
    }

    /**
     * The digests of the day for every user who chose them; nothing at all (not even a claim) without an SMTP
     * server.
     *
     * @return how many users had each outcome
     */
    public Map<Outcome, Integer> run(LocalDate day) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return outcomes;
        }
        for (int page = 0;; page++) {
            List<UserAccount> batch = accounts.page("", page, Paging.MAX_SIZE);
            for (UserAccount account : batch) {
                if (!account.enabled() || account.email() == null || account.email().isBlank()
                        || notifications.preference(account.username()) != MailPreference.DIGEST) {
                    continue;
                }
                Outcome outcome;
                try {
                    outcome = digest(sender, account, day);
                }
                catch (RuntimeException e) {
                    // composing failed and the claim rolled back: the next run tries again
                    log.warn("digest of {} for a user could not be composed: {}", day, e.getClass().getSimpleName());
                    outcome = Outcome.FAILED;
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
            if (batch.size() < Paging.MAX_SIZE) {
                return outcomes;
            }
        }
    }

    private Outcome digest(JavaMailSender sender, UserAccount account, LocalDate day) {
        String username = account.username();
        Optional<Digest> composed = tx.execute(status -> {
            Instant now = clock.instant();
            int claimed = jdbc.sql("""
                    INSERT INTO notification_digest (username, digest_date, status, node, claimed_at, covered_until)
                    VALUES (:u, :day, 'CLAIMED', :node, :now, :now) ON CONFLICT (username, digest_date) DO NOTHING""")
                    .param("u", username).param("day", day).param("node", node).param("now", Timestamp.from(now))
                    .update();
            if (claimed == 0) {
                claimed = jdbc.sql("""
                        UPDATE notification_digest SET status = 'CLAIMED', node = :node, claimed_at = :now,
                               covered_until = :now, attempts = attempts + 1, failure = NULL
                        WHERE username = :u AND digest_date = :day AND status = 'FAILED'""")
                        .param("u", username).param("day", day).param("node", node).param("now", Timestamp.from(now))
                        .update();
            }
            if (claimed == 0) {
                return null;
            }
            Instant after = jdbc.sql("SELECT max(covered_until) FROM notification_digest WHERE username = :u AND status = 'SENT'")
                    .param("u", username).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
            Optional<Digest> digest = runAs.call(username, () -> {
                PageOf<Notification> unread = notifications.unreadBetween(username, after, now, MAX_LISTED);
                return composer.compose(account.displayName(), LANGUAGE, day, unread.content(), unread.totalElements(),
                        todo.of(users.current(), day));
            });
            jdbc.sql("""
                    UPDATE notification_digest SET status = :status, notifications = :n, todo_items = :t
                    WHERE username = :u AND digest_date = :day""")
                    .param("status", digest.isPresent() ? "CLAIMED" : "EMPTY")
                    .param("n", digest.map(Digest::notifications).orElse(0))
                    .param("t", digest.map(Digest::todoItems).orElse(0))
                    .param("u", username).param("day", day).update();
            return digest;
        });
        if (composed == null) {
            return Outcome.SKIPPED;
        }
        if (composed.isEmpty()) {
            return Outcome.EMPTY;
        }
        String failure = null;
        try {
            sender.send(message(sender, composed.get(), account.email()));
        }
        catch (RuntimeException | MessagingException e) { // MailException and any failure of the SMTP conversation
            failure = reason(e);
            log.warn("digest of {} for a user could not be mailed: {}", day, e.getClass().getSimpleName());
        }
        String reason = failure;
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    UPDATE notification_digest SET status = :status, sent_at = :sent, failure = :failure
                    WHERE username = :u AND digest_date = :day""")
                    .param("status", reason == null ? "SENT" : "FAILED")
                    .param("sent", reason == null ? Timestamp.from(clock.instant()) : null)
                    .param("failure", reason).param("u", username).param("day", day).update();
            audit.record(reason == null ? "NOTIFICATION_DIGEST_SENT" : "NOTIFICATION_DIGEST_FAILED", "NotificationDigest",
                    username + ":" + day, null, reason == null
                            ? composed.get().notifications() + " notification(s), " + composed.get().todoItems() + " to-do item(s)"
                            : reason);
        });
        return reason == null ? Outcome.SENT : Outcome.FAILED;
    }

    private MimeMessage message(JavaMailSender sender, Digest digest, String address) throws MessagingException {
        MimeMessage mail = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mail, true, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(address);
        helper.setSubject(digest.subject());
        helper.setText(digest.text(), digest.html());
        return mail;
    }

    /** The kind of failure and the server's answer, short; the recipient's address is not repeated. */
    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + (root != e ? " / " + root.getClass().getSimpleName() : "")
                + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
