package cn.jl.govit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.audit.Sm3;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/** The documents page of a project: upload, list with SM3, download as attachment, classified projects by reference. */
@GovItTest
class DocumentPagesIntegrationTests {

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

    MvcResult perform(String username, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String project(boolean classified) {
        Map<String, Object> body = Api.proposal(Api.unique("文档页面"));
        body.put("classified", classified);
        body.put("participatingOrganizationCodes", List.of("WJW"));
        return api.as("rst").post("projects", body).text("$.id");
    }

    @Test
    void theConstructionUnitUploadsThroughThePageAndParticipantsDownload() throws Exception {
        String project = project(false);
        byte[] content = "初步设计方案".getBytes(StandardCharsets.UTF_8);

        MvcResult stored = perform("rst", multipart("/projects/" + project + "/documents")
                .file(new MockMultipartFile("file", "方案.txt", "text/plain", content)).param("code", "PD1").with(csrf()));
        assertThat(stored.getResponse().getStatus()).isEqualTo(302);

        String page = body(perform("wjw", get("/projects/" + project + "/documents")));
        assertThat(page).contains(Sm3.hex(content), "方案.txt").doesNotContain("data-testid=\"upload-form\"");
        assertThat(body(perform("rst", get("/projects/" + project + "/documents")))).contains("data-testid=\"upload-form\"");
        assertThat(perform("jyt", get("/projects/" + project + "/documents")).getResponse().getStatus()).isEqualTo(404);

        String id = api.as("wjw").get("projects/" + project + "/documents").text("$[0].id");
        MvcResult download = perform("wjw", get("/documents/" + id + "/content"));
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(content);
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        MvcResult forbidden = perform("wjw", multipart("/projects/" + project + "/documents")
                .file(new MockMultipartFile("file", "a.txt", "text/plain", content)).with(csrf()));
        assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
        MvcResult empty = perform("rst", multipart("/projects/" + project + "/documents")
                .file(new MockMultipartFile("file", "a.txt", "text/plain", new byte[0])).with(csrf()));
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aClassifiedProjectOffersOnlyTheOfflineRegistrationAndRefusesUploadsInPlace() throws Exception {
        String project = project(true);

        String page = body(perform("rst", get("/projects/" + project + "/documents")));
        assertThat(page).contains("data-testid=\"offline-form\"").doesNotContain("data-testid=\"upload-form\"");

        MvcResult refused = perform("rst", multipart("/projects/" + project + "/documents")
                .file(new MockMultipartFile("file", "a.txt", "text/plain", new byte[] {1})).with(csrf()));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(body(refused)).contains("data-rule=\"ART-8\"");

        MvcResult registered = perform("rst", post("/projects/" + project + "/documents/offline").with(csrf())
                .param("title", "可研报告（涉密）").param("offlineReference", "机要光盘 007").param("code", "FS"));
        assertThat(registered.getResponse().getStatus()).isEqualTo(302);
        assertThat(body(perform("rst", get("/projects/" + project + "/documents")))).contains("机要光盘 007");
    }
}
