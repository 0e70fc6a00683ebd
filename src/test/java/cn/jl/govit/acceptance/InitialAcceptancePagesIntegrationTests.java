package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/**
 * The acceptance page: every reader of the project sees it, only the unit gets the forms, others get 404 or 403;
 * a refused form answers 400 or 422 with the refusal in place and the input kept; a failure opens a rectification
 * whose completion form the unit then finds on the page.
 */
@GovItTest
class InitialAcceptancePagesIntegrationTests {

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
    void theUnitActsOthersReadAndRefusalsAreShownInPlace() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 12);
        String page = "/projects/" + project + "/acceptance";
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        assertThat(body(perform("rst", get(page)))).contains("data-testid=\"initial-form\"",
                "data-testid=\"trial-run-form\"", "data-testid=\"extension-form\"", "data-code=\"SA-QUALITY\"",
                "/projects/" + project + "/final-acceptance");
        assertThat(body(perform("sjt", get(page)))).contains("data-testid=\"timeline\"")
                .doesNotContain("data-testid=\"initial-form\"", "data-testid=\"extension-form\"");
        assertThat(perform("wjw", get(page)).getResponse().getStatus()).isEqualTo(404);
        assertThat(perform("szsj", post(page + "/initial").with(csrf()).param("acceptedOn", today)).getResponse()
                .getStatus()).isEqualTo(403);

        MvcResult badDate = perform("rst", post(page + "/trial-run").with(csrf()).param("startedOn", "2026-02-30"));
        assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badDate)).contains("data-field=\"startedOn\"");

        MvcResult noOpinion = perform("rst", post(page + "/initial").with(csrf()).param("acceptedOn", today)
                .param("result", "FAILED").param("opinion", ""));
        assertThat(noOpinion.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(noOpinion)).contains("data-rule=\"ART-26\"", "data-item=\"opinion\"", "第二十六条");

        MvcResult missing = perform("rst", post(page + "/initial").with(csrf()).param("acceptedOn", today)
                .param("result", "PASSED"));
        assertThat(missing.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(missing)).contains("data-item=\"SA-AUDIT\"", "data-item=\"reportDocumentId\"");

        MvcResult failed = perform("rst", post(page + "/initial").with(csrf()).param("acceptedOn", today)
                .param("result", "FAILED").param("opinion", "档案专项验收未完成"));
        assertThat(failed.getResponse().getStatus()).isEqualTo(302);
        String after = body(perform("rst", get(page)));
        assertThat(after).contains("档案专项验收未完成", "data-testid=\"complete-", "data-status=\"OPEN\"");
        assertThat(body(perform("szsj", get(page)))).doesNotContain("data-testid=\"complete-");
    }

    private MvcResult perform(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
