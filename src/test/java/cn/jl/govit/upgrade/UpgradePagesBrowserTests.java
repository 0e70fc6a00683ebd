package cn.jl.govit.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.AcceptedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * The upgrade pages in a real headless Chromium (Art. 29): the route follows the unit's ticks (htmx), the unit files
 * an upgrade of a system that does not share, the Digital Bureau records the joint review, the Leading Group finds it
 * first in its list and approves it, and the unit creates the upgrade project.
 */
@GovItTest
class UpgradePagesBrowserTests {

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
        browser.manage().window().setSize(new Dimension(1366, 1400));
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void fromTheUnitsRequestThroughTheJointReviewAndTheLeadingGroupToTheUpgradeProject() throws IOException {
        Api api = new Api(port);
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 3_000_000, 12);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        chromium.signIn(url("/login"), "rst", Api.DEMO_PASSWORD);
        browser.get(url("/projects/" + project + "/upgrades"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=route]")).getAttribute("data-route"))
                .isEqualTo("JOINT_REVIEW");
        chromium.click(By.id("shareable"));
        browser.findElement(By.id("catalogueCode")).sendKeys("JL-XT-2026-0012");
        chromium.waitFor().ignoring(StaleElementReferenceException.class).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=route]"), "data-route",
                "NORMAL_APPROVAL"));
        chromium.waitFor().ignoring(StaleElementReferenceException.class).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=reasons]"), "JL-XT-2026-0012"));
        chromium.click(By.id("shareable"));
        chromium.waitFor().ignoring(StaleElementReferenceException.class).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=route]"), "data-route",
                "JOINT_REVIEW"));
        browser.findElement(By.id("title")).sendKeys("Certificate sharing interface");
        browser.findElement(By.id("reasons")).sendKeys("The workload grew; the system must link to the certificate store.");
        browser.findElement(By.id("scope")).sendKeys("Database expansion and a new interface.");
        browser.findElement(By.id("estimatedInvestment")).sendKeys("1200000");
        browser.findElement(By.id("constructionPeriodMonths")).sendKeys("6");
        chromium.screenshot("upgrade-request");
        chromium.click(By.cssSelector("[data-testid=submit-upgrade]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=requested]")));
        String detail = browser.getCurrentUrl();
        assertThat(browser.findElement(By.cssSelector("[data-testid=status]")).getAttribute("data-status"))
                .isEqualTo("SUBMITTED");
        assertThat(browser.findElements(By.cssSelector("[data-testid=create-project]"))).isEmpty();
        chromium.signOut();

        chromium.signIn(url("/login"), "szsj", Api.DEMO_PASSWORD);
        browser.get(detail);
        setDate("reviewedOn", today);
        browser.findElement(By.cssSelector("#departments option[value=WXB]")).click();
        browser.findElement(By.id("opinion")).sendKeys("Retain and upgrade; support.");
        chromium.click(By.cssSelector("[data-testid=record-joint-review]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=reviewed]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=status]")).getAttribute("data-status"))
                .isEqualTo("AWAITING_LEADING_GROUP");
        assertThat(browser.findElements(By.cssSelector("[data-testid=decision-form]"))).isEmpty();
        chromium.signOut();

        chromium.signIn(url("/login"), "ldxz", Api.DEMO_PASSWORD);
        browser.get(url("/upgrades"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=upgrades] tbody tr")).getAttribute("data-status"))
                .isEqualTo("AWAITING_LEADING_GROUP");
        chromium.screenshot("upgrade-list");
        browser.get(detail);
        setDate("decidedOn", today);
        browser.findElement(By.cssSelector("#verdict option[value=APPROVED]")).click();
        browser.findElement(By.id("decisionOpinion")).sendKeys("Approved.");
        chromium.screenshot("upgrade-leading-group");
        chromium.click(By.cssSelector("[data-testid=record-decision]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=decided]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=status]")).getAttribute("data-status"))
                .isEqualTo("APPROVED");
        assertThat(browser.findElement(By.cssSelector("[data-testid=verdict]")).getText()).isEqualTo("批准");
        chromium.signOut();

        chromium.signIn(url("/login"), "rst", Api.DEMO_PASSWORD);
        browser.get(detail);
        chromium.click(By.cssSelector("[data-testid=create-project]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=project-created]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=open-upgrade-project]")).getAttribute("href"))
                .contains("/projects/");
        chromium.screenshot("upgrade-detail");
    }

    private void setDate(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id,
                value);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
