package cn.jl.govit.notification.internal;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.notification.TodoList;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.organization.UserAccounts;

/**
 * Sends the daily digests at {@code govit.notification.digest.cron} (07:00 Asia/Shanghai by default; {@code -}
 * disables it). Every node fires; the claim of each user's day lets one of them mail it.
 * <p>
 * Why a schedule of its own rather than after the obligation module's {@code DailyScanCompleted}: listening to
 * that event would make this module depend on the obligation module, which depends on this one to notify (a
 * cycle); and the scan runs at night (01:30), while a digest is read at the start of the working day. By 07:00
 * the scan's overdue marks and reminders are in, and the to-do list reads obligations as of the day anyway.
 * Running the job again the same day (another cron time) only retries the digests that failed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationDigestScheduling {

    @Bean
    NotificationDigests notificationDigests(ObjectProvider<JavaMailSender> senders, JdbcClient jdbc,
            PlatformTransactionManager transactions, UserAccounts accounts, Notifications notifications, TodoList todo,
            RunAs runAs, CurrentUsers users, MessageSource messages, NotificationProperties properties, AuditLog audit,
            Clock clock) {
        return new NotificationDigests(senders, jdbc, transactions, accounts, notifications, todo, runAs, users, messages,
                properties, audit, clock);
    }

    @Bean
    DailyDigestJob dailyDigestJob(NotificationDigests digests, TodoList todo) {
        return new DailyDigestJob(digests, todo);
    }

    static class DailyDigestJob {

        private final NotificationDigests digests;
        private final TodoList todo;

        DailyDigestJob(NotificationDigests digests, TodoList todo) {
            this.digests = digests;
            this.todo = todo;
        }

        @Scheduled(cron = "${govit.notification.digest.cron:0 0 7 * * *}", zone = "Asia/Shanghai")
        // one node per firing (cluster module); the claim of each user's day stays as the second guard
        @SchedulerLock(name = "notification-digest", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
        void daily() {
            digests.run(todo.today());
        }
    }
}
