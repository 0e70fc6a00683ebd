package cn.jl.govit.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;
import cn.jl.govit.support.MutableClock;

/**
 * The construction unit in a real browser: its project's deadlines with days left and an overdue badge, the list
 * of overdue obligations, and the to-do list the daily scan filled, whose entry leads to the project's deadlines.
 */
@GovItTest
class ObligationBrowserTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ObligationScans scans;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void today(String iso) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), LocalDate.parse(iso).atTime(LocalTime.NOON).atZone(ZONE).toInstant()));
    }

    @Test
    void theUnitSeesItsDeadlinesTheOverdueOnesAndTheToDoListOfTheScan() throws IOException {
        Api api = new Api(port);
        today("2045-03-01");
        String late = ApprovedProjects.approved(api, "wjw", 2_400_000, 13);
        ApprovedProjects.startConstruction(api, "wjw", late, LocalDate.parse("2045-03-01"));
        today("2046-01-10");
        String soon = ApprovedProjects.approved(api, "wjw", 1_800_000, 24);
        ApprovedProjects.startConstruction(api, "wjw", soon, LocalDate.parse("2046-01-10"));
        today("2046-12-05");
        assertThat(api.as("wjw").post("me/notifications/read", java.util.Map.of()).status()).isEqualTo(200);
        assertThat(scans.scan(LocalDate.parse("2046-12-05")).ran()).isTrue();
        String reminder = api.as("wjw").get("me/notifications?unreadOnly=true&size=200")
                .<List<String>>json("$.content[?(@.projectId == '" + soon + "' && @.messageKey == 'obligation.notice.reminder')].id")
                .get(0);

        login("wjw");
        browser.get(url("/projects/" + soon + "/obligations"));
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=obligations] tbody tr"));
        assertThat(rows).extracting(r -> r.getDomAttribute("data-subject")).containsExactly("2046", "2047", "INITIAL");
        assertThat(rows.get(0).getText()).contains("年度绩效评价报告", "2046-12-31", "26 天后到期", "待办", "第二十条");
        assertThat(rows.get(2).getText()).contains("初步验收", "2048-01-10", "第二十六条");
        chromium.screenshot("obligation-project");

        browser.get(url("/projects/" + late + "/obligations"));
        WebElement report = browser.findElement(By.cssSelector("[data-testid=obligations] tbody tr[data-subject='2045']"));
        assertThat(report.findElement(By.cssSelector("[data-status]")).getDomAttribute("data-status")).isEqualTo("OVERDUE");
        assertThat(report.getText()).contains("已逾期", "逾期 339 天");

        browser.get(url("/obligations?status=OVERDUE"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=obligation-list] tbody tr[data-project='" + late + "']")))
                .hasSize(2);
        assertThat(browser.findElements(By.cssSelector("[data-testid=obligation-list] tbody tr[data-project='" + soon + "']")))
                .isEmpty();
        chromium.screenshot("obligation-list");
        browser.get(url("/obligations?status=OVERDUE&lang=en"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=obligation-list]")).getText())
                .contains("Annual performance report", "339 days overdue", "Overdue");
        chromium.screenshot("obligation-list-en");

        browser.get(url("/notifications?lang=zh-CN"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=unread-badge]")).getText()).isNotBlank();
        WebElement entry = browser.findElement(By.cssSelector("[data-testid=notifications] li[data-notification='" + reminder + "']"));
        assertThat(entry.getText()).contains("将于 2046-12-31 到期", "未读");
        assertThat(browser.findElement(By.cssSelector("[data-testid=notifications]")).getText())
                .contains("的初步验收已于 2046-04-01 到期仍未办理（ART-26）");
        chromium.screenshot("notification-list");
        chromium.click(entry.findElement(By.cssSelector("form[action$='/open'] button")));
        chromium.waitFor().until(ExpectedConditions.urlContains("/projects/" + soon + "/obligations"));
    }

    private void login(String username) {
        chromium.signIn(url("/login"), username, Api.DEMO_PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
