package cn.jl.govit.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/**
 * The performance report pages: the construction unit drafts, fills and submits (the missing parts shown in place),
 * the authority returns with its opinion, the unit sees the opinion and the kept version; others read only.
 */
@GovItTest
class PerformanceReportPagesIntegrationTests {

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
    void theUnitDraftsFillsAndSubmitsTheAuthorityReturnsIt() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 24);
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        String list = "/projects/" + project + "/performance-reports";

        String page = body(perform("rst", get(list)));
        assertThat(page).contains("data-testid=\"draft\"", "data-year=\"" + year + "\" data-status=\"OPEN\"");
        assertThat(body(perform("sjt", get(list)))).doesNotContain("data-testid=\"draft\"");
        assertThat(perform("jyt", get(list)).getResponse().getStatus()).isEqualTo(404);

        MvcResult wrongYear = perform("rst", post(list).param("year", "1999").with(csrf()));
        assertThat(wrongYear.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(wrongYear)).contains("data-rule=\"ART-20\"", "第二十条");

        MvcResult drafted = perform("rst", post(list).param("year", year).with(csrf()));
        assertThat(drafted.getResponse().getStatus()).isEqualTo(302);
        String report = drafted.getResponse().getRedirectedUrl();
        assertThat(report).startsWith("/performance-reports/");
        assertThat(body(perform("rst", get(report)))).contains("data-testid=\"report-form\"", "data-testid=\"submit\"");

        MvcResult incomplete = perform("rst", post(report).with(csrf()).param("version", "0").param("action", "submit")
                .param("constructionProgress", "开发完成 60%").param("u0.name", "省社保局").param("u0.opinion", "同意"));
        assertThat(incomplete.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(incomplete)).contains("data-item=\"plannedInvestment\"", "data-item=\"supervisionOpinion\"")
                .doesNotContain("data-item=\"constructionProgress\"", "data-item=\"userUnitOpinions\"");

        MvcResult badAmount = perform("rst", post(report).with(csrf()).param("plannedInvestment", "三百万"));
        assertThat(badAmount.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badAmount)).contains("data-field=\"plannedInvestment\"");

        MvcResult submitted = perform("rst", post(report).with(csrf()).param("version", "1").param("action", "submit")
                .param("constructionProgress", "开发完成 60%").param("plannedInvestment", "3,000,000")
                .param("executedInvestment", "2500000").param("investmentExecution", "执行 83%")
                .param("trialRunEffect", "尚未试运行").param("problemsAndMeasures", "联调滞后，已增派人员")
                .param("u0.name", "省社保局").param("u0.opinion", "同意").param("u1.name", "").param("u1.opinion", "")
                .param("supervisionName", "某监理公司").param("supervisionOpinion", "进度基本符合计划"));
        assertThat(submitted.getResponse().getStatus()).as(body(submitted)).isEqualTo(302);

        assertThat(perform("rst", post(report + "/acceptance").param("outcome", "ACCEPTED").param("opinion", "x").with(csrf()))
                .getResponse().getStatus()).isEqualTo(403);
        String authorityPage = body(perform("szsj", get(report)));
        assertThat(authorityPage).contains("data-testid=\"decision-form\"", "data-testid=\"report-view\"", "省社保局");
        MvcResult noOpinion = perform("szsj", post(report + "/acceptance").param("outcome", "RETURNED").param("opinion", "")
                .with(csrf()));
        assertThat(noOpinion.getResponse().getStatus()).isEqualTo(400);
        MvcResult returned = perform("szsj", post(report + "/acceptance").param("outcome", "RETURNED")
                .param("opinion", "请按合同分列投资执行情况").with(csrf()));
        assertThat(returned.getResponse().getStatus()).isEqualTo(302);

        String unitPage = body(perform("rst", get(report)));
        assertThat(unitPage).contains("data-testid=\"report-form\"", "请按合同分列投资执行情况", "data-revision=\"1\"",
                "data-status=\"RETURNED\"");
        String readOnly = body(perform("sjt", get(report)));
        assertThat(readOnly).contains("data-testid=\"report-view\"").doesNotContain("data-testid=\"report-form\"",
                "data-testid=\"decision-form\"");
        assertThat(perform("sjt", post(report).param("constructionProgress", "x").with(csrf())).getResponse().getStatus())
                .isEqualTo(403);
        assertThat(api.as("rst").get("performance-reports/" + report.substring(report.lastIndexOf('/') + 1))
                .<List<Map<String, String>>>json("$.userUnitOpinions")).hasSize(1);
    }

    private MvcResult perform(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
