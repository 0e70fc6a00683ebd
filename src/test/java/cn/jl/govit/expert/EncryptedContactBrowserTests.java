package cn.jl.govit.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/** The pool page in a real browser shows the experts' ID numbers and phones masked, never whole (issue 7.5). */
@GovItTest
class EncryptedContactBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePoolPageShowsMaskedContacts() throws IOException {
        chromium.signIn("http://localhost:" + port + "/login", "szsj", Api.DEMO_PASSWORD);
        browser.get("http://localhost:" + port + "/experts?lang=zh");
        String row = browser.findElement(By.cssSelector("tr[data-expert='expert1'] [data-testid='expert-contact']")).getText();
        assertThat(row).contains("220***********123X").contains("139****0001");
        assertThat(browser.getPageSource()).doesNotContain("22010219700101123X").doesNotContain("13904310001");
        chromium.screenshot("expert-pool-masked");
    }
}
