package cn.jl.govit.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
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
 * The funds page: Finance issues and disburses, the construction unit spends and splits by level, other readers
 * see it read-only; refusals are shown in place with their article.
 */
@GovItTest
class FundingPagesIntegrationTests {

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

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void eachRoleActsOnTheFundsPageAndTheOthersRead() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        String page = "/projects/" + project + "/funds";

        String finance = body(perform("czt", get(page)));
        assertThat(finance).contains("data-testid=\"funnel\"", "data-testid=\"issue-plan\"", "投资漏斗")
                .doesNotContain("data-testid=\"record-spending\"", "??");
        String unit = body(perform("rst", get(page)));
        assertThat(unit).contains("data-testid=\"record-spending\"", "data-testid=\"level-shares-form\"")
                .doesNotContain("data-testid=\"issue-plan\"");
        String auditor = body(perform("sjt", get(page)));
        assertThat(auditor).contains("data-testid=\"funnel\"", "data-testid=\"level-shares\"")
                .doesNotContain("data-testid=\"issue-plan\"", "data-testid=\"record-spending\"", "<form method=\"post\" class=\"d-flex");
        assertThat(body(perform("sjt", get(page).param("lang", "en")))).contains("Investment funnel", "Fund plans")
                .doesNotContain("??", "投资漏斗");
        assertThat(perform("jyt", get(page)).getResponse().getStatus()).isEqualTo(404);
        assertThat(perform("rst", post(page + "/plans").with(csrf()).param("source", "DIGITAL_JILIN_FUND")
                .param("amount", "1").param("issuedOn", today())).getResponse().getStatus()).isEqualTo(403);

        MvcResult malformed = perform("czt", post(page + "/plans").with(csrf()).param("source", "DIGITAL_JILIN_FUND")
                .param("amount", "abc").param("issuedOn", today()));
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(malformed)).contains("data-testid=\"errors\"", "data-field=\"amount\"");
        MvcResult over = perform("czt", post(page + "/plans").with(csrf()).param("source", "DIGITAL_JILIN_FUND")
                .param("amount", "2000000.01").param("issuedOn", today()));
        assertThat(over.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(over)).contains("data-testid=\"violations\"", "data-rule=\"ART-21\"", "第二十一条",
                "value=\"2000000.01\"");

        MvcResult issued = perform("czt", post(page + "/plans").with(csrf()).param("source", "DIGITAL_JILIN_FUND")
                .param("amount", "1500000").param("issuedOn", today()));
        assertThat(issued.getResponse().getStatus()).isEqualTo(302);
        String plan = api.as("czt").get("projects/" + project + "/fund-plans").text("$[0].id");
        assertThat(perform("czt", post(page + "/plans/" + plan + "/disbursements").with(csrf()).param("amount", "1000000")
                .param("disbursedOn", today())).getResponse().getStatus()).isEqualTo(302);

        assertThat(perform("rst", post(page + "/spending").with(csrf()).param("amount", "400000").param("spentOn", today())
                .param("purpose", "服务器采购").param("contractReference", "JL-HT-01")).getResponse().getStatus()).isEqualTo(302);
        MvcResult uneven = perform("rst", post(page + "/level-shares").with(csrf()).param("version", "0")
                .param("level", "PROVINCIAL", "CITY").param("organization", "省人社厅", "长春市")
                .param("contentResponsibility", "省级平台", "市级对接").param("amount", "1500000", "499999.99"));
        assertThat(uneven.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(uneven)).contains("data-rule=\"ART-25\"", "第二十五条", "value=\"499999.99\"");
        assertThat(perform("rst", post(page + "/level-shares").with(csrf()).param("version", "0")
                .param("level", "PROVINCIAL", "CITY", "CITY").param("organization", "省人社厅", "长春市", "")
                .param("contentResponsibility", "省级平台", "市级对接", "").param("amount", "1500000", "500000", ""))
                .getResponse().getStatus()).isEqualTo(302);

        String after = body(perform("sjt", get(page)));
        assertThat(after).contains("data-figure=\"spent\"", "400,000.00", "1,500,000.00", "长春市", "JL-HT-01");
        var funds = api.as("sjt").get("projects/" + project + "/funds");
        assertThat(new BigDecimal(funds.text("$.spent"))).isEqualByComparingTo("400000");
        assertThat((Integer) funds.json("$.levelSharesVersion")).isEqualTo(1);
    }

    private MvcResult perform(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
