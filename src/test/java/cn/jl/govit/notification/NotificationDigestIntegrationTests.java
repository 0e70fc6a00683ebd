package cn.jl.govit.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.notification.NotificationEvents.NotificationsCreated;
import cn.jl.govit.notification.internal.NotificationDigests;
import cn.jl.govit.notification.internal.NotificationDigests.Outcome;
import cn.jl.govit.notification.internal.NotificationMailer;
import cn.jl.govit.notification.internal.NotificationProperties;
import cn.jl.govit.notification.internal.NotificationTexts;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.organization.UserAccounts;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * The daily digest reaches an in-process SMTP server (GreenMail): once per user and day however often and however
 * concurrently the job runs, only to users who chose it, with a failure recorded and retried, and not at all
 * without an SMTP server. The shared application context has none, so the test wires the digests to GreenMail.
 */
@GovItTest
class NotificationDigestIntegrationTests {

    private static final String CZT = "czt@example.gov.cn";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired Notifications notifications;
    @Autowired UserAccounts accounts;
    @Autowired NotificationTexts texts;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired TodoList todo;
    @Autowired RunAs runAs;
    @Autowired CurrentUsers users;
    @Autowired MessageSource messages;
    @Autowired AuditLog audit;
    @Autowired MutableClock clock;
    @Autowired NotificationDigests applicationDigests;

    @AfterEach
    void digestIsTheDefaultAgain() {
        runAs.run("czt", () -> notifications.choosePreference(MailPreference.DIGEST));
    }

    private static JavaMailSender sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        return sender;
    }

    private static NotificationProperties properties() {
        return new NotificationProperties("govit-noreply@example.gov.cn", "https://govit.jl.gov.cn/");
    }

    private NotificationDigests digests(int port) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender(port)));
        return new NotificationDigests(beans.getBeanProvider(JavaMailSender.class), jdbc, transactions, accounts,
                notifications, todo, runAs, users, messages, properties(), audit, clock);
    }

    private NotificationMailer mailer(int port) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender(port)));
        return new NotificationMailer(beans.getBeanProvider(JavaMailSender.class), notifications, accounts, texts,
                properties());
    }

    /** A day of this test alone, far from the others' and from today's scheduled run. */
    private static LocalDate someDay() {
        return LocalDate.of(2090, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3_000));
    }

    private List<UUID> notifyCzt(String subject) {
        return tx.execute(s -> notifications.notifyMembers("CZT", Role.FINANCE_OFFICER,
                Notice.of("obligation.notice.reminder", "/obligations", null, "digest:" + UUID.randomUUID(),
                        "#enum.ObligationType.PERFORMANCE_REPORT", subject, "2031-12-31", "JLZW-2031-0001", "社保卡系统",
                        "ART-20"))).stream().map(Notification::id).toList();
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                to.add(m);
            }
        }
        return to;
    }

    private Map<String, Object> row(String username, LocalDate day) {
        return jdbc.sql("SELECT * FROM notification_digest WHERE username = :u AND digest_date = :d")
                .param("u", username).param("d", day).query().singleRow();
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        Object content = mail.getContent();
        return find((Multipart) content, type);
    }

    private static String find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            }
            else if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        return null;
    }

    @Test
    void oneDigestPerUserAndDayWhenTwoRunsRaceAndWhenTheJobRunsAgain() throws Exception {
        String subject = "D" + UUID.randomUUID().toString().substring(0, 6);
        notifyCzt(subject);
        LocalDate day = someDay();
        NotificationDigests digests = digests(smtp.getSmtp().getPort());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Map<Outcome, Integer>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return digests.run(day);
                }));
            }
            start.countDown();
            for (Future<Map<Outcome, Integer>> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }
        Map<Outcome, Integer> again = digests.run(day);
        assertThat(again).containsOnlyKeys(Outcome.SKIPPED);

        assertThat(mailsTo(CZT)).as("one digest for czt on the day").hasSize(1);
        List<String> recipients = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            recipients.add(m.getRecipients(Message.RecipientType.TO)[0].toString());
        }
        assertThat(recipients).as("nobody got two").doesNotHaveDuplicates();
        assertThat(row("czt", day)).containsEntry("status", "SENT").containsEntry("attempts", 1);

        MimeMessage mail = mailsTo(CZT).get(0);
        assertThat(mail.getSubject()).startsWith("【政务信息化项目管理平台】每日待办摘要（" + day + "）");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("govit-noreply@example.gov.cn");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("年度绩效评价报告（" + subject + "）将于 2031-12-31 到期")
                .contains("https://govit.jl.gov.cn/obligations").contains("https://govit.jl.gov.cn/notifications")
                .doesNotContain("Demo@2026").doesNotContain(CZT);
        assertThat(html).contains("年度绩效评价报告（" + subject + "）").contains("<a href=\"https://govit.jl.gov.cn/obligations\">");

        // the next day's digest lists only what came since: the notice above was in the last one
        String later = "L" + UUID.randomUUID().toString().substring(0, 6);
        notifyCzt(later);
        smtp.reset();
        digests.run(day.plusDays(1));
        assertThat(mailsTo(CZT)).hasSize(1);
        assertThat(part(mailsTo(CZT).get(0), "text/plain")).contains("（" + later + "）").doesNotContain("（" + subject + "）");
    }

    @Test
    void noneSendsNothingAndEachKeepsTheMailPerNotificationWithoutDigest() throws Exception {
        NotificationDigests digests = digests(smtp.getSmtp().getPort());
        NotificationMailer mailer = mailer(smtp.getSmtp().getPort());

        runAs.run("czt", () -> notifications.choosePreference(MailPreference.NONE));
        mailer.on(new NotificationsCreated(notifyCzt("N1")));
        digests.run(someDay());
        assertThat(mailsTo(CZT)).as("no mail at all").isEmpty();

        runAs.run("czt", () -> notifications.choosePreference(MailPreference.EACH));
        mailer.on(new NotificationsCreated(notifyCzt("E1")));
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(mailsTo(CZT)).hasSize(1);
        assertThat(mailsTo(CZT).get(0).getSubject()).contains("（E1）");
        LocalDate day = someDay();
        digests.run(day);
        assertThat(mailsTo(CZT)).as("no digest besides the mail per notification").hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_digest WHERE username = 'czt' AND digest_date = :d")
                .param("d", day).query(Long.class).single()).isZero();

        runAs.run("czt", () -> notifications.choosePreference(MailPreference.DIGEST));
        smtp.reset();
        mailer.on(new NotificationsCreated(notifyCzt("G1")));
        assertThat(mailsTo(CZT)).as("the digest chosen: no mail per notification").isEmpty();
    }

    @Test
    void aFailedDigestIsRecordedWithItsReasonAndTheNextRunRetriesIt() throws Exception {
        notifyCzt("F1");
        LocalDate day = someDay();

        Map<Outcome, Integer> failed = digests(1).run(day);
        assertThat(failed).containsKey(Outcome.FAILED);
        Map<String, Object> row = row("czt", day);
        assertThat(row).containsEntry("status", "FAILED").containsEntry("attempts", 1);
        assertThat((String) row.get("failure")).isNotBlank().doesNotContain(CZT);
        assertThat(mailsTo(CZT)).isEmpty();

        digests(smtp.getSmtp().getPort()).run(day);
        assertThat(row("czt", day)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(mailsTo(CZT)).hasSize(1);
        assertThat(part(mailsTo(CZT).get(0), "text/plain")).contains("（F1）");
        digests(smtp.getSmtp().getPort()).run(day);
        assertThat(mailsTo(CZT)).as("sent is not retried").hasSize(1);
    }

    @Test
    void withoutAnSmtpServerNothingIsClaimedOrSent() {
        notifyCzt("S1");
        LocalDate day = someDay();
        assertThat(applicationDigests.run(day)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_digest WHERE digest_date = :d").param("d", day)
                .query(Long.class).single()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aUserWithoutAddressIsSkipped() throws Exception {
        tx.executeWithoutResult(s -> accounts.changeEmail("czt", null));
        try {
            notifyCzt("A1");
            LocalDate day = someDay();
            digests(smtp.getSmtp().getPort()).run(day);
            assertThat(jdbc.sql("SELECT count(*) FROM notification_digest WHERE username = 'czt' AND digest_date = :d")
                    .param("d", day).query(Long.class).single()).isZero();
        }
        finally {
            tx.executeWithoutResult(s -> accounts.changeEmail("czt", CZT));
        }
        assertThat(mailsTo(CZT)).isEmpty();
    }
}
