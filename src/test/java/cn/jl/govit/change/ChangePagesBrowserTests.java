package cn.jl.govit.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * The change page in a real headless Chromium: the route updates as the unit types (htmx), the unit files the
 * change, and the authority sees it with its baseline comparison.
 */
@GovItTest
class ChangePagesBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        browser.manage().window().setSize(new Dimension(1366, 1500));
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theRouteFollowsTheFormAndTheFiledChangeLeavesABaseline() throws IOException {
        Api api = new Api(port);
        String project = ApprovedProjects.underConstruction(api, "rst", 10_000_000, 12);
        assertThat(api.as("rst").post("projects/" + project + "/change-requests",
                ChangeApiIntegrationTests.change(800_000, 10_000_000, true, "PROVINCIAL_ORDER")).status()).isEqualTo(201);

        login("rst");
        browser.get(url("/projects/" + project + "/changes"));
        browser.findElement(By.id("adjustmentAmount")).sendKeys("900000");
        browser.findElement(By.id("newTotalInvestment")).sendKeys("10000000");
        browser.findElement(By.cssSelector("#reason option[value=TECHNICAL_OPTIMIZATION]")).click();
        chromium.waitFor().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=route]"), "data-route",
                "REAPPROVAL"));
        WebElement reasons = browser.findElement(By.cssSelector("[data-testid=reasons]"));
        assertThat(reasons.getText()).contains("第二十三条", "1,700,000");
        chromium.screenshot("change-assessment");

        WebElement amount = browser.findElement(By.id("adjustmentAmount"));
        amount.clear();
        amount.sendKeys("700000");
        chromium.waitFor().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=route]"), "data-route",
                "FILING"));
        browser.findElement(By.id("description")).sendKeys("根据业务发展需要调整统计报表模块。");
        chromium.click(By.cssSelector("[data-testid=file-change]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=requested]")));
        assertThat(browser.findElements(By.cssSelector("[data-baseline]"))).hasSize(3);
        chromium.screenshot("change-filed");

        chromium.click(By.cssSelector("form[action='/logout'] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.urlContains("/login"));
        login("szsj");
        browser.get(url("/projects/" + project + "/changes"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=acknowledge]"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("[data-testid=comparison]")).getText()).contains("2", "3");
        chromium.screenshot("change-authority");
    }

    private void login(String username) {
        chromium.signIn(url("/login"), username, Api.DEMO_PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
