package cn.jl.govit.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.organization.Role;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/** Notifications to an organisation's members or a user, deduplicated, read and dismissed only by their recipient. */
@GovItTest
class NotificationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** A reminder text of the obligation bundle, with a dedup key of its own. */
    static Notice notice(String dedupKey) {
        return Notice.of("obligation.notice.reminder", "/obligations", null, dedupKey,
                "#enum.ObligationType.PERFORMANCE_REPORT", "2031", "2031-12-31", "JLZW-2031-0001", "社保卡系统", "ART-20");
    }

    private List<Notification> toMembers(String org, Role role, Notice notice) {
        return tx.execute(s -> notifications.notifyMembers(org, role, notice));
    }

    private long unread(String username) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient = :u AND read_at IS NULL")
                .param("u", username).query(Long.class).single();
    }

    private MvcResult page(String username, org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        return mvc.perform(request).andReturn();
    }

    @Test
    void theMembersOfAnOrganisationWithTheRoleAreNotifiedOncePerDedupKey() {
        String key = "test:" + UUID.randomUUID();

        List<Notification> sent = toMembers("RST", Role.DEPARTMENT_STAFF, notice(key));
        List<Notification> again = toMembers("RST", Role.DEPARTMENT_STAFF, notice(key));

        assertThat(sent).extracting(Notification::recipient).containsExactly("rst");
        assertThat(again).as("the same reminder is not sent twice").isEmpty();
        assertThat(toMembers("SZSJ", Role.APPROVER, notice(key))).extracting(Notification::recipient)
                .containsExactly("szsj");
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE dedup_key = :k").param("k", key)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'NOTIFICATION_SENT' AND summary LIKE :k")
                .param("k", "%" + key + "%").query(Long.class).single()).as("one audit event per sending").isEqualTo(2);
        List<Notification> toJyt = tx.execute(s -> notifications.notifyUser("jyt", notice(null)));
        assertThat(toJyt).extracting(Notification::recipient).containsExactly("jyt");
        List<Notification> toNobody = tx.execute(s -> notifications.notifyUser("nobody", notice(null)));
        assertThat(toNobody).isEmpty();
    }

    @Test
    void theApiListsTheCallersNotificationsInItsLanguageAndOnlyTheRecipientMarksThemRead() {
        UUID id = toMembers("WJW", Role.DEPARTMENT_STAFF, notice("test:" + UUID.randomUUID())).get(0).id();

        Response zh = api.as("wjw").get("me/notifications");
        assertThat(zh.status()).as(zh.toString()).isEqualTo(200);
        assertThat(zh.<Integer>json("$.size")).isEqualTo(20);
        assertThat(zh.<List<String>>json("$.content[?(@.id == '" + id + "')].text"))
                .containsExactly("项目 JLZW-2031-0001“社保卡系统”的年度绩效评价报告（2031）将于 2031-12-31 到期，请按时办理（ART-20）");
        assertThat(zh.<Boolean>json("$.content[0].unread")).isTrue();
        Response en = api.as("wjw").english().get("me/notifications");
        assertThat(en.<List<String>>json("$.content[?(@.id == '" + id + "')].text")).containsExactly(
                "Project JLZW-2031-0001 \"社保卡系统\": Annual performance report (2031) is due on 2031-12-31, please act in time (ART-20)");
        assertThat(api.as("jyt").get("me/notifications?size=200").<List<String>>json("$.content[*].id"))
                .doesNotContain(id.toString());

        assertThat(api.as("jyt").post("me/notifications/" + id + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(api.as("wjw").post("me/notifications/" + UUID.randomUUID() + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(api.as("wjw").post("me/notifications/not-an-id/read", Map.of()).status()).isIn(400, 404);
        assertThat(api.anonymous().get("me/notifications").status()).isEqualTo(401);
        assertThat(api.as("wjw").get("me/notifications?page=-1").status()).isEqualTo(400);
        long before = unread("wjw");
        Response read = api.as("wjw").post("me/notifications/" + id + "/read", Map.of());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.<Boolean>json("$.unread")).isFalse();
        assertThat(read.<String>json("$.readAt")).isNotNull();
        assertThat(unread("wjw")).isEqualTo(before - 1);
        assertThat(api.as("wjw").get("me/notifications/unread-count").<Integer>json("$.unread")).isEqualTo((int) (before - 1));

        toMembers("WJW", Role.DEPARTMENT_STAFF, notice("test:" + UUID.randomUUID()));
        Response all = api.as("wjw").post("me/notifications/read", Map.of());
        assertThat(all.<Integer>json("$.marked")).isGreaterThanOrEqualTo(1);
        assertThat(unread("wjw")).isZero();
        assertThat(api.as("wjw").get("me/notifications?unreadOnly=true").<Integer>json("$.totalElements")).isZero();
    }

    @Test
    void theToDoPageShowsUnreadFirstWithTheBadgeAndOpeningOneGoesToItsAction() throws Exception {
        toMembers("JYT", Role.DEPARTMENT_STAFF, notice("test:" + UUID.randomUUID()));
        UUID newest = toMembers("JYT", Role.DEPARTMENT_STAFF, notice("test:" + UUID.randomUUID())).get(0).id();
        var jyt = user(users.loadUserByUsername("jyt"));

        MvcResult list = page("jyt", get("/notifications").with(jyt));
        String html = list.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("待办提醒").contains("社保卡系统").contains("data-testid=\"unread-badge\"")
                .contains("data-notification=\"" + newest + "\"");

        MvcResult opened = page("jyt", post("/notifications/" + newest + "/open").with(jyt).with(csrf()));
        assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/obligations");
        assertThat(notifications.find(newest).orElseThrow().unread()).isFalse();

        MvcResult foreign = page("rst", post("/notifications/" + newest + "/open")
                .with(user(users.loadUserByUsername("rst"))).with(csrf()));
        assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
        assertThat(page("jyt", get("/notifications?page=-1").with(jyt)).getResponse().getStatus()).isEqualTo(400);

        page("jyt", post("/notifications/read").with(jyt).with(csrf()));
        String after = page("jyt", get("/notifications").with(jyt)).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("data-testid=\"unread-badge\"");
    }
}
