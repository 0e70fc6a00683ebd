package cn.jl.govit.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * The to-do page in a real browser: the department sees its obligations due and overdue above its notifications,
 * and chooses its notification mail with the radio buttons. Whole-page screenshots go to the build's
 * {@code screenshots} folder.
 */
@GovItTest
class NotificationPageBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Obligations obligations;

    @Autowired
    Notifications notifications;

    @Autowired
    RunAs runAs;

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
    void digestIsTheDefaultAgain() {
        runAs.run("rst", () -> notifications.choosePreference(MailPreference.DIGEST));
    }

    @Test
    void theDepartmentSeesWhatIsDueAndChoosesItsNotificationMail() throws IOException {
        Api api = new Api(port);
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        UUID id = UUID.fromString(project);
        LocalDate today = obligations.today();
        String soon = "整改-" + UUID.randomUUID().toString().substring(0, 4);
        String late = "整改-" + UUID.randomUUID().toString().substring(0, 4);
        tx.executeWithoutResult(s -> {
            obligations.open(id, ObligationType.RECTIFICATION, soon, today.plusDays(10), null, null, "RST");
            obligations.open(id, ObligationType.RECTIFICATION, late, today.minusDays(3), null, null, "RST");
            notifications.notifyMembers("RST", Role.DEPARTMENT_STAFF, Notice.of("obligation.notice.reminder",
                    "/projects/" + project + "/obligations", id, "browser:" + soon,
                    "#enum.ObligationType.RECTIFICATION", soon, today.plusDays(10).toString(), "JLZW", "示例", "ART-22"));
        });

        chromium.signIn(url("/login?lang=zh-CN"), "rst", Api.DEMO_PASSWORD);
        browser.get(url("/notifications"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=todo]")));
        String todo = browser.findElement(By.cssSelector("[data-testid=todo]")).getText();
        assertThat(todo).contains("待办事项").contains("已逾期").contains("即将到期").contains(late).contains(soon);
        assertThat(todo.indexOf(late)).as("overdue first").isLessThan(todo.indexOf(soon));
        assertThat(browser.findElement(By.id("mail-DIGEST")).isSelected()).isTrue();
        chromium.fullPageScreenshot("notification-todo");

        chromium.click(By.id("mail-EACH"));
        chromium.click(By.cssSelector("[data-testid=save-preference]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=preference-saved]")));
        assertThat(browser.findElement(By.id("mail-EACH")).isSelected()).isTrue();
        assertThat(notifications.preference("rst")).isEqualTo(MailPreference.EACH);
        chromium.fullPageScreenshot("notification-preference-saved");
        chromium.signOut();
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
