package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * The violation pages through MockMvc: each actor gets the forms it may use (the authority every kind, another body
 * misconduct only, the department none), a refused form shows its field errors or rules in the page (400/422), a
 * recorded violation is referred and withdrawn through the page, the list filters and exports, outsiders get 404/403.
 */
@GovItTest
class ViolationPagesTests {

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

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void eachActorGetsItsOwnFormsAndRefusalsShowInThePage() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        String url = "/projects/" + project + "/violations";

        String authority = pages.body("szsj", get(url));
        assertThat(authority).contains("data-testid=\"record-form\"", "value=\"SEVERE_OVERRUN\"", "value=\"MISCONDUCT\"",
                "违规记录与移送", "暂无违规记录");
        String audit = pages.body("sjt", get(url));
        assertThat(audit).contains("data-testid=\"record-form\"", "value=\"MISCONDUCT\"").doesNotContain("value=\"SEVERE_OVERRUN\"");
        assertThat(pages.body("rst", get(url))).doesNotContain("record-form");
        assertThat(pages.perform("wjw", get(url)).getResponse().getStatus()).isEqualTo(404);
        assertThat(pages.perform("rst", post(url).param("kind", "FRAUD").param("facts", "x")
                .param("occurredOn", today()).with(csrf())).getResponse().getStatus()).isEqualTo(403);

        MvcResult future = pages.perform("szsj", post(url).param("kind", "FRAUD").param("facts", "虚报工程量")
                .param("occurredOn", LocalDate.parse(today()).plusDays(1).toString()).with(csrf()));
        assertThat(future.getResponse().getStatus()).isEqualTo(400);
        assertThat(Pages.body(future)).contains("data-testid=\"errors\"", "data-field=\"occurredOn\"", "虚报工程量");
        MvcResult notTheirs = pages.perform("sjt", post(url).param("kind", "FRAUD").param("facts", "虚报工程量")
                .param("occurredOn", today()).with(csrf()));
        assertThat(notTheirs.getResponse().getStatus()).isEqualTo(422);
        assertThat(Pages.body(notTheirs)).contains("data-rule=\"ART-33\"");

        MvcResult done = pages.perform("szsj", post(url).param("kind", "FRAUD").param("facts", "虚报工程量，套取建设资金")
                .param("occurredOn", today()).with(csrf()));
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        String id = api.as("szsj").get("projects/" + project + "/violations").text("$[0].id");
        String recorded = pages.body("szsj", get(url));
        assertThat(recorded).contains("虚报工程量，套取建设资金", "data-testid=\"refer-form\"", "data-testid=\"withdraw-form\"");
        assertThat(pages.body("rst", get(url))).contains("虚报工程量，套取建设资金").doesNotContain("refer-form");
        assertThat(pages.body("sjt", get(url))).doesNotContain("refer-form");

        MvcResult noMatter = pages.perform("szsj", post(url + "/" + id + "/referrals").param("referredTo", "公安机关")
                .param("referredOn", today()).with(csrf()));
        assertThat(noMatter.getResponse().getStatus()).isEqualTo(400);
        assertThat(Pages.body(noMatter)).contains("data-field=\"matter\"");
        assertThat(pages.perform("szsj", post(url + "/" + id + "/referrals").param("referredTo", "公安机关")
                .param("matter", "涉嫌诈骗，移送公安机关").param("referredOn", today()).with(csrf()))
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(pages.perform("szsj", post(url + "/" + id + "/withdrawal").param("reason", "经核实系统计口径差异")
                .with(csrf())).getResponse().getStatus()).isEqualTo(302);
        String after = pages.body("rst", get(url));
        assertThat(after).contains("涉嫌诈骗，移送公安机关", "经核实系统计口径差异", "data-testid=\"withdrawn\"");
        MvcResult late = pages.perform("szsj", post(url + "/" + id + "/referrals").param("referredTo", "公安机关")
                .param("matter", "x").param("referredOn", today()).with(csrf()));
        assertThat(late.getResponse().getStatus()).isEqualTo(422);
        assertThat(Pages.body(late)).contains("data-rule=\"ART-33\"");
        // a record of another project is not reached through this project's path
        String other = ApprovedProjects.approved(api, "rst", 1_000_000, 12);
        assertThat(pages.perform("szsj", post("/projects/" + other + "/violations/" + id + "/withdrawal")
                .param("reason", "x").with(csrf())).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theListFiltersLinksAndExports() throws Exception {
        String project = ApprovedProjects.approved(api, "rst", 1_500_000, 12);
        assertThat(api.as("szsj").post("projects/" + project + "/violations",
                Map.of("kind", "LOSS_AND_WASTE", "facts", "设备长期闲置", "occurredOn", today())).status()).isEqualTo(201);
        String list = pages.body("czt", get("/violations").param("kind", "LOSS_AND_WASTE"));
        assertThat(list).contains("/projects/" + project + "/violations", "data-kind=\"LOSS_AND_WASTE\"",
                "/violations/export.xlsx?kind=LOSS_AND_WASTE").doesNotContain("data-kind=\"FRAUD\"");
        assertThat(pages.body("rst", get("/violations"))).contains("/projects/" + project + "/violations");
        assertThat(pages.body("wjw", get("/violations"))).doesNotContain("/projects/" + project + "/violations");
        assertThat(pages.perform("expert1", get("/violations")).getResponse().getStatus()).isEqualTo(403);
        assertThat(pages.body("szsj", get("/violations"))).contains("href=\"/violations\"");

        MvcResult exported = pages.perform("czt", get("/violations/export.xlsx").param("kind", "LOSS_AND_WASTE").param("status", ""));
        assertThat(exported.getResponse().getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported.getResponse().getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(1);
        }
    }
}
