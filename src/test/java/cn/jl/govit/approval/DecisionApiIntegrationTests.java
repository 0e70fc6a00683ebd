package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import cn.jl.govit.document.signing.Sm2;
import cn.jl.govit.project.Stage;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * From a filed submission to the approval of the last stage through the API (Art. 9, 10, 13): the authority
 * draws a panel, the experts file their opinions, the authority decides, and the downloaded reply's SM2
 * signature verifies against the published key.
 */
@GovItTest
class DecisionApiIntegrationTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aSimpleProjectIsApprovedWithASignedReplyAndTheLastStageSetsTheEstimate() {
        String project = simpleProjectFiledForFeasibilityStudy();
        String submission = submissionOf(project);

        assertThat(api.as("szsj").get("me/awaiting-decision").<List<String>>json("$[*].submissionId")).contains(submission);
        assertThat(api.as("fgw").get("me/awaiting-decision").<List<String>>json("$[*].submissionId")).doesNotContain(submission);
        assertThat(api.as("rst").get("me/awaiting-decision").<List<Object>>json("$")).isEmpty();

        Response panel = api.as("szsj").post("submissions/" + submission + "/review-panel", Map.of("size", 3));
        assertThat(panel.status()).as(panel.toString()).isEqualTo(201);
        List<String> experts = panel.json("$.reviews[*].expertUsername");
        assertThat(experts).hasSize(3).doesNotContain("expert5");

        Response early = api.as("szsj").post("submissions/" + submission + "/decision", decision("APPROVED"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.<List<String>>json("$.violations[*].rule")).contains("ART-10");

        assertThat(api.as(experts.get(0)).get("submissions/" + submission).status()).isEqualTo(200);
        assertThat(api.as(experts.get(0)).get("projects/" + project).status()).isEqualTo(404);
        String outsider = List.of("expert1", "expert2", "expert3", "expert4").stream()
                .filter(e -> !experts.contains(e)).findFirst().orElseThrow();
        assertThat(api.as(outsider).get("submissions/" + submission).status()).isEqualTo(404);

        List<String> reviews = panel.json("$.reviews[*].id");
        for (int i = 0; i < reviews.size(); i++) {
            Response filed = api.as(experts.get(i)).send(HttpMethod.PUT, "reviews/" + reviews.get(i) + "/opinion",
                    MediaType.APPLICATION_JSON_VALUE, opinion(11_000_000 + i * 500_000));
            assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
        }
        Response report = api.as("szsj").get("submissions/" + submission + "/review-report");
        assertThat(report.status()).isEqualTo(200);
        assertThat((Boolean) report.json("$.complete")).isTrue();
        assertThat(report.<List<String>>json("$.reviews[*].expertUsername")).containsExactlyInAnyOrderElementsOf(experts);
        assertThat(report.<List<String>>json("$.reviews[*].status")).containsOnly("SUBMITTED");
        assertThat(report.<List<String>>json("$.reviews[*].opinion.conclusion")).containsOnly("APPROVE_WITH_CHANGES");

        Map<String, Object> noSharing = decision("APPROVED");
        noSharing.remove("sharingOpinion");
        Response refused = api.as("szsj").post("submissions/" + submission + "/decision", noSharing);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-13-4");
        assertThat(refused.text("$.violations[0].article")).isEqualTo("第十三条");

        assertThat(api.as("fgw").post("submissions/" + submission + "/decision", decision("APPROVED")).status()).isEqualTo(403);
        assertThat(api.as("rst").post("submissions/" + submission + "/decision", decision("APPROVED")).status()).isEqualTo(403);

        Response decided = api.as("szsj").post("submissions/" + submission + "/decision", decision("APPROVED"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        assertThat(decided.text("$.documentNumber")).matches("吉政数审〔\\d{4}〕\\d+号");
        assertThat(decided.text("$.signature.algorithm")).isEqualTo("SM2");
        assertThat(decided.text("$.documentUrl")).isEqualTo("/api/v1/decisions/" + decided.text("$.id") + "/document");
        assertThat(((Number) decided.json("$.investment.recommended")).longValue()).isEqualTo(11_500_000L);

        Response approved = api.as("rst").get("projects/" + project);
        assertThat(approved.text("$.status")).isEqualTo("APPROVED");
        assertThat(((Number) approved.json("$.approvedEstimate")).longValue()).isEqualTo(11_500_000L);

        assertThat(api.as("szsj").post("submissions/" + submission + "/decision", decision("APPROVED")).status())
                .isEqualTo(422);
        assertThat(api.as("szsj").get("me/awaiting-decision").<List<String>>json("$[*].submissionId")).doesNotContain(submission);

        byte[] pdf = RestClient.create().get().uri("http://localhost:" + port + decided.text("$.documentUrl"))
                .header("Authorization", basic("rst")).retrieve().body(byte[].class);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String pem = api.as("rst").get("signing-keys/SZSJ").text("$.publicKeyPem");
        byte[] signature = Base64.getDecoder().decode(decided.text("$.signature.value"));
        assertThat(Sm2.verify(Sm2.publicKeyFromPem(pem), pdf, signature)).isTrue();
        byte[] altered = pdf.clone();
        altered[altered.length / 2] ^= 1;
        assertThat(Sm2.verify(Sm2.publicKeyFromPem(pem), altered, signature)).isFalse();

        assertThat(api.as("jyt").get("decisions/" + decided.text("$.id")).status()).isEqualTo(404);
        assertThat(api.as("rst").get("projects/" + project + "/decisions").<List<String>>json("$[*].outcome"))
                .containsExactly("APPROVED");
    }

    @Test
    void aReturnedSubmissionCanBeRevisedAndFiledAgain() {
        String project = simpleProjectFiledForFeasibilityStudy();
        String submission = submissionOf(project);
        Map<String, Object> returned = decision("RETURNED");
        Response decided = api.as("szsj").post("submissions/" + submission + "/decision", returned);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        assertThat(api.as("rst").get("submissions/" + submission).text("$.status")).isEqualTo("RETURNED");
        assertThat(api.as("rst").post("submissions/" + submission + "/submit", Map.of()).status()).isEqualTo(200);
        Response second = api.as("szsj").post("submissions/" + submission + "/decision", decision("REJECTED"));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.text("$.documentNumber")).isNotEqualTo(decided.text("$.documentNumber"));
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("REJECTED");
    }

    @Test
    void anApprovalNeedsItsInvestmentAndPeriod() {
        String submission = submissionOf(simpleProjectFiledForFeasibilityStudy());
        Map<String, Object> body = decision("APPROVED");
        body.remove("approvedInvestment");
        body.remove("constructionPeriodMonths");
        Response refused = api.as("szsj").post("submissions/" + submission + "/decision", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<List<String>>json("$.errors[*].field"))
                .containsExactly("approvedInvestment", "constructionPeriodMonths");
    }

    private String simpleProjectFiledForFeasibilityStudy() {
        Map<String, Object> proposal = Api.proposal(Api.unique("设备购置"));
        proposal.put("inProvincialPlan", false);
        proposal.put("simpleOrEquipmentOnly", true);
        Response created = api.as("rst").post("projects", proposal);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String project = created.text("$.id");
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED")).status())
                .isEqualTo(200);
        Response prepared = api.as("rst").post("projects/" + project + "/submissions",
                SubmissionApiIntegrationTests.body(Stage.FEASIBILITY_STUDY, null));
        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(201);
        Response filed = api.as("rst").post("submissions/" + prepared.text("$.id") + "/submit", Map.of());
        assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
        return project;
    }

    private String submissionOf(String project) {
        return api.as("rst").get("projects/" + project + "/submissions").text("$[0].id");
    }

    private static Map<String, Object> decision(String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("approvedInvestment", 11_500_000);
        body.put("constructionPeriodMonths", 18);
        body.put("sharingOpinion", "参保人员信息纳入省级共享平台目录，按有条件共享开放。");
        body.put("opinion", "原则同意。");
        return body;
    }

    private static Map<String, Object> opinion(long recommended) {
        return Map.of("aspects", Map.of("NECESSITY", "必要", "TECHNICAL_FEASIBILITY_SECURITY", "可行、安全",
                        "INVESTMENT", "基本合理", "INFRASTRUCTURE_RESOURCES", "依托吉林祥云", "INFORMATION_SHARING", "共享分析充分"),
                "conclusion", "APPROVE_WITH_CHANGES", "recommendedInvestment", recommended);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":Demo@2026").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
