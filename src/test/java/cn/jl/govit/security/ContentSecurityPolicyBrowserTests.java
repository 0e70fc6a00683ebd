package cn.jl.govit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * Issue 7 point 6 in a real browser: with the nonce-based Content-Security-Policy the pages still work (the
 * overview's ECharts canvases draw from the API, htmx searches and swaps the project list, the error page's
 * back link is a script file), and the browser reports no policy violation on any of them. A listener for
 * {@code securitypolicyviolation}, installed through the DevTools protocol before any page script runs, records
 * every violation; the control at the end proves that it does, and that an injected inline script is blocked.
 */
@GovItTest
class ContentSecurityPolicyBrowserTests {

    private static final String RECORDER = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + "  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);"
            + "});";

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        browser.manage().window().setSize(new Dimension(1366, 1200));
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePagesWorkUnderThePolicyWithoutAViolation() throws IOException {
        browser.get(url("/login"));
        assertThat(violations()).as("login page").isEmpty();
        chromium.signIn(url("/login"), "szsj", Api.DEMO_PASSWORD);
        assertThat(violations()).as("home page").isEmpty();

        // ECharts: the charts fetch the API and draw on canvases
        browser.get(url("/overview?lang=zh"));
        chromium.waitFor().until(ExpectedConditions.attributeToBeNotEmpty(
                browser.findElement(By.id("overview-charts")), "data-rendered"));
        for (String chart : List.of("status", "department", "funnel")) {
            assertThat(browser.findElements(By.cssSelector("[data-chart='" + chart + "'] canvas"))).as(chart).isNotEmpty();
        }
        assertThat(violations()).as("overview").isEmpty();
        chromium.screenshot("security-csp-overview");

        // htmx: typing in the search swaps the result list in place and pushes the URL
        browser.get(url("/projects"));
        browser.findElement(By.id("q")).sendKeys("zz-no-such-project-h18");
        chromium.waitFor().until(ExpectedConditions.urlContains("q=zz-no-such-project-h18"));
        chromium.waitFor().until(d -> !d.findElement(By.id("project-results")).getText().isBlank());
        assertThat((Boolean) script("return window.htmx !== undefined && htmx.config.allowEval === false")).isTrue();
        assertThat(violations()).as("project list with an htmx search").isEmpty();

        // the error page: its back link runs from /js/history-back.js, not from a javascript: URL
        browser.get(url("/overview"));
        browser.get(url("/no-such-page-h18"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=error-status]")).getText()).isEqualTo("404");
        chromium.click(By.cssSelector("[data-history-back]"));
        chromium.waitFor().until(ExpectedConditions.urlContains("/overview"));
        assertThat(violations()).as("error page and its back link").isEmpty();
    }

    @Test
    void anInjectedInlineScriptIsBlockedAndReported() {
        browser.get(url("/login"));
        script("var s = document.createElement('script'); s.textContent = 'window.__injected = true;';"
                + "document.body.appendChild(s);");
        chromium.waitFor().until(d -> !violations().isEmpty());
        assertThat((Object) script("return window.__injected === true")).isEqualTo(false);
        assertThat(violations()).anySatisfy(v -> assertThat(v).startsWith("script-src"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations() {
        Object list = script("return window.__cspViolations || null");
        assertThat(list).as("the violation recorder is installed").isNotNull();
        return (List<String>) list;
    }

    private static Object script(String source) {
        return ((JavascriptExecutor) browser).executeScript(source);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
