package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;
import cn.jl.govit.support.MutableClock;

/**
 * Issue 6's browser walk through the sanction ladder in Chromium: Finance raises a funds finding on the project's
 * page, its deadline passes without a rectification, Finance suspends the project's funds citing that finding, and
 * its next disbursement on the funds page is refused with ART-31 (第三十一条) shown next to the form; the public
 * criticism Finance then publishes is read by another department on the notice list.
 */
@GovItTest
class SanctionBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

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

    @Test
    void financeRaisesTheDeadlinePassesFundsAreSuspendedAndTheDisbursementIsRefused() throws IOException {
        Api api = new Api(port);
        String project = ApprovedProjects.underConstruction(api, "rst", 3_000_000, 12);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        assertThat(api.as("czt").post("projects/" + project + "/fund-plans",
                Map.of("source", "DIGITAL_JILIN_FUND", "amount", 1_000_000, "issuedOn", today.toString())).status())
                .isEqualTo(201);

        login("czt");
        browser.get(url("/projects/" + project + "/findings"));
        new Select(browser.findElement(By.id("area"))).selectByValue("FUNDS");
        browser.findElement(By.id("facts")).sendKeys("专项资金超范围列支，要求限期整改");
        chromium.click(By.cssSelector("[data-testid=raise-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        String due = api.as("czt").get("projects/" + project + "/findings").text("$[0].rectificationDue");

        // the unit lets the deadline pass: the day after it the finding warrants a sanction
        clock.advance(Duration.ofDays(LocalDate.parse(due).toEpochDay() - today.toEpochDay() + 1));
        browser.get(url("/projects/" + project + "/sanctions"));
        new Select(browser.findElement(By.id("kind"))).selectByValue("SUSPEND_FUNDS");
        Select basis = new Select(browser.findElement(By.id("basis")));
        assertThat(basis.getOptions()).hasSize(1);
        browser.findElement(By.id("reason")).sendKeys("资金使用问题逾期未整改，暂缓拨付资金");
        chromium.click(By.cssSelector("[data-testid=impose-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=funds-suspended]")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("[data-testid=sanctions] li[data-kind=SUSPEND_FUNDS][data-status=ACTIVE]")))
                .hasSize(1);
        chromium.fullPageScreenshot("sanction-project");

        browser.get(url("/projects/" + project + "/funds"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=funds-suspended]")).isDisplayed()).isTrue();
        WebElement amount = browser.findElement(By.cssSelector("[data-testid=disburse] input[name=amount]"));
        amount.clear();
        amount.sendKeys("100000");
        chromium.click(By.cssSelector("[data-testid=disburse] button[type=submit]"));
        WebElement refused = chromium.waitFor().until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=violations] li[data-rule=ART-31]")));
        assertThat(refused.getText()).contains("第三十一条").contains("暂缓拨付");
        assertThat(browser.findElements(By.cssSelector("[data-testid=disbursements] tbody tr td[colspan]"))).hasSize(1);
        chromium.fullPageScreenshot("sanction-disbursement-refused");

        // a public criticism on the same finding is published to everyone
        browser.get(url("/projects/" + project + "/sanctions"));
        new Select(browser.findElement(By.id("kind"))).selectByValue("PUBLIC_CRITICISM");
        browser.findElement(By.id("reason")).sendKeys("专项资金超范围列支且逾期未整改，予以通报批评");
        chromium.click(By.cssSelector("[data-testid=impose-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        logout();

        login("jyt");
        browser.get(url("/sanctions/notices"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=notice][data-status=ACTIVE]")))
                .anySatisfy(notice -> assertThat(notice.getText()).contains("专项资金超范围列支且逾期未整改"));
        chromium.fullPageScreenshot("sanction-notices");
        logout();
    }


    private void login(String username) {
        chromium.signIn(url("/login?lang=zh-CN"), username, Api.DEMO_PASSWORD);
    }

    private void logout() {
        chromium.signOut();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
