package cn.jl.govit.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

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

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/**
 * The change page: the live route as the unit types (htmx fragment), filing a change, refusals in place, the
 * authority's acknowledgement, the baselines and their comparison; scope and role as everywhere.
 */
@GovItTest
class ChangePagesIntegrationTests {

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
    void theUnitSeesTheLiveRouteFilesAChangeAndTheAuthorityAcknowledgesIt() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 10_000_000, 12);
        String page = "/projects/" + project + "/changes";

        MvcResult shown = perform("rst", get(page));
        assertThat(shown.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(shown)).contains("data-testid=\"change-form\"", "hx-post=\"" + page + "/assessment\"",
                "data-baseline=\"1\"").doesNotContain("??");

        MvcResult live = perform("rst", form(post(page + "/assessment").header("HX-Request", "true"),
                "1500000.01", "10000000", "true", "TECHNICAL_OPTIMIZATION", ""));
        assertThat(live.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(live)).startsWith("<div").contains("data-route=\"REAPPROVAL\"", "data-rule=\"ART-23-2\"",
                "第二十三条", "1,500,000.01").doesNotContain("<html");

        MvcResult incomplete = perform("rst", form(post(page + "/assessment").header("HX-Request", "true"),
                "abc", "", "true", "", ""));
        assertThat(body(incomplete)).contains("data-testid=\"assessment\"").doesNotContain("data-route");

        MvcResult malformed = perform("rst", form(post(page), "-5", "10000000", "true", "TECHNICAL_OPTIMIZATION", "调整"));
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(malformed)).contains("is-invalid");

        MvcResult filed = perform("rst", form(post(page), "1000000", "10000000", "true", "TECHNICAL_OPTIMIZATION",
                "将部分硬件采购调整为政务云资源租用"));
        assertThat(filed.getResponse().getStatus()).isEqualTo(302);
        assertThat(filed.getResponse().getRedirectedUrl()).isEqualTo(page);

        String list = body(perform("rst", get(page)));
        assertThat(list).contains("data-number=\"1\"", "data-status=\"FILED\"", "data-baseline=\"2\"",
                "data-testid=\"comparison\"", "data-field=\"adjustmentsInForce\"").doesNotContain("data-testid=\"acknowledge\"");

        String english = body(perform("rst", get(page + "?lang=en")));
        assertThat(english).contains("Assess and request a change", "Baselines", "Filed").doesNotContain("??");

        assertThat(perform("wjw", get(page)).getResponse().getStatus()).isEqualTo(404);
        assertThat(perform("szsj", form(post(page), "1", "10000000", "true", "TECHNICAL_OPTIMIZATION", "x"))
                .getResponse().getStatus()).isEqualTo(403);

        String authorityView = body(perform("szsj", get(page)));
        assertThat(authorityView).contains("data-testid=\"acknowledge\"").doesNotContain("data-testid=\"change-form\"");
        String change = api.as("szsj").get("projects/" + project + "/change-requests").text("$.content[0].id");
        MvcResult acknowledged = perform("szsj", post("/change-requests/" + change + "/acknowledge").with(csrf())
                .param("version", "0"));
        assertThat(acknowledged.getResponse().getStatus()).isEqualTo(302);
        assertThat(api.as("rst").get("change-requests/" + change).text("$.acknowledgedBy")).isEqualTo("szsj");
        assertThat(perform("rst", post("/change-requests/" + change + "/acknowledge").with(csrf()))
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aSuspendedProjectShowsTheRefusalInPlace() throws Exception {
        String project = ApprovedProjects.approved(api, "rst", 10_000_000, 12);
        String page = "/projects/" + project + "/changes";
        MvcResult refused = perform("rst", form(post(page), "1000", "10000000", "true", "TECHNICAL_OPTIMIZATION", "调整"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused)).contains("data-testid=\"violations\"", "data-rule=\"ART-14\"", "第十四条");
    }

    @Test
    void theAuthorityFindsTheReapprovalAndRecordsTheGovernmentDecisionOnThePage() throws Exception {
        String reapproved = ApprovedProjects.underConstruction(api, "rst", 10_000_000, 12);
        assertThat(perform("rst", form(post("/projects/" + reapproved + "/changes"), "100000", "10000000", "false",
                "TECHNICAL_OPTIMIZATION", "调整建设目标")).getResponse().getStatus()).isEqualTo(302);
        String submission = api.as("rst").get("projects/" + reapproved + "/change-requests").text("$.content[0].submissionId");
        assertThat(body(perform("szsj", get("/projects/" + reapproved + "/changes"))))
                .contains("data-testid=\"reapproval-decision\"", "/submissions/" + submission + "/decision");
        assertThat(body(perform("rst", get("/projects/" + reapproved + "/changes"))))
                .contains("data-testid=\"reapproval-submission\"", "data-status=\"IN_REAPPROVAL\"");
        assertThat(body(perform("rst", get("/submissions/" + submission)))).contains("data-testid=\"reapproval\"");
        assertThat(body(perform("szsj", get("/submissions/" + submission + "/decision"))))
                .contains("data-testid=\"reapproval\"", "第二十三条");
        assertThat(body(perform("rst", get("/projects/" + reapproved + "/submissions"))))
                .contains("data-testid=\"reapproval-badge\"");

        String project = ApprovedProjects.underConstruction(api, "rst", 10_000_000, 12);
        String page = "/projects/" + project + "/changes";
        String today = java.time.LocalDate.now(cn.jl.govit.project.Projects.ZONE).toString();
        assertThat(api.as("czt").post("projects/" + project + "/fund-plans",
                java.util.Map.of("source", "DIGITAL_JILIN_FUND", "amount", 5_000_000, "issuedOn", today)).status())
                .isEqualTo(201);
        assertThat(perform("rst", form(post(page), "500000", "10500000", "true", "PROVINCIAL_ORDER", "扩大覆盖范围"))
                .getResponse().getStatus()).isEqualTo(302);
        String change = api.as("rst").get("projects/" + project + "/change-requests").text("$.content[0].id");
        assertThat(body(perform("szsj", get(page)))).contains("data-testid=\"government-decision\"",
                "data-status=\"AWAITING_GOVERNMENT\"");
        assertThat(body(perform("rst", get(page)))).doesNotContain("data-testid=\"government-decision\"");

        String action = "/change-requests/" + change + "/government-decision";
        MvcResult incomplete = perform("szsj", post(action).with(csrf()).param("outcome", "APPROVED")
                .param("documentNumber", "吉政函〔2026〕20号").param("decidedOn", today).param("approvedTotalInvestment", ""));
        assertThat(incomplete.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(incomplete)).contains("is-invalid");
        MvcResult recorded = perform("szsj", post(action).with(csrf()).param("outcome", "APPROVED")
                .param("documentNumber", "吉政函〔2026〕20号").param("decidedOn", today)
                .param("approvedTotalInvestment", "10500000"));
        assertThat(recorded.getResponse().getStatus()).isEqualTo(302);
        String after = body(perform("szsj", get(page)));
        assertThat(after).contains("data-status=\"APPROVED\"", "吉政函〔2026〕20号", "10,500,000.00", "data-baseline=\"2\"")
                .doesNotContain("??");
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String adjustment,
            String total, String goals, String reason, String description) {
        return request.with(csrf()).param("adjustmentAmount", adjustment).param("newTotalInvestment", total)
                .param("goalsUnchanged", goals).param("reason", reason).param("description", description);
    }

    private MvcResult perform(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
