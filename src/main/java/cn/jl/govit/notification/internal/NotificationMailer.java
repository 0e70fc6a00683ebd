package cn.jl.govit.notification.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.jl.govit.notification.MailPreference;
import cn.jl.govit.notification.Notification;
import cn.jl.govit.notification.NotificationEvents.NotificationsCreated;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.organization.UserAccount;
import cn.jl.govit.organization.UserAccounts;

/**
 * Mails each new notification to its recipient's address, when the platform has an SMTP server (a
 * {@link JavaMailSender} bean exists only when {@code spring.mail.host} is set) and the recipient chose a mail per
 * notification ({@link MailPreference#EACH}); the others get the daily digest ({@link NotificationDigests}) or
 * nothing.
 * <p>
 * Why an application-module listener: it runs only after the sending transaction committed, so that no mail
 * announces a fact that was rolled back, and a slow or failing SMTP server never holds or rolls back the
 * business transaction. Spring Modulith's JDBC event publication registry keeps the event until the listener
 * finished, so notifications of a node that stopped in between are mailed when it restarts. A failure of one
 * mail is logged (with the notification id, never the address or the text) and does not stop the others: the
 * notification stays readable in the to-do list, which is the record; the mail is a courtesy.
 * <p>
 * The mail carries the text in Chinese and then in English, since the platform does not know which language a
 * mail reader prefers.
 */
@Component
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private final NotificationTexts texts;
    private final NotificationProperties properties;

    public NotificationMailer(ObjectProvider<JavaMailSender> senders, Notifications notifications,
            UserAccounts accounts, NotificationTexts texts, NotificationProperties properties) {
        this.senders = senders;
        this.notifications = notifications;
        this.accounts = accounts;
        this.texts = texts;
        this.properties = properties;
    }

    @ApplicationModuleListener
    public void on(NotificationsCreated created) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (UUID id : created.notificationIds()) {
            send(sender, id);
        }
    }

    private void send(JavaMailSender sender, UUID id) {
        Optional<Notification> found = notifications.find(id);
        if (found.isEmpty()) {
            return;
        }
        Notification notification = found.get();
        // a user who chose the daily digest (the default) or no mail gets none per notification
        if (notifications.preference(notification.recipient()) != MailPreference.EACH) {
            return;
        }
        Optional<String> address = accounts.find(notification.recipient()).map(UserAccount::email);
        if (address.isEmpty()) {
            return;
        }
        try {
            sender.send(message(notification, address.get()));
        }
        catch (RuntimeException e) { // MailException and any failure of the SMTP conversation
            log.warn("notification {} could not be mailed: {}", id, e.getClass().getSimpleName());
        }
    }

    SimpleMailMessage message(Notification notification, String address) {
        String zh = texts.text(notification, Locale.SIMPLIFIED_CHINESE);
        String en = texts.text(notification, Locale.ENGLISH);
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.mailFrom());
        mail.setTo(address);
        mail.setSubject(zh);
        String link = notification.link() == null ? "" : "\n\n" + stripSlash(properties.baseUrl()) + notification.link();
        mail.setText(zh + "\n" + en + link + "\n");
        return mail;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
