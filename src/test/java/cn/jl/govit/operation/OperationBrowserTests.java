package cn.jl.govit.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.AcceptedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * The operation page in a real headless Chromium (Chinese interface): the unit records a security assessment with
 * issues, an O&M contract and an O&M record through the page's forms; the approval authority reads the result.
 * Screenshots of the whole page go to the build's {@code screenshots} folder.
 */
@GovItTest
class OperationBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    Projects projects;

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
    void theUnitRecordsOperationAndTheAuthorityReadsIt() throws IOException {
        Api api = new Api(port);
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 4_200_000, 12);
        String report = upload(api, project);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Response mlps = api.as("rst").post("projects/" + project + "/mlps-records", Map.of("level", 3,
                "filingNumber", "22010013001-00042", "evaluatedOn", today.toString(), "evaluator", "吉林省等级保护测评中心",
                "score", 88.5, "conclusion", "BASICALLY_CONFORMING", "documentId", report));
        assertThat(mlps.status()).as(mlps.toString()).isEqualTo(201);

        login("rst");
        browser.get(url("/projects/" + project + "/operation?lang=zh-CN"));
        new Select(browser.findElement(By.id("assessment-kind"))).selectByValue("SECURITY");
        type("assessor", "吉林省信息安全测评中心");
        new Select(browser.findElement(By.id("result"))).selectByValue("PASS_WITH_ISSUES");
        type("findings", "发现弱口令两处，日志留存不足六个月，已制定整改计划");
        new Select(browser.findElement(By.id("assessment-document"))).selectByValue(report);
        chromium.click(By.cssSelector("[data-testid=assessment-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=schedule] tr[data-subject='SECURITY-1']"))
                .getAttribute("data-status")).isEqualTo("MET");
        assertThat(browser.findElement(By.cssSelector("[data-testid=schedule] tr[data-subject='SECURITY-2']"))
                .getAttribute("data-status")).isEqualTo("OPEN");

        type("contractor", "吉林祥云运维服务有限公司");
        type("contractNumber", "JLYW-2026-018");
        type("amount", "360000");
        date("startsOn", today.minusMonths(10));
        date("endsOn", today.plusDays(45));
        type("serviceLevel", "7×24 小时响应，重大故障 2 小时内到场");
        chromium.click(By.cssSelector("[data-testid=contract-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=renewal-flag]")));

        new Select(browser.findElement(By.id("recordKind"))).selectByValue("BACKUP_DRILL");
        new Select(browser.findElement(By.id("record-contract"))).selectByIndex(1);
        type("description", "季度数据备份恢复演练，恢复用时 12 分钟，数据完整");
        chromium.click(By.cssSelector("[data-testid=record-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=records] tr[data-kind=BACKUP_DRILL]")));
        chromium.fullPageScreenshot("operation-unit");
        logout();

        login("szsj");
        browser.get(url("/projects/" + project + "/operation?lang=zh-CN"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=assessment-form]"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-testid=assessments] tr[data-kind=SECURITY]"))
                .getAttribute("data-result")).isEqualTo("PASS_WITH_ISSUES");
        chromium.fullPageScreenshot("operation-authority");
        logout();

        assertThat(api.as("rst").get("projects/" + project + "/om-records").<List<String>>json("$.content[*].kind"))
                .containsExactly("BACKUP_DRILL");
    }


    private void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date input by script: typing into it follows the browser's locale format. */
    private void date(String id, LocalDate value) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id(id)), value.toString());
    }

    private String upload(Api api, String project) {
        String boundary = "govit-browser-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"assessment-report.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\n" + "安全风险评估报告 " + UUID.randomUUID() + "\r\n--" + boundary + "--\r\n";
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
