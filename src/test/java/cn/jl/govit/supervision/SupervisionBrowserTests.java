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
import org.openqa.selenium.Dimension;
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
 * Finance raises a funds finding through the project's findings page (only its own area is offered), the unit
 * answers it through the page, Finance sees the review form; the list shows the finding. Whole-page screenshots go
 * to the build's {@code screenshots} folder.
 */
@GovItTest
class SupervisionBrowserTests {

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
    void financeRaisesTheUnitAnswersFinanceReviews() throws IOException {
        Api api = new Api(port);
        String project = ApprovedProjects.underConstruction(api, "rst", 3_000_000, 12);
        // an earlier finding of Audit, withdrawn, shows with its reason
        String audit = api.as("sjt").post("projects/" + project + "/findings",
                Map.of("area", "LEGALITY", "facts", "招标文件设置排他性条款")).text("$.id");
        api.as("sjt").post("findings/" + audit + "/withdrawal", Map.of("reason", "经复核，条款符合规定"));

        login("czt");
        browser.get(url("/projects/" + project + "/findings"));
        Select area = new Select(browser.findElement(By.id("area")));
        assertThat(area.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("FUNDS");
        browser.findElement(By.id("facts")).sendKeys("专项资金存在超范围列支，未按资金计划支付");
        chromium.click(By.cssSelector("[data-testid=raise-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=findings] li[data-status=OPEN]"))).hasSize(1);
        logout();

        login("rst");
        browser.get(url("/projects/" + project + "/findings"));
        browser.findElement(By.cssSelector("[data-testid=findings] li[data-status=OPEN] details summary")).click();
        browser.findElement(By.cssSelector("[data-testid=rectify-form] textarea[name=summary]"))
                .sendKeys("已调整列支科目，并按资金计划完成支付");
        chromium.click(By.cssSelector("[data-testid=rectify-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=findings] li[data-status=RECTIFIED]"))).hasSize(1);
        logout();

        login("czt");
        browser.get(url("/projects/" + project + "/findings"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=review-form]"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-testid=withdrawn]")).getText()).contains("经复核，条款符合规定");
        fullPage("supervision-findings");
        browser.get(url("/findings"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=findings]")).getText()).contains(
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        fullPage("supervision-list");
        logout();
    }

    /** The whole page, not only the first screen: the window grows to the document's height for the shot. */
    private void fullPage(String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        Object height = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), ((Number) height).intValue() + 100));
        chromium.screenshot(name);
        browser.manage().window().setSize(before);
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
