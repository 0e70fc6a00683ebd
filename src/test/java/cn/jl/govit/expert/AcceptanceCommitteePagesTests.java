package cn.jl.govit.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/** The experts' acceptance assessment pages: the list, the snapshot and the opinion form with violations in place. */
@GovItTest
class AcceptanceCommitteePagesTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    AcceptanceCommittees committees;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(context, users);
    }

    AcceptanceCommittee committee(List<String> experts) {
        UserDetails approver = users.loadUserByUsername("szsj");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(approver, null, approver.getAuthorities()));
        try {
            return committees.name(new CommitteeRequest(UUID.randomUUID(), UUID.randomUUID(), "JL-2026-P-0042",
                    "全省电子证照共享平台",
                    List.of(new MaterialRef("AM1", "项目竣工验收申请函", UUID.randomUUID(), "c".repeat(64)),
                            new MaterialRef("AM14.1", "网络安全等级保护测评报告", UUID.randomUUID(), null)),
                    Set.of("RST")), experts);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The complete form, with some fields replaced (a repeated request parameter would bind as a joined list). */
    static MockHttpServletRequestBuilder complete(MockHttpServletRequestBuilder post, String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("goalsAndScale", "目标、规模、内容均已完成");
        fields.put("investment", "投资完成 97%");
        fields.put("designSupervisionConstruction", "监理报告齐全");
        fields.put("procurement", "公开招标，程序合规");
        fields.put("securityAndRisk", "等保三级测评通过");
        fields.put("cryptography", "密评通过");
        fields.put("archives", "档案验收合格");
        fields.put("budgetAndAccounts", "决算经审计");
        fields.put("conclusion", "RECOMMEND_PASS");
        fields.put("overallOpinion", "建议通过竣工验收");
        fields.put("version", "0");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post.with(csrf());
        fields.forEach(request::param);
        return request;
    }

    @Test
    void theExpertFilesTheOpinionThroughTheFormWithMissingPartsShownInPlace() throws Exception {
        AcceptanceCommittee committee = committee(List.of("expert3", "expert4"));
        String id = AcceptanceCommitteesIntegrationTests.assignmentOf(committee, "expert3").toString();

        MvcResult list = pages.perform("expert3", get("/acceptance/reviews"));
        assertThat(list.getResponse().getStatus()).isEqualTo(200);
        assertThat(Pages.body(list)).contains("data-assignment=\"" + id + "\"", "JL-2026-P-0042", "全省电子证照共享平台");
        assertThat(pages.body("expert4", get("/acceptance/reviews"))).doesNotContain("data-assignment=\"" + id + "\"");
        assertThat(pages.perform("rst", get("/acceptance/reviews")).getResponse().getStatus()).isEqualTo(403);

        String page = pages.body("expert3", get("/acceptance/reviews/" + id));
        assertThat(page).contains("data-testid=\"opinion-form\"", "data-material=\"AM1\"", "c".repeat(64),
                "data-material=\"AM14.1\"", "JL-2026-P-0042");
        assertThat(pages.perform("expert4", get("/acceptance/reviews/" + id)).getResponse().getStatus()).isEqualTo(404);
        assertThat(pages.perform("szsj", get("/acceptance/reviews/" + id)).getResponse().getStatus()).isEqualTo(404);
        assertThat(pages.perform("expert4", complete(post("/acceptance/reviews/" + id))).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(pages.perform("expert3", get("/acceptance/reviews/not-a-uuid")).getResponse().getStatus()).isEqualTo(404);

        MvcResult refused = pages.perform("expert3", complete(post("/acceptance/reviews/" + id),
                "cryptography", " ", "conclusion", ""));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(Pages.body(refused)).contains("data-rule=\"ART-26\" data-item=\"CRYPTOGRAPHY\"",
                "data-rule=\"ART-26\" data-item=\"conclusion\"", "data-aspect=\"CRYPTOGRAPHY\"",
                "data-aspect=\"conclusion\"", "密码应用安全性").doesNotContain("data-aspect=\"ARCHIVES\"");

        MvcResult malformed = pages.perform("expert3", complete(post("/acceptance/reviews/" + id), "conclusion", "MAYBE"));
        assertThat(malformed.getResponse().getStatus()).isEqualTo(400);

        MvcResult stale = pages.perform("expert3", complete(post("/acceptance/reviews/" + id), "version", "3"));
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);

        MvcResult filed = pages.perform("expert3", complete(post("/acceptance/reviews/" + id)));
        assertThat(filed.getResponse().getStatus()).isEqualTo(302);
        assertThat(filed.getResponse().getRedirectedUrl()).isEqualTo("/acceptance/reviews/" + id);
        assertThat(pages.body("expert3", get("/acceptance/reviews/" + id)))
                .contains("data-testid=\"opinion\"", "密评通过", "建议通过竣工验收").doesNotContain("data-testid=\"opinion-form\"");

        MvcResult again = pages.perform("expert3", complete(post("/acceptance/reviews/" + id)));
        assertThat(again.getResponse().getStatus()).as("a filed opinion is final").isEqualTo(409);
        assertThat(committees.consolidated(committee.applicationId()).filed()).isEqualTo(1);
    }
}
