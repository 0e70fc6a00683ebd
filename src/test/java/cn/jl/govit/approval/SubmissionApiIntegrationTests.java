package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jl.govit.project.Stage;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/** Submissions through the REST API: prepare, edit, import Word, file, formal review, scope, roles, versions. */
@GovItTest
class SubmissionApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Submissions submissions;

    @Autowired
    UserDetailsService userDetails;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theConstructionUnitFilesACompleteFeasibilityStudyAndTheProjectEntersApproval() {
        String project = inPlanProject(List.of());
        decideMode(project);
        Response created = api.as("rst").post("projects/" + project + "/submissions", body(Stage.FEASIBILITY_STUDY, null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("$.id");
        assertThat(created.headers().getLocation()).hasToString("/api/v1/submissions/" + id);
        assertThat(created.text("$.status")).isEqualTo("DRAFT");
        assertThat((Boolean) created.json("$.formalReview.passed")).isTrue();

        Response submitted = api.as("rst").post("submissions/" + id + "/submit", null);

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.text("$.status")).isEqualTo("SUBMITTED");
        assertThat((Integer) submitted.json("$.revision")).isEqualTo(1);
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_APPROVAL");
        assertThat(api.as("rst").get("submissions/" + id + "/versions").<List<Integer>>json("$[*].revision"))
                .containsExactly(1);
        assertThat(api.as("rst").get("projects/" + project + "/submissions").<List<String>>json("$[*].id"))
                .containsExactly(id);
        assertThat(api.as("szsj").get("audit-events?projectId=" + project + "&size=50").<List<String>>json("$.content[*].action"))
                .contains("SUBMISSION_PREPARED", "SUBMISSION_SUBMITTED", "STAGE_SUBMITTED");

        Response again = put(api.as("rst"), "submissions/" + id + "/chapters/FS1", Map.of("content", "再改"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.<List<String>>json("$.violations[*].rule")).containsExactly("ART-9");
    }

    @Test
    void aSubmissionWithoutTheSharingChapterIsRefusedCitingArticle13() {
        String project = inPlanProject(List.of());
        decideMode(project);
        String id = created(api.as("rst").post("projects/" + project + "/submissions",
                body(Stage.FEASIBILITY_STUDY, "FS4.4")));

        assertThat(api.as("rst").get("submissions/" + id).<List<String>>json("$.formalReview.violations[*].item"))
                .containsExactly("FS4.4");
        Response refused = api.as("rst").post("submissions/" + id + "/submit", null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.<List<String>>json("$.violations[*].item")).containsExactly("FS4.4");
        assertThat(refused.text("$.violations[0].rule")).isEqualTo("ART-13-2");
        assertThat(refused.text("$.violations[0].article")).isEqualTo("第十三条");
        assertThat(refused.text("$.violations[0].message")).contains("第十三条", "政务信息资源目录和政务信息资源共享方案");
        assertThat(api.as("rst").english().post("submissions/" + id + "/submit", null).text("$.violations[0].message"))
                .contains("Government information resource catalogue and sharing plan");
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("DRAFT");
        assertThat(api.as("rst").get("submissions/" + id).text("$.status")).isEqualTo("DRAFT");

        Response sharingNotApplicable = put(api.as("rst"), "submissions/" + id + "/chapters/FS4.4",
                Map.of("notApplicable", "不涉及共享"));
        assertThat(sharingNotApplicable.status()).isEqualTo(200);
        assertThat(sharingNotApplicable.text("$.formalReview.violations[0].rule")).isEqualTo("ART-13-2");
    }

    @Test
    void filingBeforeTheConstructionModeIsDecidedIsRefusedWithArt7AlongsideTheMissingItems() {
        String project = inPlanProject(List.of());
        String id = created(api.as("rst").post("projects/" + project + "/submissions",
                body(Stage.FEASIBILITY_STUDY, "FS2")));

        Response refused = api.as("rst").post("submissions/" + id + "/submit", null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-7", "ART-9");
        assertThat(refused.<List<String>>json("$.violations[*].item")).containsExactly("constructionMode", "FS2");
    }

    @Test
    void aStageOffThePathOrTwiceIsRefused() {
        String project = inPlanProject(List.of());
        Map<String, Object> proposalBody = body(Stage.PROPOSAL, null);
        Response unknownDocuments = api.as("rst").post("projects/" + project + "/submissions", proposalBody);
        assertThat(unknownDocuments.status()).as(unknownDocuments.toString()).isEqualTo(400);
        assertThat(unknownDocuments.<List<String>>json("$.errors[*].field")).contains("attachments[0].documentId");

        proposalBody.put("attachments", List.of());
        Response proposal = api.as("rst").post("projects/" + project + "/submissions", proposalBody);
        assertThat(proposal.status()).as(proposal.toString()).isEqualTo(422);
        assertThat(proposal.text("$.violations[0].rule")).isEqualTo("ART-9");

        created(api.as("rst").post("projects/" + project + "/submissions", body(Stage.FEASIBILITY_STUDY, null)));
        Response twice = api.as("rst").post("projects/" + project + "/submissions", body(Stage.FEASIBILITY_STUDY, null));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.text("$.violations[0].item")).isEqualTo("stage");
    }

    @Test
    void participantsReadButDoNotEditAndOthersSeeNothing() {
        String project = inPlanProject(List.of("WJW"));
        String id = created(api.as("rst").post("projects/" + project + "/submissions", body(Stage.FEASIBILITY_STUDY, null)));

        assertThat(api.as("wjw").get("submissions/" + id).status()).isEqualTo(200);
        assertThat(put(api.as("wjw"), "submissions/" + id + "/chapters/FS1", Map.of("content", "x")).status()).isEqualTo(403);
        assertThat(put(api.as("wjw"), "submissions/" + id, body(Stage.FEASIBILITY_STUDY, null)).status()).isEqualTo(403);
        assertThat(api.as("wjw").post("submissions/" + id + "/submit", null).status()).isEqualTo(403);
        assertThat(api.as("wjw").post("projects/" + project + "/submissions", body(Stage.FEASIBILITY_STUDY, null)).status())
                .isEqualTo(403);
        assertThat(api.as("jyt").get("submissions/" + id).status()).isEqualTo(404);
        assertThat(put(api.as("jyt"), "submissions/" + id + "/chapters/FS1", "{not json").status()).isEqualTo(404);
        assertThat(api.as("jyt").get("projects/" + project + "/submissions").status()).isEqualTo(404);
        assertThat(api.as("jyt").post("submissions/" + id + "/submit", null).status()).isEqualTo(404);
        assertThat(put(api.as("wjw"), "submissions/" + id + "/chapters/FS1", "{not json").status()).isEqualTo(403);
    }

    @Test
    void theFirstSubmissionOfACrossDepartmentProjectAsksForXd1ToXd4() {
        String project = inPlanProject(List.of("WJW"));
        String id = created(api.as("rst").post("projects/" + project + "/submissions", body(Stage.FEASIBILITY_STUDY, null)));

        assertThat(api.as("rst").get("submissions/" + id).<List<String>>json("$.formalReview.violations[*].item"))
                .containsExactly("XD1", "XD2", "XD3", "XD4");
        for (String code : List.of("XD1", "XD2", "XD3", "XD4")) {
            assertThat(put(api.as("rst"), "submissions/" + id + "/chapters/" + code, Map.of("content", "说明")).status())
                    .isEqualTo(200);
        }
        assertThat((Boolean) api.as("rst").get("submissions/" + id).json("$.formalReview.passed")).isTrue();
    }

    @Test
    void malformedContentIsRefusedWith400AndStaleVersionsWith409() {
        String project = inPlanProject(List.of());
        Response created = api.as("rst").post("projects/" + project + "/submissions", body(Stage.FEASIBILITY_STUDY, null));
        String id = created(created);

        Map<String, Object> unknown = body(Stage.FEASIBILITY_STUDY, null);
        unknown.put("chapters", List.of(Map.of("code", "FS99", "content", "x"), Map.of("code", "FS4", "content", "x")));
        Response bad = put(api.as("rst"), "submissions/" + id, unknown);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<List<String>>json("$.errors[*].field")).containsExactly("chapters[0].code", "chapters[1].code");

        Response tooLong = put(api.as("rst"), "submissions/" + id + "/chapters/FS1", Map.of("content", "字".repeat(200_001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(put(api.as("rst"), "submissions/" + id + "/chapters/FS1", Map.of("content", "字".repeat(200_000))).status())
                .isEqualTo(200);
        assertThat(put(api.as("rst"), "submissions/" + id + "/chapters/FS1", Map.of("content", "a", "notApplicable", "b"))
                .status()).isEqualTo(400);
        assertThat(put(api.as("rst"), "submissions/" + id + "/chapters/NOPE", Map.of("content", "a")).status()).isEqualTo(404);

        Response stale = put(api.as("rst").header("If-Match", "\"0\""), "submissions/" + id + "/chapters/FS2", Map.of("content", "x"));
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void aWordReportFillsTheChaptersAndNamesTheMissingOne() throws IOException {
        String project = inPlanProject(List.of());
        decideMode(project);
        Map<String, Object> body = body(Stage.FEASIBILITY_STUDY, null);
        body.put("chapters", List.of());
        String id = created(api.as("rst").post("projects/" + project + "/submissions", body));
        SubmissionOutline fs = new Outlines().forSubmission(Stage.FEASIBILITY_STUDY, false, false);

        Response imported = upload(id, "报告.docx", DocxOutlineReaderTests.feasibilityStudyWithout(fs, "FS7"));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.<List<String>>json("$.missing")).containsExactly("FS7");
        assertThat(imported.<List<String>>json("$.unmatchedHeadings")).containsExactly("附录 术语表");
        assertThat(imported.<List<String>>json("$.matched")).contains("FS1", "FS4.4").doesNotContain("FS7");
        assertThat(imported.<List<String>>json("$.submission.formalReview.violations[*].item")).containsExactly("FS7");
        assertThat(api.as("rst").get("submissions/" + id).<List<String>>json("$.chapters[?(@.code == 'FS4.4')].content"))
                .containsExactly("政务信息资源目录和政务信息资源共享方案的正文。");

        Response notWord = upload(id, "报告.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        assertThat(notWord.status()).isEqualTo(400);
        assertThat(notWord.<List<String>>json("$.errors[*].field")).containsExactly("file");
        Response fakeWord = upload(id, "报告.docx", "not really".getBytes(StandardCharsets.US_ASCII));
        assertThat(fakeWord.status()).isEqualTo(400);
        assertThat(fakeWord.<List<String>>json("$.errors[*].field")).containsExactly("file");
    }

    @Test
    void aReturnedSubmissionIsRevisedAndFiledAgainAndEveryVersionIsKept() {
        String project = inPlanProject(List.of());
        decideMode(project);
        String id = created(api.as("rst").post("projects/" + project + "/submissions", body(Stage.FEASIBILITY_STUDY, null)));
        assertThat(api.as("rst").post("submissions/" + id + "/submit", null).status()).isEqualTo(200);

        signIn("rst");
        assertThat(catchStatus(() -> submissions.returnForRevision(java.util.UUID.fromString(id), "请补充投资测算依据")))
                .isEqualTo("AccessDeniedException");
        signIn("szsj");
        submissions.returnForRevision(java.util.UUID.fromString(id), "请补充投资测算依据");
        SecurityContextHolder.clearContext();

        Response returned = api.as("rst").get("submissions/" + id);
        assertThat(returned.text("$.status")).isEqualTo("RETURNED");
        assertThat(returned.text("$.returnReason")).isEqualTo("请补充投资测算依据");
        assertThat(put(api.as("rst"), "submissions/" + id + "/chapters/FS8", Map.of("content", "修订后的投资估算")).status())
                .isEqualTo(200);
        Response again = api.as("rst").post("submissions/" + id + "/submit", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat((Integer) again.json("$.revision")).isEqualTo(2);

        Response versions = api.as("wjw").get("submissions/" + id + "/versions");
        assertThat(versions.status()).isEqualTo(404);
        versions = api.as("szsj").get("submissions/" + id + "/versions");
        assertThat(versions.<List<Integer>>json("$[*].revision")).containsExactly(1, 2);
        assertThat(versions.<List<String>>json("$[1].content.chapters[?(@.code == 'FS8')].content"))
                .containsExactly("修订后的投资估算");
        assertThat(versions.<List<String>>json("$[0].content.chapters[?(@.code == 'FS8')].content"))
                .doesNotContain("修订后的投资估算");
    }

    @Test
    void theOutlineOfAStageIsServed() {
        Response outline = api.as("rst").get("outlines/FEASIBILITY_STUDY");
        assertThat(outline.status()).isEqualTo(200);
        assertThat(outline.<List<String>>json("$.chapters[*].code")).hasSize(10).startsWith("FS1");
        assertThat(outline.<List<String>>json("$.chapters[3].sections[*].code")).contains("FS4.4");
        assertThat(outline.<List<String>>json("$.emergencyAddendum[*].code")).containsExactly("EM1", "EM2");
        assertThat(outline.<List<String>>json("$.crossDepartmentAddendum[*].code")).containsExactly("XD1", "XD2", "XD3", "XD4");
        assertThat(api.as("rst").get("outlines/PROPOSAL").<List<String>>json("$.attachments[*].code")).hasSize(5);
        assertThat(api.as("rst").get("outlines/NOPE").status()).isEqualTo(400);
    }

    @Test
    void theMergedSubmissionOfAnEmergencyProjectAsksForNecessityAndFeasibility() {
        Map<String, Object> proposal = Api.proposal(Api.unique("应急指挥"));
        proposal.put("emergency", "PUBLIC_HEALTH");
        String project = created(api.as("wjw").post("projects", proposal));
        assertThat(api.as("wjw").get("projects/" + project).text("$.approvalPath.type")).isEqualTo("EMERGENCY");

        Response fs = api.as("wjw").post("projects/" + project + "/submissions", body(Stage.FEASIBILITY_STUDY, null));
        assertThat(fs.status()).isEqualTo(422);
        String id = created(api.as("wjw").post("projects/" + project + "/submissions", body(Stage.PRELIMINARY_DESIGN, null)));

        Response draft = api.as("wjw").get("submissions/" + id);
        assertThat(draft.<List<String>>json("$.formalReview.violations[*].item")).containsExactly("EM1", "EM2");
        assertThat(draft.<List<String>>json("$.formalReview.violations[*].article")).containsOnly("第九条");
        put(api.as("wjw"), "submissions/" + id + "/chapters/EM1", Map.of("content", "疫情防控急需"));
        put(api.as("wjw"), "submissions/" + id + "/chapters/EM2", Map.of("content", "技术成熟可行"));
        assertThat((Boolean) api.as("wjw").get("submissions/" + id).json("$.formalReview.passed")).isTrue();
    }

    @Test
    void aNewCloudPlatformNeedsAStateExemptionAndCivilWorksTheirPermits() {
        Map<String, Object> proposal = Api.proposal(Api.unique("政务云"));
        proposal.put("buildsNewCloudPlatform", true);
        proposal.put("newCivilWorks", true);
        String project = created(api.as("rst").post("projects", proposal));
        Map<String, Object> body = body(Stage.FEASIBILITY_STUDY, null);
        String id = created(api.as("rst").post("projects/" + project + "/submissions", body));

        assertThat(api.as("rst").get("submissions/" + id).<List<String>>json("$.formalReview.violations[*].item"))
                .containsExactly("stateExemption", "extraPermits.SITE_SELECTION", "extraPermits.LAND_PRE_APPROVAL",
                        "extraPermits.ENVIRONMENTAL_IMPACT");

        body.remove("stage");
        body.put("stateExemption", "国务院办公厅关于政务云建设的批复");
        body.put("extraPermits", List.of(Map.of("type", "SITE_SELECTION", "reference", "吉规选〔2026〕1号"),
                Map.of("type", "LAND_PRE_APPROVAL", "reference", "吉自然资预〔2026〕2号"),
                Map.of("type", "ENVIRONMENTAL_IMPACT", "reference", "吉环审〔2026〕3号"),
                Map.of("type", "ENERGY_ASSESSMENT", "reference", "吉发改能评〔2026〕4号")));
        Response revised = put(api.as("rst"), "submissions/" + id, body);
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.<List<String>>json("$.formalReview.violations[*].item"))
                .containsExactly("extraPermits.ENERGY_ASSESSMENT");
        assertThat(revised.text("$.formalReview.violations[0].article")).isEqualTo("第十一条");
    }

    @Test
    void theRulesOfTheFormalReviewAreListedWithTheirSummariesAndTheApiIsDocumented() {
        Response rules = api.as("rst").get("rules");
        for (String rule : List.of("ART-11", "ART-12", "ART-13-1", "ART-13-2", "ART-16", "ART-17", "ART-18", "ART-19")) {
            List<String> summaries = rules.json("$[?(@.id == '" + rule + "')].summary");
            assertThat(summaries).as(rule).singleElement().satisfies(s -> assertThat(s).doesNotStartWith("rule."));
        }
        Response docs = api.as("rst").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/submissions/{id}/submit", "/api/v1/outlines/{stage}");
    }

    private String inPlanProject(List<String> participants) {
        Map<String, Object> proposal = Api.proposal(Api.unique("申报"));
        proposal.put("participatingOrganizationCodes", new ArrayList<>(participants));
        return created(api.as("rst").post("projects", proposal));
    }

    private void decideMode(String project) {
        Response decided = api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("$.id");
    }

    /** A complete submission body of the stage, without the chapter named (or none). */
    static Map<String, Object> body(Stage stage, String withoutCode) {
        SubmissionContent content = Fixtures.complete(Fixtures.facts(stage));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stage", stage.name());
        body.put("chapters", content.chapters().stream().filter(c -> !c.code().equals(withoutCode))
                .map(c -> Map.of("code", c.code(), "content", c.content())).toList());
        body.put("attachments", content.attachments().stream()
                .map(a -> Map.of("code", a.code(), "documentId", a.documentId().toString())).toList());
        body.put("informationResources", List.of(Map.of("name", "参保人员信息", "shareType", "CONDITIONAL",
                "shareCondition", "仅限人社、医保部门按需共享")));
        body.put("securityReliabilityStatement", content.securityReliabilityStatement());
        body.put("cryptoPlan", content.cryptoPlan());
        body.put("cloudResources", content.cloudResources());
        return body;
    }

    private Response upload(String id, String filename, byte[] bytes) throws IOException {
        String boundary = "govit-" + java.util.UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.as("rst").send(HttpMethod.POST, "submissions/" + id + "/docx",
                "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static Response put(Api.Call call, String path, Object body) {
        return call.send(HttpMethod.PUT, path, MediaType.APPLICATION_JSON_VALUE, body);
    }

    private void signIn(String username) {
        UserDetails user = userDetails.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static String catchStatus(Runnable action) {
        try {
            action.run();
            return "none";
        }
        catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
