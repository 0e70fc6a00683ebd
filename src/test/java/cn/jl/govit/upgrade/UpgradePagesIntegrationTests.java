package cn.jl.govit.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.AcceptedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * The upgrade pages through the whole filter chain: the route preview, a refused request keeps its input, the Leading
 * Group's decision form appears only for it and only after the joint review, and its decision on the page moves the
 * request on; outside scope 404, other roles 403.
 */
@GovItTest
class UpgradePagesIntegrationTests {

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

    Pages pages;
    Api api;

    @BeforeEach
    void setUp() {
        pages = new Pages(context, users);
        api = new Api(port);
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void theRoutePreviewFollowsTheFactsAndARefusedRequestKeepsItsInput() throws Exception {
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 3_000_000, 12);
        String path = "/projects/" + project + "/upgrades";
        assertThat(pages.body("rst", get(path))).contains("data-testid=\"upgrade-form\"", "data-route=\"JOINT_REVIEW\"");
        String preview = pages.body("rst", post(path + "/assessment").with(csrf()).header("HX-Request", "true")
                .param("shareable", "true").param("catalogueCode", "JL-XT-1"));
        assertThat(preview).contains("data-route=\"NORMAL_APPROVAL\"", "JL-XT-1", "ART-29").doesNotContain("<html");

        MvcResult refused = pages.perform("rst", post(path).with(csrf()).param("title", "接口升级")
                .param("reasons", "理由").param("scope", "").param("estimatedInvestment", "abc")
                .param("constructionPeriodMonths", "6"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(Pages.body(refused)).contains("data-field=\"estimatedInvestment\"", "value=\"接口升级\"");

        assertThat(pages.perform("wjw", get(path)).getResponse().getStatus()).isEqualTo(404);
        assertThat(pages.perform("szsj", post(path).with(csrf()).param("title", "x")).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(pages.body("szsj", get(path))).doesNotContain("data-testid=\"upgrade-form\"");
    }

    @Test
    void theLeadingGroupDecidesOnThePageAfterTheJointReview() throws Exception {
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 3_000_000, 12);
        String uid = api.as("rst").post("projects/" + project + "/upgrades", UpgradeIntegrationTests.upgrade(false, null))
                .text("$.id");
        String detail = "/upgrades/" + uid;
        assertThat(pages.body("ldxz", get(detail))).doesNotContain("data-testid=\"decision-form\"");
        MvcResult early = pages.perform("ldxz", post(detail + "/leading-group-decision").with(csrf())
                .param("decision", "APPROVED").param("decidedOn", today()));
        assertThat(early.getResponse().getStatus()).isEqualTo(422);
        assertThat(Pages.body(early)).contains("data-rule=\"ART-29\"");
        assertThat(pages.body("szsj", get(detail))).contains("data-testid=\"joint-review-form\"");

        MvcResult reviewed = pages.perform("szsj", post(detail + "/joint-review").with(csrf()).param("reviewedOn", today())
                .param("departments", "WXB", "CZT").param("opinion", "建议同意").param("recommendation", "SUPPORT"));
        assertThat(reviewed.getResponse().getStatus()).as(Pages.body(reviewed)).isEqualTo(302);

        assertThat(pages.body("rst", get(detail))).doesNotContain("data-testid=\"decision-form\"",
                "data-testid=\"create-project\"");
        assertThat(pages.perform("szsj", post(detail + "/leading-group-decision").with(csrf()).param("decision", "APPROVED")
                .param("decidedOn", today())).getResponse().getStatus()).isEqualTo(403);
        assertThat(pages.body("ldxz", get("/upgrades"))).contains(detail);
        assertThat(pages.body("ldxz", get(detail))).contains("data-testid=\"decision-form\"");

        MvcResult future = pages.perform("ldxz", post(detail + "/leading-group-decision").with(csrf())
                .param("decision", "APPROVED").param("decidedOn", LocalDate.parse(today()).plusDays(1).toString())
                .param("opinion", "同意实施"));
        assertThat(future.getResponse().getStatus()).isEqualTo(400);
        assertThat(Pages.body(future)).contains("data-field=\"decidedOn\"", "同意实施");

        MvcResult decided = pages.perform("ldxz", post(detail + "/leading-group-decision").with(csrf())
                .param("decision", "APPROVED").param("decidedOn", today()).param("opinion", "同意实施"));
        assertThat(decided.getResponse().getStatus()).isEqualTo(302);
        assertThat(api.as("ldxz").get("upgrades/" + uid).text("$.status")).isEqualTo("APPROVED");
        assertThat(pages.body("rst", get(detail))).contains("data-testid=\"create-project\"");
        MvcResult created = pages.perform("rst", post(detail + "/project").with(csrf()));
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        assertThat(pages.body("rst", get(detail))).contains("data-testid=\"open-upgrade-project\"");
        assertThat(api.as("rst").get("upgrades/" + uid).<List<String>>json("$.[?(@.status == 'PROJECT_CREATED')].id"))
                .containsExactly(uid);
    }
}
