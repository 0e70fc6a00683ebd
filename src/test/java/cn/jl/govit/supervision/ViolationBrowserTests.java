package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * The Digital Bureau records a severe overrun through the project's violations page and refers it to the
 * discipline commission; Audit sees only misconduct in its form; the list shows the record. Whole-page screenshots
 * go to the build's {@code screenshots} folder.
 */
@GovItTest
class ViolationBrowserTests {

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
    void theAuthorityRecordsAndRefersAViolation() throws IOException {
        Api api = new Api(port);
        String project = ApprovedProjects.underConstruction(api, "rst", 3_000_000, 12);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // misconduct recorded by Audit earlier, withdrawn: it shows with its reason
        String earlier = api.as("sjt").post("projects/" + project + "/violations",
                Map.of("kind", "MISCONDUCT", "facts", "项目负责人涉嫌收受承建单位财物", "occurredOn", today)).text("$.id");
        api.as("sjt").post("violations/" + earlier + "/withdrawal", Map.of("reason", "经核查，反映问题不属实"));

        login("sjt");
        browser.get(url("/projects/" + project + "/violations"));
        assertThat(new Select(browser.findElement(By.id("kind"))).getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactly("MISCONDUCT");
        logout();

        login("szsj");
        browser.get(url("/projects/" + project + "/violations"));
        new Select(browser.findElement(By.id("kind"))).selectByValue("SEVERE_OVERRUN");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('occurredOn').value = arguments[0]", today);
        browser.findElement(By.id("facts")).sendKeys("实际支出超出批复概算 35%，未履行调整审批程序");
        chromium.click(By.cssSelector("[data-testid=record-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=violations] li[data-status=RECORDED]"))).hasSize(1);

        browser.findElement(By.cssSelector("[data-testid=violations] li[data-status=RECORDED] details summary")).click();
        browser.findElement(By.cssSelector("[data-testid=refer-form] input[name=referredTo]")).sendKeys("省纪委监委");
        browser.findElement(By.cssSelector("[data-testid=refer-form] textarea[name=matter]"))
                .sendKeys("项目单位擅自扩大建设规模、严重超概算，提请依纪依法处理");
        chromium.click(By.cssSelector("[data-testid=refer-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=referrals]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=referrals]")).getText()).contains("省纪委监委");
        assertThat(browser.findElement(By.cssSelector("[data-testid=withdrawn]")).getText()).contains("经核查，反映问题不属实");
        chromium.fullPageScreenshot("supervision-violations");

        browser.get(url("/violations"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=violations]")).getText()).contains("省纪委监委");
        chromium.fullPageScreenshot("supervision-violations-list");
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
