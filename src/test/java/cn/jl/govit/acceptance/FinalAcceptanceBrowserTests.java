package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.expert.AcceptanceCommittees;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * Issue 5 in a real headless Chromium: the construction unit submits its final acceptance application on the page
 * with one material missing, reads the refusal naming it (Art. 26, Annex 4), adds it and submits; the approval
 * authority forms the committee on the page and, once the experts' opinions are in and the archives passed
 * (Art. 24), decides PASSED: the project is in operation.
 */
@GovItTest
class FinalAcceptanceBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    Projects projects;

    @Autowired
    TrialRuns trialRuns;

    @Autowired
    AcceptanceCommittees committees;

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
    void theUnitAppliesWithAMissingMaterialThenCompleteAndTheAuthorityPassesIt() throws IOException {
        Api api = new Api(port);
        FinalAcceptanceSetUp setUp = new FinalAcceptanceSetUp(api, runAs, projects, trialRuns, committees);
        String project = setUp.ready();
        // every material uploaded with its code (so the page preselects it) except the trial-run report
        setUp.materials(project, FinalAcceptanceIntegrationTests.SOFTWARE_NOT_CLASSIFIED.stream()
                .filter(code -> !code.equals("AM7") && !code.equals("AM9")).toList());
        String trialRunReport = setUp.upload(project, "trial-run-report.txt", null);

        login("rst");
        browser.get(url("/projects/" + project + "/final-acceptance"));
        assertThat(row("AM13.1").getDomAttribute("data-applicability")).isEqualTo("REQUIRED");
        // the software switch re-renders the checklist: without software the five documents do not apply
        chromium.click(By.id("softwareDeveloped"));
        chromium.waitFor().until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-code='AM13.1']"),
                "data-applicability", "NOT_APPLICABLE"));
        chromium.click(By.id("softwareDeveloped"));
        chromium.waitFor().until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-code='AM13.1']"),
                "data-applicability", "REQUIRED"));
        assertThat(new Select(browser.findElement(By.id("material.AM1"))).getFirstSelectedOption().getText()).contains("AM1");

        chromium.click(By.cssSelector("[data-testid=apply-submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=violations]")));
        List<String> items = browser.findElements(By.cssSelector("[data-testid=violations] li")).stream()
                .map(li -> li.getDomAttribute("data-item")).toList();
        assertThat(items).containsExactly("AM7");
        assertThat(browser.findElement(By.cssSelector("[data-testid=violations]")).getText()).contains("ART-26", "AM7");
        chromium.screenshot("acceptance-final-refused");

        new Select(browser.findElement(By.id("material.AM7"))).selectByValue(trialRunReport);
        // the other selections were kept through the refusal
        assertThat(new Select(browser.findElement(By.id("material.AM1"))).getFirstSelectedOption().getText()).contains("AM1");
        chromium.click(By.cssSelector("[data-testid=apply-submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=final-status]")).getDomAttribute("data-status"))
                .isEqualTo("PENDING");
        chromium.signOut();

        // the authority sees it in its queue and forms the committee on the page
        login("szsj");
        browser.get(url("/acceptance/applications"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=final-applications] tr[data-project='" + project + "']")))
                .hasSize(1);
        chromium.screenshot("acceptance-final-queue");
        browser.findElement(By.cssSelector("[data-testid=final-applications] tr[data-project='" + project + "'] a")).click();
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=form-committee]")));
        chromium.click(By.cssSelector("[data-testid=form-committee] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=committee]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=committee] tbody tr"))).hasSize(3);

        // the experts file their opinions and the Archives Bureau passes the archives (API)
        UUID application = UUID.fromString(api.as("szsj").get("projects/" + project + "/final-acceptance")
                .text("$.applications[0].id"));
        setUp.everyExpertFiles(application);
        setUp.archivesAccepted(project);

        browser.get(url("/projects/" + project + "/final-acceptance"));
        assertThat(browser.findElement(By.cssSelector("[data-condition='6']")).getDomAttribute("data-status")).isEqualTo("MET");
        browser.findElement(By.id("opinion")).sendKeys("项目建设目标、内容均已完成，同意通过竣工验收。");
        chromium.screenshot("acceptance-final-authority");
        chromium.click(By.cssSelector("[data-testid=decide-submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=done]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=project-status]")).getDomAttribute("data-status"))
                .isEqualTo("IN_OPERATION");
        assertThat(browser.findElement(By.cssSelector("[data-testid=final-status]")).getDomAttribute("data-status"))
                .isEqualTo("PASSED");
        chromium.screenshot("acceptance-final-passed");
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_OPERATION");
    }

    private WebElement row(String code) {
        return browser.findElement(By.cssSelector("tr[data-code='" + code + "']"));
    }

    private void login(String username) {
        chromium.signIn(url("/login"), username, Api.DEMO_PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
