package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

import cn.jl.govit.expert.AcceptanceCommittees;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/**
 * The final acceptance pages: who sees which form, the checklist fragment for the software switch, refusals shown in
 * place with the status of the API (400 field, 422 rule), scope 404 and role 403, and the authority's queue.
 */
@GovItTest
class FinalAcceptancePagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    RunAs runAs;

    @Autowired
    Projects projects;

    @Autowired
    TrialRuns trialRuns;

    @Autowired
    AcceptanceCommittees committees;

    MockMvc mvc;
    FinalAcceptanceSetUp setUp;

    @BeforeEach
    void client() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        setUp = new FinalAcceptanceSetUp(new Api(port), runAs, projects, trialRuns, committees);
    }

    @Test
    void theUnitSeesTheChecklistRefusalsInPlaceAndOthersOnlyRead() throws Exception {
        String project = setUp.ready();
        setUp.materials(project, FinalAcceptanceIntegrationTests.SOFTWARE_NOT_CLASSIFIED.stream()
                .filter(code -> !code.equals("AM7")).toList());
        String page = "/projects/" + project + "/final-acceptance";

        String unit = body(perform("rst", get(page)));
        assertThat(unit).contains("data-testid=\"apply\"", "data-code=\"AM13.1\" data-applicability=\"REQUIRED\"",
                "data-code=\"AM14.3\" data-applicability=\"NOT_APPLICABLE\"", "data-condition=\"6\" data-status=\"NOT_MET\"")
                .doesNotContain("data-testid=\"form-committee\"", "data-testid=\"decide\"");
        String reader = body(perform("sjt", get(page)));
        assertThat(reader).contains("data-testid=\"conditions\"").doesNotContain("data-testid=\"apply\"",
                "data-testid=\"delegate\"", "data-testid=\"decide\"");
        assertThat(perform("jyt", get(page)).getResponse().getStatus()).isEqualTo(404);
        assertThat(perform("rst", get("/projects/not-a-uuid/final-acceptance")).getResponse().getStatus()).isEqualTo(404);

        // the software switch asks for the checklist alone; unchecked, the software documents do not apply
        String fragment = body(perform("rst", get(page).param("checklist", "1").header("HX-Request", "true")));
        assertThat(fragment).contains("data-code=\"AM13.1\" data-applicability=\"NOT_APPLICABLE\"")
                .doesNotContain("<html", "data-testid=\"conditions\"");

        MvcResult malformed = perform("rst", post(page + "/application").with(csrf()).param("checklist", "1")
                .param("softwareDeveloped", "true").param("material.AM1", "not-a-uuid"));
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(malformed)).contains("data-field=\"material.AM1\"");

        MvcResult missing = perform("rst", post(page + "/application").with(csrf()).param("checklist", "1")
                .param("softwareDeveloped", "true"));
        assertThat(missing.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(missing)).contains("data-item=\"AM7\"", "data-item=\"FA-SUMMARY\"");

        assertThat(perform("szsj", post(page + "/application").with(csrf()).param("checklist", "1"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(perform("rst", post(page + "/delegation").with(csrf()).param("reason", "x"))
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theAuthoritysQueueListsItsPendingApplicationsAndItsFormsRefuseInPlace() throws Exception {
        String project = setUp.ready();
        String page = "/projects/" + project + "/final-acceptance";
        List<String> codes = FinalAcceptanceIntegrationTests.SOFTWARE_NOT_CLASSIFIED;
        MockHttpServletRequestBuilder application = post(page + "/application").with(csrf()).param("checklist", "1")
                .param("softwareDeveloped", "true");
        setUp.materials(project, codes).forEach(m -> application.param("material." + m.get("code"),
                m.get("documentId").toString()));
        MvcResult applied = perform("rst", application);
        assertThat(applied.getResponse().getStatus()).isEqualTo(302);

        assertThat(body(perform("szsj", get("/acceptance/applications")))).contains("data-project=\"" + project + "\"");
        assertThat(body(perform("fgw", get("/acceptance/applications")))).doesNotContain("data-project=\"" + project + "\"");
        assertThat(perform("rst", get("/acceptance/applications")).getResponse().getStatus()).isEqualTo(403);

        String authority = body(perform("szsj", get(page)));
        assertThat(authority).contains("data-testid=\"form-committee\"", "data-testid=\"delegate\"",
                "data-testid=\"decide\"").doesNotContain("data-testid=\"apply\"");
        MvcResult noReason = perform("szsj", post(page + "/delegation").with(csrf()).param("reason", " "));
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noReason)).contains("data-field=\"reason\"");
        MvcResult noCommittee = perform("szsj", post(page + "/result").with(csrf()).param("outcome", "PASSED")
                .param("decidedOn", setUp.today().toString()).param("opinion", "通过"));
        assertThat(noCommittee.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(noCommittee)).contains("data-item=\"committee\"", "data-item=\"archiveAcceptance\"");
        MvcResult formed = perform("szsj", post(page + "/committee").with(csrf()).param("size", "2"));
        assertThat(formed.getResponse().getStatus()).isEqualTo(302);
        assertThat(body(perform("szsj", get(page)))).contains("data-testid=\"committee\"")
                .doesNotContain("data-testid=\"form-committee\"", "data-testid=\"delegate\"");
        MvcResult lateDelegation = perform("szsj", post(page + "/delegation").with(csrf()).param("reason", "委托"));
        assertThat(lateDelegation.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(lateDelegation)).contains("data-item=\"committee\"");
    }

    private MvcResult perform(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
