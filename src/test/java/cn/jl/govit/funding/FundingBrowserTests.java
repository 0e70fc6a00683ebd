package cn.jl.govit.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.HeadlessChromium;
import cn.jl.govit.support.GovItTest;

/** The funds page in a real browser: the funnel chart for Finance, a refused spending shown in place for the unit. */
@GovItTest
class FundingBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

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

    @Test
    void theFunnelIsDrawnAndARefusedSpendingCitesTheArticle() throws IOException {
        Api api = new Api(port);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String project = ApprovedProjects.underConstruction(api, "rst", 12_000_000, 18);
        String plan = api.as("czt").post("projects/" + project + "/fund-plans",
                Map.of("source", "DIGITAL_JILIN_FUND", "amount", 8_000_000, "issuedOn", today)).text("$.id");
        api.as("czt").post("projects/" + project + "/fund-plans/" + plan + "/disbursements",
                Map.of("amount", 6_000_000, "disbursedOn", today));
        api.as("rst").post("projects/" + project + "/spending",
                Map.of("amount", 4_200_000, "spentOn", today, "purpose", "云资源租用和应用开发", "contractReference", "JLRS-2026-008"));
        api.as("rst").post("projects/" + project + "/surplus-returns", Map.of("amount", 300_000, "returnedOn", today));
        api.as("rst").send(HttpMethod.PUT, "projects/" + project + "/level-shares", "application/json",
                Map.of("version", 0, "shares", List.of(
                        Map.of("level", "PROVINCIAL", "organization", "省人力资源和社会保障厅", "contentResponsibility",
                                "省级社保业务平台建设和数据汇聚", "amount", 8_000_000),
                        Map.of("level", "CITY", "organization", "长春市", "contentResponsibility", "市级业务系统对接",
                                "amount", 3_000_000),
                        Map.of("level", "COUNTY", "organization", "农安县", "contentResponsibility", "县级窗口终端部署",
                                "amount", 1_000_000))));

        browser.manage().window().setSize(new Dimension(1366, 2600));
        try {
            login("czt");
            browser.get(url("/projects/" + project + "/funds"));
            assertThat(browser.findElements(By.cssSelector("[data-testid=funnel] [data-figure]"))).hasSize(6);
            assertThat(browser.findElements(By.cssSelector("[data-testid=issue-plan]"))).hasSize(1);
            chromium.screenshot("funding-finance");
            logout();

            login("rst");
            browser.get(url("/projects/" + project + "/funds"));
            browser.findElement(By.id("spend-amount")).sendKeys("1800000.01");
            browser.findElement(By.id("spend-purpose")).sendKeys("终端设备采购");
            chromium.click(By.cssSelector("[data-testid=record-spending] button[type=submit]"));
            chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=violations]")));
            assertThat(browser.findElement(By.cssSelector("[data-testid=violations]")).getText()).contains("ART-21", "第二十一条");
            chromium.screenshot("funding-unit-refused");
            logout();
        }
        finally {
            browser.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    private void login(String username) {
        chromium.signIn(url("/login"), username, Api.DEMO_PASSWORD);
    }

    private void logout() {
        chromium.signOut();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
