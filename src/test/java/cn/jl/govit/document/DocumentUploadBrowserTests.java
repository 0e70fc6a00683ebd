package cn.jl.govit.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/** The documents page in a browser: an upload by kind is stored with its detected type; a disguised file is refused in the form. */
@GovItTest
class DocumentUploadBrowserTests {

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
    void aDisguisedFileIsRefusedInTheFormNamingItsDetectedType() throws IOException {
        Api api = new Api(port);
        Map<String, Object> body = Api.proposal(Api.unique("文档上传页面"));
        body.put("participatingOrganizationCodes", List.of());
        String project = api.as("rst").post("projects", body).text("$.id");
        Path dir = Files.createTempDirectory("govit-upload-");
        Path text = Files.writeString(dir.resolve("整改情况说明.txt"), "整改情况说明：已完成", StandardCharsets.UTF_8);
        Path disguised = Files.write(dir.resolve("现场照片.png"), Archives.HTML);

        browser.manage().window().setSize(new Dimension(1366, 1100));
        chromium.signIn("http://localhost:" + port + "/login?lang=zh-CN", "rst", Api.DEMO_PASSWORD);
        browser.get("http://localhost:" + port + "/projects/" + project + "/documents?lang=zh-CN");
        browser.findElement(By.id("file")).sendKeys(text.toString());
        new Select(browser.findElement(By.id("kind"))).selectByValue("EVIDENCE");
        chromium.click(By.cssSelector("[data-testid=upload-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "整改情况说明.txt"));

        browser.findElement(By.id("file")).sendKeys(disguised.toString());
        new Select(browser.findElement(By.id("kind"))).selectByValue("EVIDENCE");
        chromium.click(By.cssSelector("[data-testid=upload-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=form-errors]")));

        assertThat(browser.findElement(By.cssSelector("[data-testid=form-errors]")).getText())
                .contains("现场照片.png", "text/html");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("text/plain");
        chromium.screenshot("document-upload-refused");
        chromium.signOut();
    }
}
