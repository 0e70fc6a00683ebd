package cn.jl.govit.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.notification.NotificationEvents.NotificationsCreated;
import cn.jl.govit.notification.internal.NotificationMailer;
import cn.jl.govit.notification.internal.NotificationProperties;
import cn.jl.govit.notification.internal.NotificationTexts;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.UserAccounts;
import cn.jl.govit.support.GovItTest;

/**
 * The mail of a notification reaches an in-process SMTP server (GreenMail) with the recipient's address, the text
 * as subject and the text in both languages with the absolute link as body; a failing server is logged, not
 * thrown. The shared application context has no SMTP server, so the test wires the application's mailer to one.
 */
@GovItTest
class NotificationMailIntegrationTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Notifications notifications;

    @Autowired
    UserAccounts accounts;

    @Autowired
    NotificationTexts texts;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private NotificationMailer mailer(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
        return new NotificationMailer(beans.getBeanProvider(JavaMailSender.class), notifications, accounts, texts,
                new NotificationProperties("govit-noreply@example.gov.cn", "https://govit.jl.gov.cn/"));
    }

    private List<UUID> notifyCzt() {
        return tx.execute(s -> notifications.notifyMembers("CZT", Role.FINANCE_OFFICER,
                NotificationIntegrationTests.notice("mail:" + UUID.randomUUID()))).stream().map(Notification::id).toList();
    }

    @Autowired
    cn.jl.govit.organization.RunAs runAs;

    @Test
    void eachNewNotificationIsMailedToItsRecipientInBothLanguagesWithTheLink() throws Exception {
        List<UUID> ids = notifyCzt();
        assertThat(ids).hasSize(1);

        // a mail per notification only for a user who chose it; the daily digest is the default
        runAs.run("czt", () -> notifications.choosePreference(MailPreference.EACH));
        try {
            mailer(smtp.getSmtp().getPort()).on(new NotificationsCreated(ids));
        }
        finally {
            runAs.run("czt", () -> notifications.choosePreference(MailPreference.DIGEST));
        }

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("czt@example.gov.cn");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("govit-noreply@example.gov.cn");
        assertThat(mail.getSubject())
                .isEqualTo("项目 JLZW-2031-0001“社保卡系统”的年度绩效评价报告（2031）将于 2031-12-31 到期，请按时办理（ART-20）");
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getContentType()).containsIgnoringCase("charset");
        assertThat(new String(mail.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("年度绩效评价报告")
                .contains("Annual performance report (2031) is due on 2031-12-31")
                .contains("https://govit.jl.gov.cn/obligations");
        assertThat(body).isNotBlank();
    }

    @Test
    void aRecipientWithoutAddressGetsNoMailAndAFailingServerDoesNotThrow() {
        List<UUID> ids = notifyCzt();
        runAs.run("czt", () -> notifications.choosePreference(MailPreference.EACH));
        runAs.run("ldxz", () -> notifications.choosePreference(MailPreference.EACH));
        try {
            assertThatCode(() -> mailer(1).on(new NotificationsCreated(ids))).doesNotThrowAnyException();
            List<UUID> ldxz = tx.execute(s -> notifications.notifyMembers("LDXZ", Role.LEADING_GROUP,
                    NotificationIntegrationTests.notice("mail:" + UUID.randomUUID()))).stream().map(Notification::id).toList();
            tx.executeWithoutResult(s -> accounts.changeEmail("ldxz", null));
            try {
                mailer(smtp.getSmtp().getPort()).on(new NotificationsCreated(ldxz));
                assertThat(smtp.getReceivedMessages()).isEmpty();
            }
            finally {
                tx.executeWithoutResult(s -> accounts.changeEmail("ldxz", "ldxz@example.gov.cn"));
            }
        }
        finally {
            runAs.run("czt", () -> notifications.choosePreference(MailPreference.DIGEST));
            runAs.run("ldxz", () -> notifications.choosePreference(MailPreference.DIGEST));
        }
    }

    @Test
    void theAdministratorSetsChangesAndRemovesAUsersAddress() {
        cn.jl.govit.support.Api api = new cn.jl.govit.support.Api(port);
        String name = "mail" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new java.util.LinkedHashMap<>(Map.of("username", name, "displayName", "邮件测试",
                "organizationCode", "WJW", "roles", List.of("DEPARTMENT_STAFF"), "password", "Mail@Test2026x",
                "email", "not-an-address"));
        cn.jl.govit.support.Api.Response bad = api.as("admin").post("users", user);
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.<List<String>>json("$.errors[*].field")).containsExactly("email");

        user.put("email", name + "@example.gov.cn");
        cn.jl.govit.support.Api.Response created = api.as("admin").post("users", user);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.<String>json("$.email")).isEqualTo(name + "@example.gov.cn");
        assertThat(accounts.get(name).email()).isEqualTo(name + "@example.gov.cn");

        Map<String, Object> change = new java.util.LinkedHashMap<>(Map.of("displayName", "邮件测试",
                "organizationCode", "WJW", "roles", List.of("DEPARTMENT_STAFF")));
        assertThat(api.as("admin").send(org.springframework.http.HttpMethod.PUT, "users/" + name, "application/json",
                change).<String>json("$.email")).as("absent: unchanged").isEqualTo(name + "@example.gov.cn");
        change.put("email", "");
        cn.jl.govit.support.Api.Response removed = api.as("admin").send(org.springframework.http.HttpMethod.PUT,
                "users/" + name, "application/json", change);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.<String>json("$.email")).isNull();
        assertThat(api.as("rst").get("users/" + name).status()).isEqualTo(403);
    }

    private long mailerPublications(UUID notification, boolean completed) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%NotificationMailer%' "
                        + "AND serialized_event LIKE :id AND (completion_date IS NOT NULL) = :completed")
                .param("id", "%" + notification + "%").param("completed", completed).query(Long.class).single();
    }

    @Test
    void theApplicationsMailerRunsOnceTheSendingTransactionCommittedAndNeverAfterARollback() throws Exception {
        UUID committed = notifyCzt().get(0);
        for (int i = 0; i < 50 && mailerPublications(committed, true) == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(mailerPublications(committed, true)).as("the mailer ran after the commit and finished").isEqualTo(1);

        UUID[] rolledBack = new UUID[1];
        tx.executeWithoutResult(s -> {
            rolledBack[0] = notifications.notifyMembers("CZT", Role.FINANCE_OFFICER,
                    NotificationIntegrationTests.notice("mail:" + UUID.randomUUID())).get(0).id();
            s.setRollbackOnly();
        });
        assertThat(notifications.find(rolledBack[0])).isEmpty();
        assertThat(mailerPublications(rolledBack[0], true) + mailerPublications(rolledBack[0], false))
                .as("no mail for a notice that was rolled back").isZero();
    }
}
