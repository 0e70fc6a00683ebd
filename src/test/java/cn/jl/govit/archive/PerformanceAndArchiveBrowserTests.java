package cn.jl.govit.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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
 * The performance report and archive pages in a real headless Chromium (Chinese interface): the unit fills and
 * submits its annual report and registers a document to the archive and applies; the Archives Bureau records the
 * result from its queue. Screenshots of each page go to the build's {@code screenshots} folder.
 */
@GovItTest
class PerformanceAndArchiveBrowserTests {

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
    void theUnitReportsAndArchivesTheArchivesBureauAccepts() throws IOException {
        Api api = new Api(port);
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 24);
        String document = upload(api, project);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        login("rst");
        browser.get(url("/projects/" + project + "/performance-reports?lang=zh-CN"));
        chromium.click(By.cssSelector("[data-testid=draft] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=report-form]")));
        type("constructionProgress", "完成需求分析、系统设计，应用开发完成 60%，数据库部署完毕");
        type("plannedInvestment", "3000000");
        type("executedInvestment", "2500000");
        type("investmentExecution", "年度投资计划执行 83%，主要为软件开发合同进度款");
        type("trialRunEffect", "系统尚未投入试运行");
        type("problemsAndMeasures", "与社保核心系统接口联调滞后，已增派人员并调整计划");
        browser.findElement(By.name("u0.name")).sendKeys("省社会保险事业管理局");
        browser.findElement(By.name("u0.opinion")).sendKeys("同意报告内容，建议加快接口联调");
        browser.findElement(By.name("supervisionName")).sendKeys("吉林某工程监理有限公司");
        browser.findElement(By.name("supervisionOpinion")).sendKeys("进度基本符合计划，质量受控");
        chromium.screenshot("performance-report-form");
        chromium.click(By.cssSelector("[data-testid=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=submitted]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=report-status]")).getAttribute("data-status"))
                .isEqualTo("SUBMITTED");
        chromium.screenshot("performance-report-submitted");
        browser.get(url("/projects/" + project + "/performance-reports?lang=zh-CN"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=report-obligations] tr[data-year='" + year + "']"))
                .getAttribute("data-status")).isEqualTo("MET");
        chromium.screenshot("performance-reports");

        browser.get(url("/projects/" + project + "/archives?lang=zh-CN"));
        new Select(browser.findElement(By.id("categoryCode"))).selectByValue("AR-PROCUREMENT");
        new Select(browser.findElement(By.id("documentId"))).selectByValue(document);
        type("title", "应用软件开发合同");
        chromium.screenshot("archive-register");
        chromium.click(By.cssSelector("[data-testid=register] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=apply]")));
        chromium.click(By.cssSelector("[data-testid=apply] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=acceptance-status]"),
                "data-status", "PENDING"));
        logout();

        login("daj");
        browser.get(url("/archives/applications?lang=zh-CN"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-project='" + project + "']")));
        chromium.screenshot("archive-applications");
        chromium.click(By.cssSelector("tr[data-project='" + project + "'] a"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=record]")));
        chromium.click(By.id("result-FAILED"));
        type("opinion", "缺少监理文件和验收文件，请补充归档后重新申请");
        chromium.screenshot("archive-record");
        chromium.click(By.cssSelector("[data-testid=record] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=acceptance-status]"),
                "data-status", "FAILED"));
        chromium.screenshot("archive-failed");
        logout();

        Response state = api.as("rst").get("projects/" + project + "/archive-acceptance");
        assertThat(state.<List<String>>json("$.rounds[*].status")).containsExactly("FAILED");
        assertThat(api.as("rst").get("projects/" + project + "/performance-reports").<List<String>>json("$[*].status"))
                .containsExactly("SUBMITTED");
    }

    private void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String upload(Api api, String project) {
        String boundary = "govit-browser-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\nAM5\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contract.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + "合同 " + UUID.randomUUID() + "\r\n--" + boundary + "--\r\n";
        Response stored = api.as("rst").send(HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return stored.text("$.id");
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
