package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/** The two lists offer the Excel export with the filter that is shown, and the link downloads from the page session. */
@GovItTest
class ExportBrowserTests {

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
    void theListsLinkTheirExportWithTheFilterShown() throws Exception {
        chromium.signIn(url("/login"), "szsj", Api.DEMO_PASSWORD);
        browser.get(url("/projects?status=UNDER_CONSTRUCTION"));
        WebElement projects = browser.findElement(By.cssSelector("[data-testid=project-export]"));
        assertThat(projects.getText()).isEqualTo("导出 Excel");
        assertThat(projects.getAttribute("href")).contains("/projects/export.xlsx?status=UNDER_CONSTRUCTION");
        chromium.screenshot("export-project-list");

        browser.get(url("/obligations?status=OVERDUE"));
        WebElement obligations = browser.findElement(By.cssSelector("[data-testid=obligation-export]"));
        assertThat(obligations.getAttribute("href")).endsWith("/obligations/export.xlsx?status=OVERDUE");
        chromium.screenshot("export-obligation-list");

        browser.get(url("/projects?lang=en"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=project-export]")).getText()).isEqualTo("Export to Excel");
        chromium.screenshot("export-project-list-en");
        browser.get(url("/projects?lang=zh-CN"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
