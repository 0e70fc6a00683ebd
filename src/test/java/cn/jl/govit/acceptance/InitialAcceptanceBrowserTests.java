package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * The acceptance overview page in a real headless Chromium (Chinese interface): the unit's initial acceptance is
 * refused with each missing special acceptance shown in place and its choices kept, then passes; the unit records a
 * stable trial run and applies for an extension, which the Digital Bureau approves on the same page.
 */
@GovItTest
class InitialAcceptanceBrowserTests {

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
    void theUnitAcceptsRecordsTheTrialRunAndTheAuthorityApprovesAnExtension() throws IOException {
        Api api = new Api(port);
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 12);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String report = upload(api, project, "初步验收报告.pdf", "AM9");
        Map<String, String> specials = new LinkedHashMap<>();
        for (String code : InitialAcceptanceIntegrationTests.REQUIRED) {
            specials.put(code, upload(api, project, code + " 专项验收报告.pdf", null));
        }

        login("rst");
        String page = url("/projects/" + project + "/acceptance?lang=zh-CN");
        browser.get(page);
        assertThat(browser.findElement(By.cssSelector("[data-testid=final-acceptance-link]")).getAttribute("href"))
                .endsWith("/projects/" + project + "/final-acceptance");
        new Select(browser.findElement(By.id("reportDocumentId"))).selectByValue(report);
        new Select(browser.findElement(By.id("special.SA-QUALITY"))).selectByValue(specials.get("SA-QUALITY"));
        chromium.click(By.cssSelector("[data-testid=initial-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=violations]")));
        List<String> items = browser.findElements(By.cssSelector("[data-testid=violations] li")).stream()
                .map(li -> li.getAttribute("data-item")).toList();
        assertThat(items).containsExactly("SA-ARCHIVES", "SA-SECURITY-RISK", "SA-CRYPTO", "SA-FINAL-ACCOUNTS", "SA-AUDIT");
        assertThat(new Select(browser.findElement(By.id("special.SA-QUALITY"))).getFirstSelectedOption().getAttribute("value"))
                .as("the choices are kept").isEqualTo(specials.get("SA-QUALITY"));
        tall();
        chromium.screenshot("acceptance-initial-refused");

        specials.forEach((code, doc) -> new Select(browser.findElement(By.id("special." + code))).selectByValue(doc));
        chromium.click(By.cssSelector("[data-testid=initial-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=project-status]")).getAttribute("data-status"))
                .isEqualTo("IN_ACCEPTANCE");
        assertThat(browser.findElements(By.cssSelector("[data-testid=initial-form]"))).isEmpty();

        type("startedOn", today.toString());
        type("stableSince", today.toString());
        chromium.click(By.cssSelector("[data-testid=trial-run-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=final-due]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=final-due]")).getText())
                .contains(today.plusMonths(6).toString());

        new Select(browser.findElement(By.id("kind"))).selectByValue("FINAL");
        type("newDate", today.plusMonths(8).toString());
        type("reasons", "密码应用安全性评估报告尚待出具，需延后申请竣工验收");
        chromium.click(By.cssSelector("[data-testid=extension-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=extensions] tr[data-status=PENDING]")));
        chromium.signOut();

        login("szsj");
        browser.get(page);
        WebElement decide = chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid^=decide-]")));
        decide.findElement(By.name("opinion")).sendKeys("同意延期");
        tall();
        chromium.screenshot("acceptance-authority");
        chromium.click(By.cssSelector("[data-testid^=decide-] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=extensions] tr[data-status=APPROVED]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=final-due]")).getText())
                .contains(today.plusMonths(8).toString());
        tall();
        chromium.screenshot("acceptance-overview");
        chromium.signOut();
    }

    /** A window tall enough that the screenshot shows the whole page. */
    private void tall() {
        browser.manage().window().setSize(new Dimension(1366, 2600));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        // date inputs take the digits in the browser's locale order; set the ISO value by script instead
        if ("date".equals(field.getAttribute("type"))) {
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, text);
        }
        else {
            field.sendKeys(text);
        }
    }

    private String upload(Api api, String project, String filename, String code) {
        String boundary = "govit-browser-boundary";
        String body = (code == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n"
                + code + "\r\n") + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename + "\"\r\nContent-Type: text/plain\r\n\r\n" + "报告 " + UUID.randomUUID() + "\r\n--" + boundary
                + "--\r\n";
        Response stored = api.as("rst").send(HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return stored.text("$.id");
    }

    private void login(String username) {
        browser.manage().window().setSize(new Dimension(1366, 768));
        chromium.signIn(url("/login?lang=zh-CN"), username, Api.DEMO_PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
