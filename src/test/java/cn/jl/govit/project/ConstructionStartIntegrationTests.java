package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/** Starting construction through the API (Art. 14): who may, when, and what the project then shows. */
@GovItTest
class ConstructionStartIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private String page(String username, String path) throws Exception {
        return new Pages(context, users).body(username,
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theConstructionUnitStartsItsApprovedProjectOnce() throws Exception {
        String project = ApprovedProjects.approved(api, "rst", 900_000, 13);
        Response before = api.as("rst").get("projects/" + project);
        assertThat(before.text("$.approvedOn")).isEqualTo(today().toString());
        assertThat((Integer) before.json("$.approvedConstructionPeriodMonths")).isEqualTo(13);
        assertThat((Object) before.json("$.plannedCompletion")).isNull();

        assertThat(api.as("jyt").post("projects/" + project + "/construction", Map.of("startedOn", today().toString()))
                .status()).isEqualTo(404);
        assertThat(api.as("szsj").post("projects/" + project + "/construction", Map.of("startedOn", today().toString()))
                .status()).isEqualTo(403);

        Response started = api.as("rst").post("projects/" + project + "/construction", Map.of("startedOn", today().toString()));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.text("$.status")).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(started.text("$.constructionStartedOn")).isEqualTo(today().toString());
        assertThat(started.text("$.plannedCompletion")).isEqualTo(today().plusMonths(13).toString());

        Response again = api.as("rst").post("projects/" + project + "/construction", Map.of("startedOn", today().toString()));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.<List<String>>json("$.violations[*].rule")).containsExactly("ART-14");
        assertThat(again.text("$.violations[0].article")).isEqualTo("第十四条");

        assertThat(page("rst", "/projects/" + project)).contains("data-testid=\"construction-started-on\"",
                "data-testid=\"planned-completion\"", today().plusMonths(13).toString(), "data-testid=\"project-construction\"",
                "data-testid=\"construction-summary-slot\"");
        assertThat(page("rst", "/projects/" + project + "/construction/summary"))
                .contains("data-testid=\"construction-summary\"", "data-testid=\"summary-milestones\"").doesNotContain("??");
        assertThat(page("jyt", "/projects/" + project + "/construction/summary")).doesNotContain("construction-summary");

        assertThat(api.as("rst").get("audit-events?projectId=" + project).<List<String>>json("$.content[*].action"))
                .contains("CONSTRUCTION_STARTED");
    }

    @Test
    void aFutureDateIsAFormatErrorAndAMissingDateToo() {
        String project = ApprovedProjects.approved(api, "rst", 900_000, 12);
        Response future = api.as("rst").post("projects/" + project + "/construction",
                Map.of("startedOn", today().plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.<List<String>>json("$.errors[*].field")).containsExactly("startedOn");
        assertThat(api.as("rst").post("projects/" + project + "/construction", Map.of()).status()).isEqualTo(400);
        assertThat(api.as("rst").post("projects/" + project + "/construction", Map.of("startedOn", "2026-02-30")).status())
                .isEqualTo(400);
        assertThat(api.as("rst").get("projects/" + project).text("$.status")).isEqualTo("APPROVED");
    }

    @Test
    void aProjectStillInApprovalCannotStart() {
        Response created = api.as("rst").post("projects", Api.proposal(Api.unique("未批复")));
        Response refused = api.as("rst").post("projects/" + created.text("$.id") + "/construction",
                Map.of("startedOn", today().toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("$.violations[0].rule")).isEqualTo("ART-14");
    }
}
