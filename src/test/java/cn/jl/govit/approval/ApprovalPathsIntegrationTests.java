package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.project.Stage;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * The whole approval through the API for each path type of Art. 9 and both authorities of Art. 5: every stage of the
 * derived path is submitted, passes its formal review and is approved in turn; the last approval sets the approved
 * estimate, and each reply carries its authority's number.
 */
@GovItTest
class ApprovalPathsIntegrationTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @ParameterizedTest(name = "{0} approved by {2}")
    @CsvSource({
            "STANDARD,  DIGITAL_JILIN_FUND, szsj, 'PROPOSAL FEASIBILITY_STUDY PRELIMINARY_DESIGN', 吉政数审",
            "IN_PLAN,   DIGITAL_JILIN_FUND, szsj, 'FEASIBILITY_STUDY PRELIMINARY_DESIGN',          吉政数审",
            "EMERGENCY, DIGITAL_JILIN_FUND, szsj, 'PRELIMINARY_DESIGN',                            吉政数审",
            "SIMPLE,    DIGITAL_JILIN_FUND, szsj, 'FEASIBILITY_STUDY',                             吉政数审",
            "IN_PLAN,   CENTRAL_BUDGET,     fgw,  'FEASIBILITY_STUDY PRELIMINARY_DESIGN',          吉发改审批"})
    void everyStageOfTheDerivedPathIsApprovedInTurn(String pathType, String funding, String authority, String stages,
            String numberPrefix) {
        Map<String, Object> proposal = Api.proposal(Api.unique("审批路径-" + pathType));
        proposal.put("inProvincialPlan", pathType.equals("IN_PLAN"));
        proposal.put("emergency", pathType.equals("EMERGENCY") ? "SOCIAL_SAFETY" : null);
        proposal.put("simpleOrEquipmentOnly", pathType.equals("SIMPLE"));
        proposal.put("fundingSources", List.of(Map.of("source", funding, "amount", 12000000)));
        Response created = api.as("rst").post("projects", proposal);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String project = created.text("$.id");
        assertThat(created.text("$.approvalPath.type")).isEqualTo(pathType);
        assertThat(created.<List<String>>json("$.approvalPath.stages")).containsExactly(stages.split(" "));
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED")).status())
                .isEqualTo(200);

        List<String> numbers = new ArrayList<>();
        String[] path = stages.split(" ");
        for (int i = 0; i < path.length; i++) {
            Stage stage = Stage.valueOf(path[i]);
            Map<String, Object> body = SubmissionApiIntegrationTests.body(stage, null);
            body.put("attachments", uploaded(project, (List<?>) body.get("attachments")));
            if (pathType.equals("EMERGENCY")) {
                List<Object> chapters = new ArrayList<>((List<?>) body.get("chapters"));
                chapters.add(Map.of("code", "EM1", "content", "社会安全事件处置急需"));
                chapters.add(Map.of("code", "EM2", "content", "技术方案成熟可行"));
                body.put("chapters", chapters);
            }
            Response prepared = api.as("rst").post("projects/" + project + "/submissions", body);
            assertThat(prepared.status()).as(stage + " " + prepared).isEqualTo(201);
            String submission = prepared.text("$.id");
            Response filed = api.as("rst").post("submissions/" + submission + "/submit", Map.of());
            assertThat(filed.status()).as(stage + " " + filed).isEqualTo(200);
            assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_APPROVAL");

            String other = authority.equals("szsj") ? "fgw" : "szsj";
            assertThat(api.as(other).post("submissions/" + submission + "/decision", decision(11_000_000 - i)).status())
                    .isEqualTo(403);
            Response decided = api.as(authority).post("submissions/" + submission + "/decision", decision(11_000_000 - i));
            assertThat(decided.status()).as(stage + " " + decided).isEqualTo(201);
            numbers.add(decided.text("$.documentNumber"));
        }

        Response approved = api.as("rst").get("projects/" + project);
        assertThat(approved.text("$.status")).isEqualTo("APPROVED");
        assertThat(((Number) approved.json("$.approvedEstimate")).longValue()).isEqualTo(11_000_000L - (path.length - 1));
        assertThat(numbers).hasSize(path.length).doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(n).startsWith(numberPrefix + "〔").endsWith("号"));
        assertThat(api.as("rst").get("projects/" + project + "/decisions").<List<String>>json("$[*].stage"))
                .containsExactly(path);
    }

    /** The attachments of the outline, each a document really uploaded for the project (PA1–PA5 of a proposal). */
    private List<Map<String, Object>> uploaded(String project, List<?> attachments) {
        List<Map<String, Object>> stored = new ArrayList<>();
        for (Object attachment : attachments) {
            String code = (String) ((Map<?, ?>) attachment).get("code");
            String boundary = "govit-" + java.util.UUID.randomUUID();
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n" + code
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + code
                    + ".txt\"\r\nContent-Type: text/plain\r\n\r\n" + code + " 附件内容\r\n--" + boundary + "--\r\n";
            Response upload = api.as("rst").send(org.springframework.http.HttpMethod.POST, "projects/" + project + "/documents",
                    "multipart/form-data; boundary=" + boundary, multipart.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
            stored.add(Map.of("code", code, "documentId", upload.text("$.id")));
        }
        return stored;
    }

    private static Map<String, Object> decision(long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", "APPROVED");
        body.put("approvedInvestment", amount);
        body.put("constructionPeriodMonths", 18);
        body.put("sharingOpinion", "信息资源纳入省级共享平台目录。");
        body.put("opinion", "同意。");
        return body;
    }
}
