package cn.jl.govit.project.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * A department's staff member proposes a project in a real headless Chromium: signs in, fills the form, lands on
 * the project, and reads the approval path the measures give it, with the article that says why. The pages are
 * Chinese unless the user switches, whatever language the browser asks for.
 */
@GovItTest
class ProjectPagesBrowserTests {

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
    void departmentProposesAProjectAndSeesItsDerivedApprovalPath() throws IOException {
        browser.get(url("/login"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        assertThat(browser.getTitle()).contains("政务信息化项目全生命周期管理平台");
        chromium.screenshot("login");

        browser.findElement(By.id("username")).sendKeys("rst");
        browser.findElement(By.id("password")).sendKeys("Demo@2026");
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=current-user]")));
        // the name always shows; the organisation shows beside it on wide screens and in its title on narrower ones
        assertThat(browser.findElement(By.cssSelector("[data-testid=current-user]")).getText()).contains("人社厅项目专员");
        assertThat(browser.findElement(By.cssSelector("[data-testid=current-user]")).getDomAttribute("title"))
                .contains("人社厅项目专员").contains("省人力资源和社会保障厅");

        browser.get(url("/projects/new"));
        String name = "就业创业服务平台（浏览器测试 " + System.nanoTime() + "）";
        browser.findElement(By.id("name")).sendKeys(name);
        chromium.click(By.cssSelector("input[name=categories][value=BUSINESS_SYSTEM]"));
        browser.findElement(By.id("summary")).sendKeys("建设全省统一的就业创业公共服务平台。");
        chromium.click(By.cssSelector("input[name=participatingOrganizationCodes][value=WJW]"));
        browser.findElement(By.id("estimatedInvestment")).sendKeys("3000000");
        browser.findElement(By.id("constructionPeriodMonths")).sendKeys("12");
        new Select(browser.findElement(By.id("fundingSources0.source"))).selectByValue("DIGITAL_JILIN_FUND");
        browser.findElement(By.id("fundingSources0.amount")).sendKeys("3000000");
        chromium.click(By.cssSelector("input[name=inProvincialPlan][type=checkbox]"));
        chromium.screenshot("new-project");
        chromium.click(By.cssSelector("[data-testid=new-project-form] button[type=submit]"));

        chromium.waitFor().until(ExpectedConditions.urlMatches("/projects/[0-9a-f-]{36}$"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=project-name]")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.cssSelector("[data-testid=created]")).getText()).startsWith("项目已创建");
        assertThat(browser.findElement(By.cssSelector("[data-testid=project-status]")).getText()).isEqualTo("草稿");
        assertThat(browser.findElement(By.cssSelector("[data-testid=path-type]")).getText()).startsWith("规划内项目");

        List<WebElement> stages = browser.findElements(By.cssSelector("[data-testid=path-stages] li"));
        assertThat(stages).extracting(s -> s.getDomAttribute("data-stage"))
                .containsExactly("PROPOSAL", "FEASIBILITY_STUDY", "PRELIMINARY_DESIGN");
        assertThat(stages).extracting(s -> s.getDomAttribute("data-on-path")).containsExactly("false", "true", "true");
        assertThat(stages).extracting(s -> s.findElement(By.className("govit-step-name")).getText())
                .containsExactly("项目建议书", "可行性研究报告", "初步设计方案和投资概算");

        WebElement reason = browser.findElement(By.cssSelector("[data-testid=path-reasons] li[data-rule='ART-9-1']"));
        assertThat(reason.getText()).contains("ART-9-1").contains("第九条").contains("全省政务信息化建设规划");
        assertThat(browser.findElement(By.cssSelector("[data-testid=authority] [data-rule='ART-5']")).getText())
                .contains("第五条");
        assertThat(browser.findElement(By.cssSelector("[data-testid=estimate]")).getText()).isEqualTo("3,000,000.00 元");
        assertThat(browser.findElement(By.cssSelector("[data-testid=history]")).getText()).contains("提出项目");
        chromium.screenshot("project-detail");
        String detail = browser.getCurrentUrl();

        browser.get(detail + "?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElements(By.cssSelector("[data-testid=path-stages] .govit-step-name")))
                .extracting(WebElement::getText)
                .containsExactly("Project proposal", "Feasibility study report", "Preliminary design and budget estimate");
        browser.get(detail + "?lang=zh-CN");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");

        browser.get(url("/projects?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(browser.findElements(By.cssSelector("[data-testid=project-table] tbody tr"))).hasSize(1);
        chromium.screenshot("project-list");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
