package cn.jl.govit.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.support.GovItTest;

/** The expert's pages (my reviews, the opinion form with violations in place) and the pool page. */
@GovItTest
class ExpertPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    ReviewPanels panels;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    MvcResult perform(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String review(String expert) {
        UserDetails approver = users.loadUserByUsername("szsj");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(approver, null, approver.getAuthorities()));
        try {
            return panels.name(UUID.randomUUID(), UUID.randomUUID(), List.of(expert), Set.of()).reviews().get(0).id().toString();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theExpertFilesAnOpinionThroughTheFormWithMissingAspectsShownInPlace() throws Exception {
        String id = review("expert2");

        MvcResult list = perform("expert2", get("/reviews"));
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(list)).contains("data-review=\"" + id + "\"");
        assertThat(body(perform("expert2", get("/reviews/" + id)))).contains("data-testid=\"opinion-form\"");
        assertThat(perform("expert1", get("/reviews/" + id)).getResponse().getStatus()).isEqualTo(404);

        MvcResult refused = perform("expert2", post("/reviews/" + id).with(csrf())
                .param("necessity", "必要").param("technicalFeasibilitySecurity", "可行").param("investment", "")
                .param("infrastructureResources", "依托祥云").param("informationSharing", " ")
                .param("conclusion", "APPROVE").param("recommendedInvestment", "1000000"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused)).contains("data-rule=\"ART-10\" data-item=\"INVESTMENT\"",
                "data-rule=\"ART-13-3\" data-item=\"INFORMATION_SHARING\"", "data-aspect=\"INVESTMENT\"",
                "data-aspect=\"INFORMATION_SHARING\"").doesNotContain("data-aspect=\"NECESSITY\"");

        MvcResult malformed = perform("expert2", post("/reviews/" + id).with(csrf()).param("recommendedInvestment", "abc"));
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);

        MvcResult filed = perform("expert2", post("/reviews/" + id).with(csrf())
                .param("necessity", "必要").param("technicalFeasibilitySecurity", "可行").param("investment", "合理")
                .param("infrastructureResources", "依托祥云").param("informationSharing", "有条件共享")
                .param("conclusion", "APPROVE").param("recommendedInvestment", "1000000"));
        assertThat(filed.getResponse().getStatus()).isEqualTo(302);
        assertThat(body(perform("expert2", get("/reviews/" + id)))).contains("data-testid=\"opinion\"", "有条件共享")
                .doesNotContain("data-testid=\"opinion-form\"");
    }

    @Test
    void thePoolPageIsForTheAdministratorAndTheApprovers() throws Exception {
        MvcResult page = perform("admin", get("/experts"));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(page)).contains("data-expert=\"expert1\"", "data-expert=\"expert5\"", "data-testid=\"enroll-form\"");
        assertThat(perform("fgw", get("/experts")).getResponse().getStatus()).isEqualTo(200);
        assertThat(perform("rst", get("/experts")).getResponse().getStatus()).isEqualTo(403);
        assertThat(perform("expert1", get("/experts")).getResponse().getStatus()).isEqualTo(403);

        MvcResult notExpert = perform("szsj", post("/experts").with(csrf()).param("username", "rst").param("fields", "DATA"));
        assertThat(notExpert.getResponse().getStatus()).isEqualTo(400);

        MvcResult noFields = perform("szsj", post("/experts/expert3").with(csrf()).param("_fields", "on").param("active", "true")
                .param("_active", "on"));
        assertThat(noFields.getResponse().getStatus()).isEqualTo(400);
        MvcResult saved = perform("szsj", post("/experts/expert3").with(csrf()).param("fields", "CRYPTOGRAPHY", "SECURITY")
                .param("active", "true").param("_active", "on"));
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
    }
}
