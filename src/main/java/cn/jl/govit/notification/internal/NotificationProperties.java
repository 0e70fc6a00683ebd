package cn.jl.govit.notification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications leave the platform by e-mail ({@code govit.notification.*}); mail itself is on only when
 * {@code spring.mail.host} is set.
 *
 * @param mailFrom the sender address of notification mails
 * @param baseUrl the platform's public address, to turn a notification's link into an absolute one in a mail
 */
@ConfigurationProperties("govit.notification")
public record NotificationProperties(@DefaultValue("govit-noreply@example.gov.cn") String mailFrom,
        @DefaultValue("http://localhost:8080") String baseUrl) {
}
