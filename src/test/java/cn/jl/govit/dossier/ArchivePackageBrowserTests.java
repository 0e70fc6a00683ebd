package cn.jl.govit.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/** The archive package page in a browser: a tampered package uploaded for verification shows what was changed. */
@GovItTest
class ArchivePackageBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

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
    void aTamperedPackageUploadedOnThePageShowsTheChangedEntry() throws Exception {
        Api api = new Api(port);
        String project = ApprovedProjects.approved(api, "rst", 900_000, 12);
        String base = "http://localhost:" + port;
        chromium.signIn(base + "/login", "rst", Api.DEMO_PASSWORD);

        browser.get(base + "/projects/" + project + "/archive-package");
        assertThat(browser.findElement(By.cssSelector("[data-testid=archive-package-download]")).getAttribute("href"))
                .endsWith("/projects/" + project + "/archive-package/download");
        chromium.screenshot("dossier-archive-package");

        // the page's download, fetched as the same user through the API, then one byte changed in the metadata
        java.net.http.HttpResponse<byte[]> exported = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/projects/" + project + "/archive-package"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString(("rst:" + Api.DEMO_PASSWORD).getBytes()))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(exported.statusCode()).isEqualTo(200);
        Path tampered = Files.write(dir.resolve("tampered.zip"), TestPackages.edit(exported.body(), m -> {
            m.put("metadata/project.json", TestPackages.flipByte(m.get("metadata/project.json")));
            return m;
        }));

        browser.findElement(By.id("package-file")).sendKeys(tampered.toString());
        chromium.click(By.cssSelector("[data-testid=archive-package-verify-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=verification-result]")));

        assertThat(browser.findElement(By.cssSelector("[data-valid]")).getAttribute("data-valid")).isEqualTo("false");
        assertThat(browser.findElement(By.cssSelector("[data-group=changed]")).getText()).contains("metadata/project.json");
        chromium.screenshot("dossier-verification-tampered");
    }
}
