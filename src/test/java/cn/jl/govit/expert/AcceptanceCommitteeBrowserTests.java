package cn.jl.govit.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * The expert's acceptance assessment in a real headless Chromium (Chinese interface): the list, the snapshot of
 * the project and its materials, a refused opinion with the missing aspect in place, then the filed opinion.
 * Screenshots go to the build's {@code screenshots} folder.
 */
@GovItTest
class AcceptanceCommitteeBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    AcceptanceCommittees committees;

    @Autowired
    UserDetailsService users;

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
    void anExpertFilesTheAcceptanceAssessmentOpinion() throws IOException {
        AcceptanceCommittee committee = formCommittee();
        UUID assignment = AcceptanceCommitteesIntegrationTests.assignmentOf(committee, "expert1");

        chromium.signIn(url("/login?lang=zh-CN"), "expert1", Api.DEMO_PASSWORD);
        browser.get(url("/acceptance/reviews?lang=zh-CN"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-assignment='" + assignment + "']")));
        chromium.screenshot("expert-committee-list");
        chromium.click(By.cssSelector("tr[data-assignment='" + assignment + "'] a"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=opinion-form]")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=materials] tr[data-material]"))).hasSize(3);

        type("goalsAndScale", "建设目标、规模和内容均按批复完成，系统已上线运行。");
        type("investment", "批复概算 1200 万元，完成投资 1168 万元，完成率 97.3%，预期效益基本实现。");
        type("designSupervisionConstruction", "初步设计、监理日志、施工记录齐全，监理单位出具了质量评估报告。");
        type("procurement", "采用公开招标，招标文件、中标通知书、合同齐全，程序合规。");
        type("securityAndRisk", "通过网络安全等级保护三级测评，风险评估发现的 3 项问题均已整改。");
        type("archives", "项目档案已通过省档案局专项验收。");
        type("budgetAndAccounts", "概算执行良好，财务决算已经第三方审计。");
        chromium.click(By.id("conclusion1"));
        type("overallOpinion", "项目完成了批复的建设内容，建议通过竣工验收。");
        chromium.click(By.cssSelector("[data-testid=opinion-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=violations]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=violations] li")).getAttribute("data-item"))
                .isEqualTo("CRYPTOGRAPHY");
        assertThat(browser.findElement(By.cssSelector("[data-aspect=CRYPTOGRAPHY]")).isDisplayed()).isTrue();
        // a tall window, so that the screenshot shows the whole form with the violation in place
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 2300));
        chromium.screenshot("expert-committee-refused");

        type("cryptography", "通过商用密码应用安全性评估，评估结论为基本符合。");
        chromium.click(By.cssSelector("[data-testid=opinion-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=opinion]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=conclusion]")).getText()).isEqualTo("建议通过验收");
        chromium.screenshot("expert-committee-filed");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
        chromium.signOut();

        assertThat(committees.opinions(committee.applicationId())).hasSize(1);
    }

    private AcceptanceCommittee formCommittee() {
        UserDetails approver = users.loadUserByUsername("szsj");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(approver, null, approver.getAuthorities()));
        try {
            return committees.name(new CommitteeRequest(UUID.randomUUID(), UUID.randomUUID(),
                    "JL-2026-0107", "吉林省社会保障卡一卡通服务平台",
                    List.of(new MaterialRef("AM1", "项目竣工验收申请函", UUID.randomUUID(),
                                    "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
                            new MaterialRef("AM9", "项目初步验收报告", UUID.randomUUID(),
                                    "9f2c8d6b0a1e4c3f7d5b2a8e6c4f1d3b5a7e9c2d4f6b8a0c1e3d5f7a9b2c4d6e"),
                            new MaterialRef("AM14.1", "网络安全等级保护测评报告", UUID.randomUUID(), null)),
                    Set.of("RST")), List.of("expert1", "expert4"));
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
