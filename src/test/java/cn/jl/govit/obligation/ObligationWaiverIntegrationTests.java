package cn.jl.govit.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * The approval authority lifts a pending obligation with its reason: it stays, WAIVED, with the reason (Art. 30),
 * and only the project's authority may do it, in the contract's order 404 → 403 → 400 → 422.
 */
@GovItTest
class ObligationWaiverIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    Api api;
    Pages pages;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        pages = new Pages(context, users);
    }

    @Test
    void theAuthorityWaivesAPendingObligationWithItsReason() {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 13);
        String report = reportObligation(project);

        assertThat(api.as("jyt").post("obligations/" + report + "/waiver", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(api.as("rst").post("obligations/" + report + "/waiver", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.as("fgw").post("obligations/" + report + "/waiver", Map.of("reason", "x")).status()).isEqualTo(403);
        Response blank = api.as("szsj").post("obligations/" + report + "/waiver", Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.<List<String>>json("$.errors[*].field")).containsExactly("reason");
        assertThat(api.as("szsj").post("obligations/" + java.util.UUID.randomUUID() + "/waiver", Map.of("reason", "x"))
                .status()).isEqualTo(404);

        Response waived = api.as("szsj").post("obligations/" + report + "/waiver",
                Map.of("reason", "项目已于年内完成主体建设，本年度评价并入初步验收"));
        assertThat(waived.status()).as(waived.toString()).isEqualTo(200);
        assertThat(waived.text("$.status")).isEqualTo("WAIVED");
        assertThat(waived.text("$.note")).isEqualTo("项目已于年内完成主体建设，本年度评价并入初步验收");

        Response again = api.as("szsj").post("obligations/" + report + "/waiver", Map.of("reason", "再次"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text("$.violations[0].rule")).isEqualTo("ART-20");
        assertThat(again.text("$.violations[0].article")).isEqualTo("第二十条");

        assertThat(api.as("rst").get("projects/" + project + "/obligations")
                .<List<String>>json("$[?(@.type == 'PERFORMANCE_REPORT')].status")).containsOnly("WAIVED");
        assertThat(api.as("rst").get("audit-events?projectId=" + project).<List<String>>json("$.content[*].action"))
                .contains("OBLIGATION_WAIVED");
    }

    @Test
    void theAuthorityWaivesOnThePageAndOthersSeeNoForm() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 13);
        String page = "/projects/" + project + "/obligations";
        assertThat(body(perform("szsj", get(page)))).contains("data-testid=\"waive-form\"");
        assertThat(body(perform("rst", get(page)))).doesNotContain("data-testid=\"waive-form\"");

        String report = reportObligation(project);
        MvcResult missing = perform("szsj", post(page + "/" + report + "/waiver").with(csrf()).param("reason", ""));
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(missing)).contains("data-testid=\"form-errors\"");

        MvcResult done = perform("szsj", post(page + "/" + report + "/waiver").with(csrf()).param("reason", "并入初步验收"));
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(perform("rst", post(page + "/" + report + "/waiver").with(csrf()).param("reason", "x"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(body(perform("rst", get(page)))).contains("并入初步验收");
    }

    private String reportObligation(String project) {
        List<String> ids = api.as("rst").get("projects/" + project + "/obligations")
                .json("$[?(@.type == 'PERFORMANCE_REPORT')].id");
        assertThat(ids).isNotEmpty();
        return ids.get(0);
    }

    private MvcResult perform(String username, MockHttpServletRequestBuilder request) throws Exception {
        return pages.perform(username, request);
    }

    private static String body(MvcResult result) throws Exception {
        return Pages.body(result);
    }
}
