package cn.jl.govit.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.jl.govit.notification.internal.DigestComposer;
import cn.jl.govit.notification.internal.DigestComposer.Digest;

/**
 * What a daily digest says: the to-do items by kind (overdue, due, awaiting a decision), then the unread
 * notifications, each with its absolute link; in the reader's language; none at all when there is nothing to tell.
 */
class DigestComposerTests {

    private static final LocalDate DAY = LocalDate.of(2031, 3, 2);
    private static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-000000000031");

    private final DigestComposer composer = new DigestComposer(messages(), "https://govit.jl.gov.cn/");

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "notification", "obligation");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static Notification unread(String subject) {
        return new Notification(UUID.randomUUID(), "rst", "obligation.notice.reminder",
                List.of("#enum.ObligationType.PERFORMANCE_REPORT", subject, "2031-12-31", "JLZW-2031-0001", "社保卡系统",
                        "ART-20"),
                "/projects/" + PROJECT + "/obligations", PROJECT, Instant.parse("2031-03-01T02:00:00Z"), null);
    }

    private static TodoItem overdue() {
        return TodoItem.of(TodoItem.Kind.OVERDUE, "obligation.notice.overdue", "/projects/" + PROJECT + "/obligations",
                PROJECT, LocalDate.of(2031, 2, 28), "#enum.ObligationType.RECTIFICATION", "R-1", "2031-02-28",
                "JLZW-2031-0001", "社保卡系统", "ART-22");
    }

    private static TodoItem decision() {
        return TodoItem.of(TodoItem.Kind.DECISION, "notification.todo.approval", "/projects/" + PROJECT, PROJECT, null,
                "JLZW-2031-0002", "<不动产>登记");
    }

    @Test
    void aDigestWithNothingToTellIsNotWritten() {
        assertThat(composer.compose("人社厅", Locale.SIMPLIFIED_CHINESE, DAY, List.of(), 0, List.of())).isEmpty();
    }

    @Test
    void listsTheToDoByKindThenTheUnreadNotificationsInChineseWithAbsoluteLinks() {
        Digest digest = composer.compose("人社厅张三", Locale.SIMPLIFIED_CHINESE, DAY, List.of(unread("2031")), 1,
                List.of(overdue(), decision())).orElseThrow();

        assertThat(digest.subject()).isEqualTo("【政务信息化项目管理平台】每日待办摘要（2031-03-02）：未读提醒 1 条，待办 2 项");
        assertThat(digest.notifications()).isEqualTo(1);
        assertThat(digest.todoItems()).isEqualTo(2);
        String text = digest.text();
        assertThat(text).startsWith("人社厅张三，您好：")
                .contains("项目 JLZW-2031-0001“社保卡系统”的整改（R-1）已于 2031-02-28 到期仍未办理（ART-22）")
                .contains("项目 JLZW-2031-0002“<不动产>登记”正在审批中，待您作出审批决定")
                .contains("年度绩效评价报告（2031）将于 2031-12-31 到期")
                .contains("https://govit.jl.gov.cn/projects/" + PROJECT + "/obligations")
                .contains("https://govit.jl.gov.cn/notifications")
                .doesNotContain("govit.jl.gov.cn//");
        assertThat(text.indexOf("已逾期")).isLessThan(text.indexOf("待您决定"));
        assertThat(text.indexOf("待您决定")).isLessThan(text.indexOf("未读提醒\n"));
        assertThat(digest.html()).contains("<h3 style=\"font-size: 15px\">已逾期</h3>")
                .contains("&lt;不动产&gt;登记").doesNotContain("<不动产>")
                .contains("href=\"https://govit.jl.gov.cn/projects/" + PROJECT + "\"");
    }

    @Test
    void writesInTheReadersLanguageAndSaysHowManyUnreadAreNotListed() {
        Digest digest = composer.compose("Zhang San", Locale.ENGLISH, DAY, List.of(unread("2031"), unread("2032")), 7,
                List.of()).orElseThrow();

        assertThat(digest.subject()).isEqualTo("[GovIT] Daily digest (2031-03-02): 7 unread notification(s), 0 to-do item(s)");
        assertThat(digest.text()).startsWith("Dear Zhang San,")
                .contains("Annual performance report (2031) is due on 2031-12-31")
                .contains("5 more unread notification(s)")
                .doesNotContain("Overdue").doesNotContain("您好");
        assertThat(digest.todoItems()).isZero();
        assertThat(digest.notifications()).isEqualTo(2);
    }

    @Test
    void aDigestOfToDoItemsAloneIsWritten() {
        Digest digest = composer.compose("人社厅", Locale.SIMPLIFIED_CHINESE, DAY, List.of(), 0, List.of(overdue()))
                .orElseThrow();
        assertThat(digest.text()).contains("已逾期").doesNotContain("未读提醒\n");
    }
}
