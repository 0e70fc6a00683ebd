package cn.jl.govit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

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

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * Issue 4 item 9 in a real headless Chromium: the department starts construction of its approved project, records a
 * contract, files its annual performance report (Art. 20) and assesses changes at exactly 15 % of the approved
 * estimate (filing) and one cent above (re-approval, Art. 23), the route updating as it types.
 */
@GovItTest
class ConstructionPhaseBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        browser.manage().window().setSize(new Dimension(1366, 2400));
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aDepartmentStartsRecordsAContractReportsAndAssessesChanges() throws IOException {
        Api api = new Api(port);
        // 13 months: at least one 31 December lies inside the period, so one annual report is due (Art. 20)
        String project = ApprovedProjects.approved(api, "rst", 10_000_000, 13);
        login("rst");

        // 1. start construction on the construction page (the start date defaults to today)
        browser.get(url("/projects/" + project + "/construction"));
        chromium.click(By.cssSelector("[data-testid=start-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=contract-form]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=started-on]")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("UNDER_CONSTRUCTION");

        // 2. record a contract of 9,000,000 yuan: 90 % of the estimate, so the page warns (Art. 21)
        browser.findElement(By.id("contractor")).sendKeys("吉林数字科技有限公司");
        browser.findElement(By.id("contract-subject")).sendKeys("社保业务协同平台开发");
        new Select(browser.findElement(By.id("kind"))).selectByValue("CONSTRUCTION");
        browser.findElement(By.id("amount")).sendKeys("9000000");
        chromium.click(By.cssSelector("[data-testid=contract-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=contracts]"), "吉林数字科技有限公司"));
        assertThat(browser.getPageSource()).contains("ART-21");
        chromium.screenshot("phase-contract-recorded");
        assertThat(((Number) api.as("rst").get("projects/" + project + "/contract-budget").json("$.contractedTotal"))
                .longValue()).isEqualTo(9_000_000L);

        // the project page loads planned against actual from the construction module
        browser.get(url("/projects/" + project));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=construction-summary]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=summary-milestones]")).isDisplayed()).isTrue();
        chromium.screenshot("phase-project-page");

        // 3. draft, fill and submit the annual performance report of the year that is due
        browser.get(url("/projects/" + project + "/performance-reports"));
        chromium.click(By.cssSelector("[data-testid=draft] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=report-form]")));
        browser.findElement(By.id("constructionProgress")).sendKeys("完成需求确认与总体设计，平台开发完成 40%。");
        browser.findElement(By.id("plannedInvestment")).sendKeys("3000000");
        browser.findElement(By.id("executedInvestment")).sendKeys("2600000");
        browser.findElement(By.id("investmentExecution")).sendKeys("投资计划执行率 86.7%，合同款按进度支付。");
        browser.findElement(By.id("trialRunEffect")).sendKeys("尚未进入试运行。");
        browser.findElement(By.id("problemsAndMeasures")).sendKeys("接口规范待人社部确认，已建立周例会机制。");
        browser.findElement(By.name("u0.name")).sendKeys("省社会保险事业管理局");
        browser.findElement(By.name("u0.opinion")).sendKeys("建设进度符合预期。");
        browser.findElement(By.name("supervisionName")).sendKeys("长春信息工程监理有限公司");
        browser.findElement(By.name("supervisionOpinion")).sendKeys("质量、进度受控。");
        chromium.click(By.cssSelector("[data-testid=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=submitted]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=report-status]")).getDomAttribute("data-status"))
                .isEqualTo("SUBMITTED");
        chromium.screenshot("phase-performance-report");
        List<String> met = api.as("rst").get("projects/" + project + "/obligations")
                .json("$[?(@.type == 'PERFORMANCE_REPORT')].status");
        assertThat(met).contains("MET");

        // 4. assess changes on the changes page: exactly 15 % is filed, one cent more needs re-approval (Art. 23)
        browser.get(url("/projects/" + project + "/changes"));
        new Select(browser.findElement(By.id("reason"))).selectByValue("TECHNICAL_OPTIMIZATION");
        type(By.id("newTotalInvestment"), "10000000");
        type(By.id("adjustmentAmount"), "1500000");
        chromium.waitFor().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=route]"), "data-route", "FILING"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=reasons]")).getText()).contains("第二十三条");
        chromium.screenshot("phase-change-filing");

        type(By.id("adjustmentAmount"), "1500000.01");
        chromium.waitFor().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=route]"), "data-route", "REAPPROVAL"));
        WebElement reasons = browser.findElement(By.cssSelector("[data-testid=reasons]"));
        assertThat(reasons.getText()).contains("ART-23-2");
        chromium.screenshot("phase-change-reapproval");

        // the assessment changed nothing
        assertThat(api.as("rst").get("projects/" + project + "/change-requests").<List<Object>>json("$.content")).isEmpty();
        assertThat(((Number) api.as("rst").get("projects/" + project).json("$.approvedEstimate")).longValue())
                .isEqualTo(10_000_000L);
    }

    private void type(By field, String value) {
        WebElement input = browser.findElement(field);
        input.clear();
        input.sendKeys(value);
    }

    private void login(String username) {
        chromium.signIn(url("/login"), username, Api.DEMO_PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
