package cn.jl.govit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

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
 * The archive pages: the unit registers and applies, the Archives Bureau finds the application in its queue and
 * records the result (a failure needs its opinion, shown in place), everyone else reads only.
 */
@GovItTest
class ArchivePagesIntegrationTests {

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
    void theUnitRegistersAndAppliesTheArchivesBureauRecordsTheResult() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 5_000_000, 18);
        String archive = "/projects/" + project + "/archives";
        MvcResult uploaded = perform("rst", multipart("/projects/" + project + "/documents")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "contract.txt", "text/plain",
                        ("合同 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)))
                .param("code", "AM5").with(csrf()));
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        String document = api.as("rst").get("projects/" + project + "/documents").text("$[0].id");

        String page = body(perform("rst", get(archive)));
        assertThat(page).contains("data-testid=\"register\"", "value=\"" + document + "\"", "AR-PROCUREMENT",
                "data-status=\"NOT_APPLIED\"").doesNotContain("data-testid=\"apply\"", "data-testid=\"record\"");
        assertThat(body(perform("sjt", get(archive)))).doesNotContain("data-testid=\"register\"");
        assertThat(perform("jyt", get(archive)).getResponse().getStatus()).isEqualTo(404);

        MvcResult noTitle = perform("rst", post(archive + "/entries").with(csrf()).param("categoryCode", "AR-PROCUREMENT")
                .param("documentId", document).param("title", " ").param("retention", "PERMANENT").param("carrier", "PAPER"));
        assertThat(noTitle.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noTitle)).contains("data-field=\"title\"");
        MvcResult registered = perform("rst", post(archive + "/entries").with(csrf()).param("categoryCode", "AR-PROCUREMENT")
                .param("documentId", document).param("title", "软件开发合同").param("retention", "PERMANENT")
                .param("carrier", "PAPER"));
        assertThat(registered.getResponse().getStatus()).isEqualTo(302);
        assertThat(body(perform("rst", get(archive)))).contains("软件开发合同", "data-testid=\"apply\"");

        assertThat(perform("rst", post(archive + "/application").with(csrf())).getResponse().getStatus()).isEqualTo(302);
        assertThat(body(perform("rst", get(archive)))).contains("data-status=\"PENDING\"")
                .doesNotContain("data-testid=\"register\"", "data-testid=\"apply\"");

        assertThat(perform("rst", get("/archives/applications")).getResponse().getStatus()).isEqualTo(403);
        assertThat(body(perform("daj", get("/archives/applications?page=0")))).contains("data-project=\"" + project + "\"");
        assertThat(body(perform("daj", get(archive)))).contains("data-testid=\"record\"");
        assertThat(body(perform("szsj", get(archive)))).doesNotContain("data-testid=\"record\"");
        assertThat(perform("szsj", post(archive + "/acceptance").param("result", "PASSED").with(csrf())).getResponse()
                .getStatus()).isEqualTo(403);

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        MvcResult noOpinion = perform("daj", post(archive + "/acceptance").with(csrf()).param("result", "FAILED")
                .param("acceptedOn", today).param("opinion", ""));
        assertThat(noOpinion.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(noOpinion)).contains("data-rule=\"ART-24\"", "data-item=\"opinion\"", "第二十四条");
        MvcResult badDate = perform("daj", post(archive + "/acceptance").with(csrf()).param("result", "PASSED")
                .param("acceptedOn", "2026-02-30"));
        assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
        MvcResult failed = perform("daj", post(archive + "/acceptance").with(csrf()).param("result", "FAILED")
                .param("acceptedOn", today).param("opinion", "缺少监理文件"));
        assertThat(failed.getResponse().getStatus()).isEqualTo(302);
        String after = body(perform("rst", get(archive)));
        assertThat(after).contains("data-status=\"FAILED\"", "缺少监理文件", "data-testid=\"register\"");
    }

    private MvcResult perform(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
