package cn.jl.govit.construction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;
import cn.jl.govit.support.MutableClock;

/**
 * The construction page in real Chromium, months into construction: planned against actual milestones, the
 * contract budget warned, and the platform's delay flag; screenshots for the unit and the authority.
 */
@GovItTest
class ConstructionBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    DelayFlags delayFlags;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        browser.manage().window().setSize(new Dimension(1366, 3000));
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theUnitSeesPlannedAgainstActualAndTheAuthorityItsActions() throws IOException {
        Api api = new Api(port);
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String project = ApprovedProjects.underConstruction(api, "rst", 1_000_000, 12);
        String base = "projects/" + project + "/";
        api.as("rst").send(org.springframework.http.HttpMethod.PUT, base + "legal-person", "application/json",
                Map.of("name", "吉林省人力资源和社会保障信息中心", "legalRepresentative", "王明", "unifiedSocialCreditCode", "12220000MB1234567X"));
        api.as("rst").send(org.springframework.http.HttpMethod.PUT, base + "supervision-contractor", "application/json",
                Map.of("name", "长春信息工程监理有限公司", "contractReference", "JLJL-2026-018"));
        Response procured = api.as("rst").post(base + "procurements", Map.of("method", "PUBLIC_TENDER",
                "subject", "社保业务协同平台开发", "budgetAmount", 650000, "supplier", "吉林数字科技有限公司",
                "announcedOn", start.toString(), "awardedOn", start.toString()));
        assertThat(procured.status()).as(procured.toString()).isEqualTo(201);
        api.as("rst").post(base + "contracts", Map.of("contractor", "吉林数字科技有限公司", "subject", "平台开发",
                "kind", "CONSTRUCTION", "amount", 600000, "signedOn", start.toString(), "procurementId", procured.text("$.id")));
        api.as("rst").post(base + "contracts", Map.of("contractor", "长春信息工程监理有限公司", "subject", "工程监理",
                "kind", "SUPERVISION", "amount", 320000, "signedOn", start.toString()));
        String[][] plan = {{"需求确认", "1"}, {"系统联调", "3"}, {"试运行", "8"}, {"初步验收", "11"}};
        String first = null;
        for (String[] m : plan) {
            Response planned = api.as("rst").post(base + "milestones",
                    Map.of("name", m[0], "plannedOn", start.plusMonths(Long.parseLong(m[1])).toString()));
            assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
            first = first == null ? planned.text("$.id") : first;
        }
        try {
            clock.advance(Duration.ofDays(140));
            LocalDate now = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
            assertThat(api.as("rst").post(base + "milestones/" + first + "/reached",
                    Map.of("reachedOn", start.plusMonths(1).plusDays(12).toString())).status()).isEqualTo(200);
            assertThat(api.as("rst").post(base + "progress-reports", Map.of("periodStart", start.toString(),
                    "periodEnd", start.plusMonths(3).minusDays(1).toString(), "percentComplete", 35,
                    "workDone", "完成需求确认和总体设计，开发完成 40%。", "problems", "接口规范待人社部确认。",
                    "nextSteps", "完成系统联调。")).status()).isEqualTo(201);
            delayFlags.check(now.plusMonths(3).plusDays(10));

            login("rst");
            browser.get(url("/projects/" + project + "/construction"));
            chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=milestones]")));
            assertThat(browser.findElements(By.cssSelector("[data-testid=milestones] tr[data-state=late]"))).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("[data-testid=milestones] tr[data-state=overdue]"))).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("[data-testid=delay-flag]"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("[data-testid=budget-warning]"))).hasSize(1);
            chromium.screenshot("construction-unit");
            browser.get(url("/projects/" + project + "/construction?lang=en"));
            chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=milestones]")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Construction");
            chromium.screenshot("construction-unit-en");
            browser.get(url("/projects/" + project + "/construction?lang=zh-CN"));
            logout();

            login("szsj");
            browser.get(url("/projects/" + project + "/construction#incidents"));
            chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=order-form]")));
            assertThat(browser.findElements(By.cssSelector("[data-testid=contract-form]"))).isEmpty();
            chromium.screenshot("construction-authority");
            logout();
        }
        finally {
            clock.reset();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void login(String username) {
        chromium.signIn(url("/login"), username, Api.DEMO_PASSWORD);
    }

    private void logout() {
        chromium.signOut();
    }
}
