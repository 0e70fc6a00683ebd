package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.AcceptedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.MutableClock;
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
        chromium.fullPageScreenshot("supervision-findings");
        browser.get(url("/findings"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=findings]")).getText()).contains(
                LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        chromium.fullPageScreenshot("supervision-list");
        logout();
    }

    /**
     * One findings flow: the Digital Bureau's rectification opinion on a post-evaluation and Audit's finding citing
     * an overdue obligation (opened from the link the obligations list gives, form prefilled) show side by side on
     * the project's findings page, each with its source.
     */
    @Test
    void findingsFromAnEvaluationAndFromAnOverdueObligationShowWithTheirSources() throws IOException {
        Api api = new Api(port);
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 2_600_000, 12);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String post = api.as("szsj").post("projects/" + project + "/post-evaluations", Map.of("evaluator",
                "吉林省工程咨询研究院", "commissionedOn", today, "scope", "建设目标、投资效益、运行及信息共享情况")).text("$.id");
        String boundary = "govit-browser-boundary";
        String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"post-evaluation.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\n" + "后评价报告 " + java.util.UUID.randomUUID() + "\r\n--" + boundary + "--\r\n";
        String document = api.as("rst").send(org.springframework.http.HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + boundary, upload.getBytes(java.nio.charset.StandardCharsets.UTF_8)).text("$.id");
        assertThat(api.as("szsj").post("post-evaluations/" + post + "/report", Map.of("reportedOn", today,
                "conclusion", "FAIR", "summary", "目标基本实现，移动端使用率偏低", "documentId", document)).status()).isEqualTo(200);
        assertThat(api.as("szsj").post("projects/" + project + "/findings", Map.of("source", "EVALUATION", "sourceRef", post,
                "facts", "移动端使用率偏低，须于六个月内完成适老化改造并推广")).status()).isEqualTo(201);
        String lapsed = api.as("czt").post("projects/" + project + "/findings", Map.of("area", "FUNDS",
                "facts", "运维经费未按合同支付", "rectificationDue", today)).text("$.obligationSubject");
        String obligation = api.as("rst").get("projects/" + project + "/obligations").<java.util.List<String>>json(
                "$[?(@.type == 'RECTIFICATION' && @.subject == '" + lapsed + "')].id").get(0);
        clock.advance(Duration.ofDays(1));
        try {
            login("sjt");
            browser.get(url("/projects/" + project + "/findings?obligation=" + obligation + "&lang=zh-CN"));
            assertThat(new Select(browser.findElement(By.id("sourceRef"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo(obligation);
            assertThat(browser.findElement(By.id("facts")).getAttribute("value")).contains(lapsed, today);
            chromium.click(By.cssSelector("[data-testid=raise-form] button[type=submit]"));
            chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
            assertThat(browser.findElements(By.cssSelector("[data-testid=findings] [data-testid=source]")))
                    .extracting(e -> e.getAttribute("data-source"))
                    .containsExactlyInAnyOrder("OBLIGATION", "DIRECT", "EVALUATION");
            assertThat(browser.findElement(By.cssSelector("[data-testid=sanctions-link]")).getAttribute("href"))
                    .endsWith("/projects/" + project + "/sanctions");
            chromium.fullPageScreenshot("supervision-findings-sources");
            browser.get(url("/findings?source=EVALUATION"));
            assertThat(browser.findElement(By.cssSelector("[data-testid=findings]")).getText()).contains("评价整改意见");
            logout();
        }
        finally {
            clock.reset();
        }
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
