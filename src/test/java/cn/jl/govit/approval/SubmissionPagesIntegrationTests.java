package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.project.Stage;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/** The department's submission pages: list, prepare, the chapter editor, the Word upload, filing with the review in place. */
@GovItTest
class SubmissionPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    MockMvc mvc;
    Api api;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        api = new Api(port);
    }

    @Test
    void theDepartmentPreparesWritesUploadsAndFilesASubmission() throws Exception {
        String project = project(List.of("WJW"));
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED")).status())
                .isEqualTo(200);

        MvcResult list = perform("rst", get("/projects/" + project + "/submissions"));
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(list)).contains("data-testid=\"prepare\"", "value=\"FEASIBILITY_STUDY\"");

        MvcResult prepared = perform("rst", post("/projects/" + project + "/submissions").param("stage", "FEASIBILITY_STUDY").with(csrf()));
        assertThat(prepared.getResponse().getStatus()).isEqualTo(302);
        String editor = prepared.getResponse().getRedirectedUrl();
        assertThat(editor).startsWith("/submissions/");

        String page = body(perform("rst", get(editor)));
        assertThat(page).contains("data-code=\"FS4.4\" data-state=\"MISSING\"", "data-code=\"XD1\"", "data-testid=\"submit\"",
                "name=\"na.FS4.8\"").doesNotContain("name=\"na.FS4.4\"");

        MockHttpServletRequestBuilder save = post(editor).with(csrf()).param("version", "0");
        SubmissionContent complete = Fixtures.complete(Fixtures.OUTLINES.forSubmission(Stage.FEASIBILITY_STUDY, false, true));
        for (ChapterEntry c : complete.chapters()) {
            if (!c.code().equals("FS4.4") && !c.code().equals("FS4.8")) {
                save.param("c." + c.code(), c.content());
            }
        }
        save.param("na.FS4.8", "on").param("nar.FS4.8", "本项目不建设网站")
                .param("r0.name", "参保人员信息").param("r0.shareType", "NOT_SHARED").param("r0.shareCondition", "")
                .param("r0.notSharedReason", "")
                .param("securityReliabilityStatement", "国产服务器").param("cryptoPlan", "SM4").param("cloudResources", "4 台云主机");
        MvcResult saved = perform("rst", save);
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(302);

        page = body(perform("rst", get(editor)));
        assertThat(page).doesNotContain("??");
        assertThat(page).contains("data-code=\"FS1\" data-state=\"WRITTEN\"", "data-code=\"FS4.8\" data-state=\"NOT_APPLICABLE\"",
                "data-code=\"FS4.4\" data-state=\"MISSING\"", "data-rule=\"ART-13-2\"", "data-rule=\"ART-13-1\"");

        MvcResult refused = perform("rst", post(editor + "/submit").param("version", "1").with(csrf()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused)).contains("data-testid=\"violations\"", "data-item=\"FS4.4\"", "第十三条",
                "data-item=\"informationResources[0].notSharedReason\"");

        var docx = new MockMultipartFile("file", "报告.docx", "application/octet-stream",
                DocxOutlineReaderTests.feasibilityStudyWithout(Fixtures.OUTLINES.forSubmission(Stage.FEASIBILITY_STUDY, false, true), "FS7"));
        MvcResult uploaded = perform("rst", multipart(editor + "/docx").file(docx).param("version", "1").with(csrf()));
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        page = body(mvc.perform(get(editor).with(user(users.loadUserByUsername("rst"))).flashAttrs(uploaded.getFlashMap())).andReturn());
        assertThat(page).contains("data-testid=\"docx-result\"", "data-code=\"FS4.4\" data-state=\"WRITTEN\"");
        assertThat(page.substring(page.indexOf("data-testid=\"docx-missing\""))).contains(">FS7<");

        var notWord = new MockMultipartFile("file", "报告.txt", "text/plain", "text".getBytes());
        MvcResult refusedUpload = perform("rst", multipart(editor + "/docx").file(notWord).with(csrf()));
        assertThat(refusedUpload.getResponse().getStatus()).isEqualTo(400);

        assertThat(perform("wjw", get(editor)).getResponse().getStatus()).isEqualTo(200);
        assertThat(body(perform("wjw", get(editor)))).doesNotContain("data-testid=\"submit\"");
        assertThat(perform("wjw", post(editor).param("c.FS1", "x").with(csrf())).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform("jyt", get(editor)).getResponse().getStatus()).isEqualTo(404);
        assertThat(perform("jyt", get("/projects/" + project + "/submissions")).getResponse().getStatus()).isEqualTo(404);
        assertThat(perform("rst", get("/submissions/not-an-id")).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aCompleteSubmissionIsFiledFromThePageAndTheEnglishPageReads() throws Exception {
        String project = project(List.of());
        api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED"));
        String id = api.as("rst").post("projects/" + project + "/submissions",
                SubmissionApiIntegrationTests.body(Stage.FEASIBILITY_STUDY, null)).text("$.id");

        MvcResult filed = perform("rst", post("/submissions/" + id + "/submit").with(csrf()));
        assertThat(filed.getResponse().getStatus()).isEqualTo(302);
        String page = body(mvc.perform(get("/submissions/" + id).with(user(users.loadUserByUsername("rst")))
                .flashAttrs(filed.getFlashMap())).andReturn());
        assertThat(page).contains("data-testid=\"submitted\"").doesNotContain("data-testid=\"submit\"");
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_APPROVAL");

        String english = body(perform("rst", get("/submissions/" + id).param("lang", "en")));
        assertThat(english).contains("Formal review passed", "Filing 1").doesNotContain("??");
        assertThat(page).doesNotContain("??");
        assertThat(body(perform("rst", get("/projects/" + project + "/submissions").param("lang", "en"))))
                .contains("Submissions").doesNotContain("??");
    }

    private String project(List<String> participants) {
        Map<String, Object> proposal = Api.proposal(Api.unique("申报页面"));
        proposal.put("participatingOrganizationCodes", new java.util.ArrayList<>(participants));
        var created = api.as("rst").post("projects", proposal);
        assertThat(created.status()).isEqualTo(201);
        return created.text("$.id");
    }

    private MvcResult perform(String username, org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
