package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.project.Stage;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Art. 8: classified content never enters this platform. A classified project's submission is filed offline and
 * registered by its carrier reference; its review is held offline; the authority records the decision here.
 */
@GovItTest
class ClassifiedSubmissionIntegrationTests {

    @LocalServerPort
    int port;

    Api api;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.web.context.WebApplicationContext context;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aClassifiedProjectFilesOfflineAndIsDecidedOnTheOfflineReview() {
        Map<String, Object> proposal = Api.proposal(Api.unique("涉密系统"));
        proposal.put("classified", true);
        proposal.put("inProvincialPlan", false);
        proposal.put("simpleOrEquipmentOnly", true);
        String project = api.as("rst").post("projects", proposal).text("$.id");
        Response mode = api.as("szsj").post("projects/" + project + "/construction-mode",
                Map.of("mode", "SELF_BUILT", "exception", "CLASSIFIED", "justification", "涉密项目，自行建设"));
        assertThat(mode.status()).as(mode.toString()).isEqualTo(200);

        Response online = api.as("rst").post("projects/" + project + "/submissions",
                SubmissionApiIntegrationTests.body(Stage.FEASIBILITY_STUDY, null));
        assertThat(online.status()).isEqualTo(422);
        assertThat(online.<List<String>>json("$.violations[*].rule")).containsExactly("ART-8");
        assertThat(online.text("$.violations[0].article")).isEqualTo("第八条");

        assertThat(api.as("rst").post("projects/" + project + "/submissions/offline",
                Map.of("stage", "FEASIBILITY_STUDY")).status()).isEqualTo(400);
        assertThat(api.as("wjw").post("projects/" + project + "/submissions/offline",
                Map.of("stage", "FEASIBILITY_STUDY", "offlineReference", "JM-2026-001")).status()).isEqualTo(404);

        Response filed = api.as("rst").post("projects/" + project + "/submissions/offline",
                Map.of("stage", "FEASIBILITY_STUDY", "offlineReference", "机要载体 JM-2026-001"));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.text("$.status")).isEqualTo("SUBMITTED");
        assertThat(filed.<List<String>>json("$.offlineReferences[*].reference")).containsExactly("机要载体 JM-2026-001");
        String submission = filed.text("$.id");
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_APPROVAL");

        Response panel = api.as("szsj").post("submissions/" + submission + "/review-panel", Map.of("size", 3));
        assertThat(panel.status()).isEqualTo(422);
        assertThat(panel.<List<String>>json("$.violations[*].rule")).containsExactly("ART-8");

        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", "APPROVED");
        decision.put("approvedInvestment", 11_800_000);
        decision.put("constructionPeriodMonths", 12);
        decision.put("sharingOpinion", "涉密信息不予共享，非涉密目录按规定共享。");
        decision.put("opinion", "经线下专家评审，同意。");
        Response decided = api.as("szsj").post("submissions/" + submission + "/decision", decision);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("APPROVED");
    }

    @Test
    void theConstructionUnitRegistersTheOfflineFilingOnThePage() throws Exception {
        Map<String, Object> proposal = Api.proposal(Api.unique("涉密页面"));
        proposal.put("classified", true);
        String project = api.as("rst").post("projects", proposal).text("$.id");
        api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED"));
        org.springframework.test.web.servlet.MockMvc mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders
                .webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
        var rst = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername("rst"));
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/projects/" + project + "/submissions").with(rst))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"file-offline\"").doesNotContain("data-testid=\"prepare\"");

        int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/projects/" + project + "/submissions/offline").with(rst)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("stage", "FEASIBILITY_STUDY").param("offlineReference", "机要载体 JM-PAGE-1"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(302);
        assertThat(api.as("rst").get("projects/" + project + "/submissions").<List<String>>json("$[*].status"))
                .containsExactly("SUBMITTED");
    }

    @Test
    void onlyAClassifiedProjectFilesOffline() {
        String project = api.as("rst").post("projects", Api.proposal(Api.unique("非涉密"))).text("$.id");
        Response refused = api.as("rst").post("projects/" + project + "/submissions/offline",
                Map.of("stage", "FEASIBILITY_STUDY", "offlineReference", "JM-1"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.<List<String>>json("$.violations[*].rule")).containsExactly("ART-8");
    }
}
