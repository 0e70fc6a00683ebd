package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.project.Stage;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/** The approval authority's decision pages: the panel, refusals in place, the decision and its signed reply. */
@GovItTest
class DecisionPagesIntegrationTests {

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
    void theAuthorityDecidesOnThePageAndTheReplyDownloads() throws Exception {
        String project = simpleProjectFiledForFeasibilityStudy();
        String submission = api.as("rst").get("projects/" + project + "/submissions").text("$[0].id");
        String page = "/submissions/" + submission + "/decision";

        assertThat(body(perform("szsj", get("/approvals")))).contains("data-submission=\"" + submission + "\"", page);
        assertThat(perform("rst", get("/approvals")).getResponse().getStatus()).isEqualTo(403);
        assertThat(body(perform("szsj", get("/submissions/" + submission)))).contains("data-testid=\"decide-link\"", page);
        assertThat(body(perform("rst", get("/submissions/" + submission)))).doesNotContain("data-testid=\"decide-link\"");

        MvcResult shown = perform("szsj", get(page));
        assertThat(shown.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(shown)).contains("data-testid=\"no-panel\"", "data-testid=\"draw-panel\"",
                "data-testid=\"decision-form\"", "value=\"APPROVED\"").doesNotContain("??");

        MvcResult malformed = perform("szsj", decision(page, "APPROVED", "共享", "abc"));
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(malformed)).contains("data-testid=\"form-errors\"");

        MvcResult missing = perform("szsj", post(page).with(csrf()).param("outcome", "APPROVED")
                .param("sharingOpinion", "共享").param("opinion", "原则同意。"));
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(missing)).contains("data-testid=\"form-errors\"", "必填");

        MvcResult refused = perform("szsj", decision(page, "APPROVED", "", "11500000"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused)).contains("data-testid=\"violations\"", "data-rule=\"ART-13-4\"", "第十三条");

        assertThat(perform("rst", get(page)).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform("rst", decision(page, "APPROVED")).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform("jyt", get(page)).getResponse().getStatus()).isEqualTo(404);

        MvcResult decided = perform("szsj", decision(page, "APPROVED"));
        assertThat(decided.getResponse().getStatus()).as(body(decided)).isEqualTo(302);
        String after = body(mvc.perform(get(page).with(user(users.loadUserByUsername("szsj")))
                .flashAttrs(decided.getFlashMap())).andReturn());
        String number = "吉政数审〔" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "〕";
        assertThat(after).contains("data-testid=\"decided\"", "data-testid=\"document-number\"", number,
                "data-testid=\"signature\"", "/api/v1/signing-keys/SZSJ.pem").doesNotContain("data-testid=\"decision-form\"")
                .doesNotContain("??");
        assertThat(after).containsPattern("吉政数审〔\\d{4}〕\\d+号");

        String decisionId = api.as("rst").get("projects/" + project + "/decisions").text("$[0].id");
        assertThat(after).contains("/decisions/" + decisionId + "/document");
        MvcResult pdf = perform("rst", get("/decisions/" + decisionId + "/document"));
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        assertThat(new String(pdf.getResponse().getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(pdf.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(perform("jyt", get("/decisions/" + decisionId + "/document")).getResponse().getStatus()).isEqualTo(404);

        String list = body(perform("rst", get("/projects/" + project + "/submissions")));
        assertThat(list).contains("data-testid=\"decisions\"", "data-outcome=\"APPROVED\"", number,
                "/decisions/" + decisionId + "/document");
        assertThat(body(perform("szsj", get(page).param("lang", "en")))).contains("Decision on the").doesNotContain("??");
    }

    @Test
    void theAuthorityDrawsAPanelOnThePage() throws Exception {
        String project = simpleProjectFiledForFeasibilityStudy();
        String submission = api.as("rst").get("projects/" + project + "/submissions").text("$[0].id");
        String page = "/submissions/" + submission + "/decision";

        assertThat(perform("szsj", post(page + "/panel").with(csrf()).param("size", "0")).getResponse().getStatus())
                .isEqualTo(400);
        MvcResult drawn = perform("szsj", post(page + "/panel").with(csrf()).param("size", "3"));
        assertThat(drawn.getResponse().getStatus()).isEqualTo(302);
        String shown = body(perform("szsj", get(page)));
        assertThat(shown).contains("data-testid=\"reviews\"").doesNotContain("data-testid=\"no-panel\"");
        assertThat(shown.split("data-status=\"OPEN\"", -1)).hasSize(4);

        MvcResult early = perform("szsj", decision(page, "APPROVED"));
        assertThat(early.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(early)).contains("data-rule=\"ART-10\"");
    }

    @Test
    void thePreviewShowsTheReplyWithoutIssuingAnything() throws Exception {
        String project = simpleProjectFiledForFeasibilityStudy();
        String submission = api.as("rst").get("projects/" + project + "/submissions").text("$[0].id");
        String preview = "/submissions/" + submission + "/decision/preview";

        MvcResult result = perform("szsj", decision(preview, "APPROVED"));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        byte[] pdf = result.getResponse().getContentAsByteArray();
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s", "");
        reader.close();
        assertThat(text).contains("预览", "11,500,000.00元", "参保人员信息纳入省级共享平台目录");
        assertThat(api.as("rst").get("projects/" + project + "/decisions").<java.util.List<Object>>json("$")).isEmpty();
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("IN_APPROVAL");

        assertThat(perform("szsj", decision(preview, "APPROVED", "意见", "-1")).getResponse().getStatus()).isEqualTo(400);
        assertThat(perform("rst", decision(preview, "APPROVED")).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform("jyt", decision(preview, "APPROVED")).getResponse().getStatus()).isEqualTo(404);
    }

    private String simpleProjectFiledForFeasibilityStudy() {
        Map<String, Object> proposal = Api.proposal(Api.unique("审批页面"));
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

    private static MockHttpServletRequestBuilder decision(String page, String outcome) {
        return decision(page, outcome, "参保人员信息纳入省级共享平台目录，按有条件共享开放。", "11500000");
    }

    private static MockHttpServletRequestBuilder decision(String page, String outcome, String sharing, String investment) {
        return post(page).with(csrf()).param("outcome", outcome).param("approvedInvestment", investment)
                .param("constructionPeriodMonths", "18").param("sharingOpinion", sharing).param("opinion", "原则同意。");
    }

    private MvcResult perform(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
