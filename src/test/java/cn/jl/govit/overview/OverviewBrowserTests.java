package cn.jl.govit.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * The overview page in a real headless Chromium: the charts fetch the API and draw on canvases, and the numbers stay
 * readable in the tables under them.
 */
@GovItTest
class OverviewBrowserTests {

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
    void theChartsRenderFromTheApi() throws IOException {
        chromium.signIn(url("/login"), "szsj", Api.DEMO_PASSWORD);
        browser.get(url("/overview?lang=zh"));
        chromium.waitFor().until(ExpectedConditions.attributeToBeNotEmpty(
                browser.findElement(By.id("overview-charts")), "data-rendered"));
        assertThat(browser.findElement(By.id("overview-charts")).getAttribute("data-rendered")).isEqualTo("true");
        for (String chart : List.of("status", "department", "funnel")) {
            List<WebElement> canvases = browser.findElements(By.cssSelector("[data-chart='" + chart + "'] canvas"));
            assertThat(canvases).as(chart).isNotEmpty();
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("全省总览");
        assertThat(browser.findElement(By.cssSelector("[data-testid='kpi-projects']")).getText()).matches("\\d+");
        chromium.screenshot("overview");

        browser.get(url("/overview?lang=en"));
        chromium.waitFor().until(ExpectedConditions.attributeToBeNotEmpty(
                browser.findElement(By.id("overview-charts")), "data-rendered"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Province-wide overview");
        chromium.screenshot("overview-en");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
