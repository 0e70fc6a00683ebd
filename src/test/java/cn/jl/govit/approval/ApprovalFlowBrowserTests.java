package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import cn.jl.govit.document.signing.Sm2;
import cn.jl.govit.project.Stage;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/**
 * Issue 3 item 7 in a real headless Chromium: a department files a feasibility study, the authority draws a
 * panel, the experts file their opinions (one through the expert pages), the authority approves on the decision
 * page, and the signed reply's SM2 signature verifies against the published key. The browser set-up is the one
 * of {@code ProjectPagesBrowserTests}.
 */
@GovItTest
class ApprovalFlowBrowserTests {

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
    void aFeasibilityStudyIsFiledReviewedAndApprovedWithASignedReply() throws IOException {
        Api api = new Api(port);

        // 1. rst prepares the submission through the API and files it in the browser
        Map<String, Object> proposal = Api.proposal(Api.unique("设备购置（浏览器）"));
        proposal.put("inProvincialPlan", false);
        proposal.put("simpleOrEquipmentOnly", true);
        Response created = api.as("rst").post("projects", proposal);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String project = created.text("$.id");
        Response mode = api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED"));
        assertThat(mode.status()).as(mode.toString()).isEqualTo(200);
        Response prepared = api.as("rst").post("projects/" + project + "/submissions",
                SubmissionApiIntegrationTests.body(Stage.FEASIBILITY_STUDY, null));
        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(201);
        String submission = prepared.text("$.id");

        login("rst");
        browser.get(url("/submissions/" + submission));
        chromium.click(By.cssSelector("[data-testid=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=submitted]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=submission-status]")).getText()).isEqualTo("已申报");
        chromium.screenshot("approval-submitted");
        logout();

        // 2. szsj draws a panel of 3 on the decision page
        login("szsj");
        browser.get(url("/submissions/" + submission + "/decision"));
        WebElement size = browser.findElement(By.id("size"));
        size.clear();
        size.sendKeys("3");
        chromium.click(By.cssSelector("[data-testid=draw-panel] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=panel-drawn]")));
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=reviews] tbody tr"));
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.getDomAttribute("data-status")).isEqualTo("OPEN"));
        List<String> experts = rows.stream().map(r -> r.findElement(By.cssSelector("td.font-monospace")).getText()).toList();
        chromium.screenshot("approval-panel");
        logout();

        // 3. the first expert files in the browser, the others through the API
        Response report = api.as("szsj").get("submissions/" + submission + "/review-report");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.<List<Object>>json("$.reviews")).as(report.toString()).hasSize(3);
        // The report's reviews carry no fields over JSON (ExpertReview is a class with record-style accessors,
        // which Jackson does not see), so the experts come from the decision page and the review ids from
        // each expert's own list.
        List<String> reviews = experts.stream().map(e -> {
            Response mine = api.as(e).get("me/reviews");
            assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
            List<String> ids = mine.json("$[?(@.submissionId == '" + submission + "')].id");
            assertThat(ids).as(mine.toString()).hasSize(1);
            return ids.get(0);
        }).toList();

        login(experts.get(0));
        browser.get(url("/reviews"));
        assertThat(browser.findElements(By.cssSelector("a[href='/reviews/" + reviews.get(0) + "']"))).isNotEmpty();
        browser.get(url("/reviews/" + reviews.get(0)));
        browser.findElement(By.id("necessity")).sendKeys("必要");
        browser.findElement(By.id("technicalFeasibilitySecurity")).sendKeys("可行、安全");
        browser.findElement(By.id("investment")).sendKeys("基本合理");
        browser.findElement(By.id("infrastructureResources")).sendKeys("依托吉林祥云");
        browser.findElement(By.id("informationSharing")).sendKeys("共享分析充分");
        chromium.click(By.cssSelector("[data-testid=opinion-form] input[name=conclusion][value=APPROVE_WITH_CHANGES]"));
        browser.findElement(By.id("recommendedInvestment")).sendKeys("11000000");
        chromium.click(By.cssSelector("[data-testid=opinion-form] button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=opinion]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=review-status]")).getText()).isEqualTo("已提交");
        chromium.screenshot("approval-expert-opinion");
        logout();

        for (int i = 1; i < reviews.size(); i++) {
            Response filed = api.as(experts.get(i)).send(HttpMethod.PUT, "reviews/" + reviews.get(i) + "/opinion",
                    MediaType.APPLICATION_JSON_VALUE, opinion(11_000_000 + i * 500_000));
            assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
        }

        // 4. szsj approves on the decision page
        login("szsj");
        browser.get(url("/submissions/" + submission + "/decision"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=panel-complete]"))).hasSize(1);
        chromium.click(By.cssSelector("[data-testid=decision-form] input[name=outcome][value=APPROVED]"));
        browser.findElement(By.id("approvedInvestment")).sendKeys("11500000");
        browser.findElement(By.id("constructionPeriodMonths")).sendKeys("18");
        browser.findElement(By.id("sharingOpinion")).sendKeys("参保人员信息纳入省级共享平台目录，按有条件共享开放。");
        browser.findElement(By.id("opinion")).sendKeys("原则同意。");
        chromium.click(By.cssSelector("[data-testid=decide]"));
        chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=decided]")));
        String number = browser.findElement(By.cssSelector("[data-testid=document-number]")).getText();
        assertThat(number).matches("吉政数审〔\\d{4}〕\\d+号");
        assertThat(browser.findElement(By.cssSelector("[data-testid=decided]")).getText()).contains(number);
        chromium.screenshot("approval-decided");
        logout();

        // 5. the reply's SM2 signature verifies against the published key; the project is approved
        Response decisions = api.as("rst").get("projects/" + project + "/decisions");
        assertThat(decisions.status()).as(decisions.toString()).isEqualTo(200);
        assertThat(decisions.<List<String>>json("$[*].outcome")).containsExactly("APPROVED");
        assertThat(decisions.text("$[0].documentNumber")).isEqualTo(number);
        String decision = decisions.text("$[0].id");
        byte[] pdf = RestClient.create().get().uri(url("/api/v1/decisions/" + decision + "/document"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("rst:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .retrieve().body(byte[].class);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String pem = api.as("rst").get("signing-keys/SZSJ").text("$.publicKeyPem");
        byte[] signature = Base64.getDecoder().decode(decisions.text("$[0].signature.value"));
        assertThat(Sm2.verify(Sm2.publicKeyFromPem(pem), pdf, signature)).isTrue();
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("APPROVED");
    }

    private void login(String username) {
        chromium.signIn(url("/login"), username, Api.DEMO_PASSWORD);
    }

    private void logout() {
        chromium.signOut();
    }

    private static Map<String, Object> opinion(long recommended) {
        return Map.of("aspects", Map.of("NECESSITY", "必要", "TECHNICAL_FEASIBILITY_SECURITY", "可行、安全",
                        "INVESTMENT", "基本合理", "INFRASTRUCTURE_RESOURCES", "依托吉林祥云", "INFORMATION_SHARING", "共享分析充分"),
                "conclusion", "APPROVE_WITH_CHANGES", "recommendedInvestment", recommended);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}
