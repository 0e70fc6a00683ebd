package cn.jl.govit.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.AcceptedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * The operation page: the unit records through its forms (a refusal shows in place with the input kept), the
 * supervising bodies read only, a department outside the project gets 404, a project not in operation says so.
 */
@GovItTest
class OperationPagesIntegrationTests {

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

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theUnitRecordsOnThePageAndARefusalKeepsItsInput() throws Exception {
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 2_000_000, 12);
        String page = "/projects/" + project + "/operation";

        String html = pages.body("rst", get(page));
        assertThat(html).contains("data-testid=\"schedule\"", "SECURITY-1", "CRYPTO-1", "data-testid=\"assessment-form\"",
                "data-testid=\"contract-form\"", "data-testid=\"record-form\"", "data-testid=\"mlps-form\"",
                "/projects/" + project + "/upgrades");
        assertThat(html).doesNotContain("data-testid=\"not-in-operation\"");

        MvcResult refused = pages.perform("rst", post(page + "/om-contracts").with(csrf())
                .param("contractor", "长春运维科技有限公司").param("contractNumber", "YW-P-1").param("amount", "50000")
                .param("startsOn", today().toString()).param("endsOn", today().minusDays(1).toString())
                .param("serviceLevel", "5×8 小时"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        String shown = Pages.body(refused);
        assertThat(shown).contains("data-field=\"endsOn\"", "长春运维科技有限公司", "YW-P-1");

        MvcResult recorded = pages.perform("rst", post(page + "/om-contracts").with(csrf())
                .param("contractor", "长春运维科技有限公司").param("contractNumber", "YW-P-1").param("amount", "50000")
                .param("startsOn", today().toString()).param("endsOn", today().plusDays(30).toString())
                .param("serviceLevel", "5×8 小时"));
        assertThat(recorded.getResponse().getStatus()).isEqualTo(302);
        assertThat(recorded.getResponse().getRedirectedUrl()).isEqualTo(page + "#contracts");
        assertThat(pages.body("rst", get(page))).contains("data-testid=\"renewal-flag\"", "YW-P-1");

        MvcResult logged = pages.perform("rst", post(page + "/om-records").with(csrf())
                .param("occurredOn", today().toString()).param("recordKind", "BACKUP_DRILL")
                .param("description", "季度备份恢复演练"));
        assertThat(logged.getResponse().getStatus()).isEqualTo(302);
        assertThat(pages.body("szsj", get(page + "?kind=BACKUP_DRILL"))).contains("季度备份恢复演练");
        assertThat(pages.body("szsj", get(page + "?kind=INCIDENT"))).doesNotContain("季度备份恢复演练");

        MvcResult noDocument = pages.perform("rst", post(page + "/assessments").with(csrf())
                .param("kind", "SECURITY").param("assessedOn", today().toString()).param("assessor", "测评中心")
                .param("result", "PASS"));
        assertThat(noDocument.getResponse().getStatus()).isEqualTo(400);
        assertThat(Pages.body(noDocument)).contains("data-field=\"documentId\"", "测评中心");
    }

    @Test
    void everyoneElseReadsOnly() throws Exception {
        String project = AcceptedProjects.inOperation(api, runAs, projects, "rst", 2_000_000, 12);
        String page = "/projects/" + project + "/operation";
        for (String reader : new String[] {"szsj", "czt", "sjt", "wxb", "mmj"}) {
            MvcResult read = pages.perform(reader, get(page));
            assertThat(read.getResponse().getStatus()).as(reader).isEqualTo(200);
            assertThat(Pages.body(read)).as(reader).contains("data-testid=\"read-only\"")
                    .doesNotContain("data-testid=\"assessment-form\"", "data-testid=\"contract-form\"");
        }
        assertThat(pages.perform("wjw", get(page)).getResponse().getStatus()).isEqualTo(404);
        assertThat(pages.perform("szsj", post(page + "/assessments").with(csrf()).param("kind", "SECURITY"))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(pages.perform("wjw", post(page + "/om-records").with(csrf())).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aProjectNotInOperationSaysSo() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 12);
        String html = pages.body("rst", get("/projects/" + project + "/operation"));
        assertThat(html).contains("data-testid=\"not-in-operation\"").doesNotContain("data-testid=\"assessment-form\"",
                "data-testid=\"mlps-form\"");
    }
}
