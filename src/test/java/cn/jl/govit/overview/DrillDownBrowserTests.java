package cn.jl.govit.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * In a browser: an overview number followed to its list shows as many rows as it said, the project list's department
 * filter narrows the list and keeps the export link in step after the htmx swap, and the obligation list offers the
 * supervising body "raise a finding"; screenshots of each.
 */
@GovItTest
class DrillDownBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Projects projects;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        browser.manage().window().setSize(new Dimension(1366, 2700));
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aNumberOfTheOverviewOpensTheListWithThatManyRows() throws IOException {
        chromium.signIn(url("/login"), "szsj", Api.DEMO_PASSWORD);
        browser.get(url("/overview?lang=zh"));
        chromium.waitFor().until(ExpectedConditions.attributeToBeNotEmpty(
                browser.findElement(By.id("overview-charts")), "data-rendered"));
        for (WebElement details : browser.findElements(By.tagName("details"))) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].open = true", details);
        }
        chromium.screenshot("drilldown-overview");
        WebElement count = browser.findElement(By.cssSelector("[data-label-status='UNDER_CONSTRUCTION'] td.text-end a"));
        String expected = count.getText();
        count.click();
        chromium.waitFor().until(ExpectedConditions.urlContains("/projects?status=UNDER_CONSTRUCTION"));
        assertThat(browser.findElement(By.cssSelector("[data-testid='project-count']")).getText())
                .endsWith("共 " + expected + " 条");
    }

    @Test
    void theDepartmentFilterNarrowsTheProjectsAndTheExportFollows() throws IOException {
        chromium.signIn(url("/login"), "szsj", Api.DEMO_PASSWORD);
        browser.get(url("/projects?lang=zh"));
        String all = browser.findElement(By.cssSelector("[data-testid='project-count']")).getText();
        WebElement department = browser.findElement(By.id("department"));
        new org.openqa.selenium.support.ui.Select(department).selectByValue("RST");
        chromium.waitFor().until(ExpectedConditions.urlContains("department=RST"));
        chromium.waitFor().until(ExpectedConditions.attributeContains(
                By.cssSelector("[data-testid='project-export']"), "href", "department=RST"));
        assertThat(browser.findElements(By.cssSelector("[data-testid='project-table'] tbody tr td:nth-child(3)")))
                .isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo("省人力资源和社会保障厅"));
        assertThat(browser.findElement(By.cssSelector("[data-testid='project-count']")).getText()).isNotEqualTo(all);
        chromium.screenshot("drilldown-projects-rst");
    }

    @Test
    void aSupervisingBodyIsOfferedToRaiseAFindingOnAnOverdueObligation() throws IOException {
        String project = ApprovedProjects.underConstruction(new Api(port), "rst", 800_000, 12);
        assertThat(jdbc.sql("""
                UPDATE obligation SET status = 'OVERDUE', due_date = :due, version = version + 1
                WHERE project_id = :id AND type = 'INITIAL_ACCEPTANCE' AND status = 'OPEN'""")
                .param("due", projects.today().minusDays(1)).param("id", java.util.UUID.fromString(project)).update())
                .isEqualTo(1);
        chromium.signIn(url("/login"), "czt", Api.DEMO_PASSWORD);
        browser.get(url("/obligations?status=OVERDUE&department=RST&lang=zh"));
        List<WebElement> links = browser.findElements(By.cssSelector("[data-testid='raise-finding']"));
        assertThat(links).isNotEmpty().allSatisfy(link -> assertThat(link.getAttribute("href"))
                .matches(".*/projects/[0-9a-f-]{36}/findings\\?obligation=[0-9a-f-]{36}"));
        assertThat(links).anySatisfy(link -> assertThat(link.getAttribute("href")).contains("/projects/" + project + "/"));
        chromium.screenshot("drilldown-obligations-overdue");
        links.get(0).click();
        chromium.waitFor().until(ExpectedConditions.urlContains("/findings?obligation="));
        assertThat(browser.getCurrentUrl()).contains("/findings?obligation=");
    }

    /** Each test signs in as its own user: leave the session of the previous one. */
    @org.junit.jupiter.api.AfterEach
    void signOut() {
        browser.get(url("/"));
        if (!browser.findElements(By.cssSelector("form[action='/logout'] button[type=submit]")).isEmpty()) {
            chromium.signOut();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
