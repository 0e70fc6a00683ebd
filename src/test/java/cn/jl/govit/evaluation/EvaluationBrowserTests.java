package cn.jl.govit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import cn.jl.govit.support.MutableClock;

/**
 * The evaluation pages in a real headless Chromium (Chinese interface): once the window opened, the unit submits its
 * self-evaluation through the page's form; the authority reads it, finds the post-evaluation and the finding it
 * raised and the unit's rectification to review; the evaluations list shows the report. Whole-page screenshots go
 * to the build's {@code screenshots} folder.
 */
@GovItTest
class EvaluationBrowserTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    Projects projects;

    @Autowired
    MutableClock clock;

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theUnitSubmitsItsSelfEvaluationAndTheAuthorityActsOnTheResults() throws IOException {
        Api api = new Api(port);
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 2_980_000, 12);
        String document = upload(api, project);
        String waiting = AcceptedProjects.inOperation(api, runAs, projects, "jyt", 1_600_000, 12);
        LocalDate opens = LocalDate.now(ZONE).plusMonths(12);
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(ZONE), opens)));

        login("rst");
        browser.get(url("/projects/" + project + "/evaluation?lang=zh-CN"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=window-state]")).getAttribute("data-state"))
                .isEqualTo("OPEN");
        type("goalsAchieved", "社保经办业务全部上线，建设目标全部实现");
        type("investmentAndBenefits", "总投资 298 万元，年节约经办人工约 20 人");
        type("operationAndUse", "系统运行稳定，日均访问 3 万人次，可用率 99.9%");
        type("sharingAndIntegration", "向省共享平台共享参保信息等 12 类数据");
        type("problemsAndMeasures", "移动端适配不足，计划下一年度优化");
        new Select(browser.findElement(By.id("documentId"))).selectByValue(document);
        chromium.click(By.cssSelector("[data-testid=self-evaluation-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=report-status]")).getAttribute("data-status"))
                .isEqualTo("SUBMITTED");
        assertThat(browser.findElements(By.cssSelector("[data-testid=self-evaluation-form]"))).isEmpty();
        logout();

        String today = opens.toString();
        Response post = api.as("szsj").post("projects/" + project + "/post-evaluations", Map.of("evaluator",
                "吉林省工程咨询研究院", "commissionedOn", today, "scope", "建设目标、投资效益、运行及信息共享情况"));
        String postId = post.text("$.id");
        assertThat(api.as("szsj").post("post-evaluations/" + postId + "/report", Map.of("reportedOn", today,
                "conclusion", "FAIR", "summary", "目标基本实现；数据共享范围不足，移动端体验欠佳", "documentId", document))
                .status()).isEqualTo(200);
        Response finding = api.as("szsj").post("projects/" + project + "/findings", Map.of("source",
                "EVALUATION", "sourceRef", postId, "facts", "扩大共享数据范围，接入省级移动政务平台"));
        assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
        assertThat(api.as("rst").post("findings/" + finding.text("$.id") + "/rectification",
                Map.of("rectifiedOn", today, "summary", "已新增共享 5 类数据并完成移动端接入")).status()).isEqualTo(200);

        login("szsj");
        browser.get(url("/projects/" + project + "/evaluation?lang=zh-CN"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=decision-form]"))).hasSize(1);
        // the finding shows here; it is reviewed in the one findings flow, on the project's findings page
        assertThat(browser.findElement(By.cssSelector("[data-testid=findings] li[data-id='" + finding.text("$.id") + "']"))
                .getAttribute("data-status")).isEqualTo("RECTIFIED");
        assertThat(browser.findElements(By.cssSelector("[data-testid=review-form]"))).isEmpty();
        chromium.fullPageScreenshot("evaluation-authority");
        type("decision-opinion", "自评价内容完整，同意");
        chromium.click(By.cssSelector("[data-testid=decision-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=report-status]")).getAttribute("data-status"))
                .isEqualTo("ACCEPTED");

        browser.get(url("/projects/" + project + "/findings?lang=zh-CN"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=findings] li[data-id='" + finding.text("$.id")
                + "'] [data-testid=source]")).getAttribute("data-source")).isEqualTo("EVALUATION");
        assertThat(browser.findElements(By.cssSelector("[data-testid=review-form]"))).hasSize(1);

        browser.get(url("/evaluations?lang=zh-CN"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=reports] tr[data-project='" + project + "']")))
                .hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-testid=windows] tr[data-project='" + waiting + "']"))
                .getAttribute("data-state")).isEqualTo("OPEN");
        chromium.fullPageScreenshot("evaluation-list");
        logout();

        login("rst");
        browser.get(url("/projects/" + project + "/evaluation?lang=zh-CN"));
        chromium.fullPageScreenshot("evaluation-unit");
        logout();
        assertThat(api.as("rst").get("projects/" + project + "/self-evaluations").<List<String>>json("$[*].status"))
                .containsExactly("ACCEPTED");
    }


    private void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String upload(Api api, String project) {
        String boundary = "govit-browser-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"self-evaluation.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\n" + "项目自评价报告 " + UUID.randomUUID() + "\r\n--" + boundary + "--\r\n";
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
