package cn.jl.govit.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Violation records through the API on PostgreSQL (Art. 30, 33, 34): the approval authority records the Art. 33
 * kinds, another body only misconduct (422 ART-33), a department never (403), outsiders do not see them (404); the
 * recording body refers a record as often as needed, in order, and withdraws it with a reason, after which it stays
 * visible and takes no referral; bad input is a 400 naming the field; every step is audited, the archive package
 * carries the records and the export holds no formula.
 */
@GovItTest
class ViolationRecordsIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    Api api;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    static Map<String, Object> violation(String kind, String facts, Object occurredOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("facts", facts);
        if (occurredOn != null) {
            body.put("occurredOn", occurredOn.toString());
        }
        return body;
    }

    static Map<String, Object> referral(String to, String matter, Object on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referredTo", to);
        body.put("matter", matter);
        body.put("referredOn", on.toString());
        return body;
    }

    String upload(String project) throws Exception {
        MvcResult uploaded = mvc.perform(multipart("/projects/" + project + "/documents")
                .file(new MockMultipartFile("file", "overrun.txt", "text/plain",
                        ("超概算审计报告 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).with(user(users.loadUserByUsername("rst")))).andReturn();
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        return api.as("rst").get("projects/" + project + "/documents").text("$[0].id");
    }

    @Test
    void theAuthorityRecordsASevereOverrunRefersItTwiceAndWithdrawsIt() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 3_000_000, 12);
        String evidence = upload(project);
        String path = "projects/" + project + "/violations";
        Map<String, Object> overrun = violation("SEVERE_OVERRUN", "实际支出超出批复概算 35%，未履行调整审批", today());

        // scope, then role, then input, then the rules
        assertThat(api.as("szsj").post("projects/" + UUID.randomUUID() + "/violations", overrun).status()).isEqualTo(404);
        assertThat(api.as("wjw").post(path, overrun).status()).isEqualTo(404);
        assertThat(api.as("rst").post(path, overrun).status()).isEqualTo(403);
        assertThat(api.as("expert1").post(path, overrun).status()).isIn(403, 404);
        assertThat(api.as("ldxz").post(path, overrun).status()).isEqualTo(403);
        Response empty = api.as("szsj").post(path, Map.of());
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.toString()).contains("kind", "facts", "occurredOn");
        Response badKind = api.as("szsj").post(path, violation("NONSENSE", "x", today()));
        assertThat(badKind.status()).as(badKind.toString()).isEqualTo(400);
        assertThat(badKind.toString()).contains("kind");
        Response badDate = api.as("szsj").post(path, Map.of("kind", "FRAUD", "facts", "x", "occurredOn", "2026-02-30"));
        assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);
        Response future = api.as("szsj").post(path, violation("FRAUD", "x", today().plusDays(1)));
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.toString()).contains("occurredOn");
        Map<String, Object> foreignEvidence = violation("FRAUD", "x", today());
        foreignEvidence.put("evidenceDocumentIds", List.of(UUID.randomUUID().toString()));
        Response foreign = api.as("szsj").post(path, foreignEvidence);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
        assertThat(foreign.toString()).contains("evidenceDocumentIds[0]");
        Response beforeProposal = api.as("szsj").post(path, violation("FRAUD", "x", today().minusDays(1)));
        assertThat(beforeProposal.status()).as(beforeProposal.toString()).isEqualTo(422);
        assertThat(beforeProposal.<List<String>>json("$.violations[*].rule")).containsExactly("ART-33");
        // the DRC is a supervising body on a Digital Bureau project: Art. 33 is the authority's (422), Art. 34 open
        Response drc = api.as("fgw").post(path, overrun);
        assertThat(drc.status()).as(drc.toString()).isEqualTo(422);
        assertThat(drc.<List<String>>json("$.violations[*].rule")).containsExactly("ART-33");
        assertThat(api.as("sjt").post(path, violation("LOSS_AND_WASTE", "x", today())).status()).isEqualTo(422);

        overrun.put("evidenceDocumentIds", List.of(evidence));
        Response recorded = api.as("szsj").post(path, overrun);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String id = recorded.text("$.id");
        assertThat(recorded.headers().getLocation()).hasToString("/api/v1/violations/" + id);
        assertThat(recorded.text("$.status")).isEqualTo("RECORDED");
        assertThat(recorded.text("$.rule")).isEqualTo("ART-33");
        assertThat(recorded.text("$.bodyOrgCode")).isEqualTo("SZSJ");
        assertThat(recorded.text("$.leadOrgCode")).isEqualTo("RST");
        assertThat(recorded.text("$.occurredOn")).isEqualTo(today().toString());
        assertThat(recorded.<List<String>>json("$.evidenceDocumentIds")).containsExactly(evidence);
        assertThat(api.as("rst").get("me/notifications?size=200")
                .<List<String>>json("$.content[?(@.projectId == '" + project + "')].messageKey"))
                .contains("violation.notice.recorded");

        // Audit records misconduct (Art. 34) on the same project
        Response misconduct = api.as("sjt").post(path, violation("MISCONDUCT", "项目负责人收受承建单位财物", today()));
        assertThat(misconduct.status()).as(misconduct.toString()).isEqualTo(201);
        assertThat(misconduct.text("$.rule")).isEqualTo("ART-34");
        String audited = misconduct.text("$.id");

        // who sees the record
        assertThat(api.as("rst").get("violations/" + id).status()).isEqualTo(200);
        assertThat(api.as("wjw").get("violations/" + id).status()).isEqualTo(404);
        assertThat(api.as("wjw").get(path).status()).isEqualTo(404);
        assertThat(api.as("szsj").get("violations/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.as("rst").get(path).<List<String>>json("$[*].id")).containsExactly(audited, id);
        assertThat(api.as("rst").get("violations?size=200").<List<String>>json("$.content[*].id")).contains(id, audited);
        assertThat(api.as("wjw").get("violations?size=200").<List<String>>json("$.content[*].id")).doesNotContain(id);
        assertThat(api.as("czt").get("violations?kind=SEVERE_OVERRUN&status=RECORDED&size=200")
                .<List<String>>json("$.content[*].id")).contains(id).doesNotContain(audited);
        assertThat(api.as("czt").get("violations?kind=MISCONDUCT&size=200").<List<String>>json("$.content[*].id"))
                .contains(audited).doesNotContain(id);
        assertThat(api.as("expert1").get("violations").status()).isEqualTo(403);
        assertThat(api.as("szsj").get("violations?kind=BAD").status()).isEqualTo(400);
        assertThat(api.as("szsj").get("violations?status=BAD").status()).isEqualTo(400);

        // only the recording body refers; bad input names the field
        String refer = "violations/" + id + "/referrals";
        Map<String, Object> toDiscipline = referral("省纪委监委", "项目单位擅自扩大建设规模、严重超概算，提请依纪依法处理", today());
        assertThat(api.as("sjt").post(refer, toDiscipline).status()).isEqualTo(403);
        assertThat(api.as("rst").post(refer, toDiscipline).status()).isEqualTo(403);
        assertThat(api.as("wjw").post(refer, toDiscipline).status()).isEqualTo(404);
        Response noBody = api.as("szsj").post(refer, Map.of());
        assertThat(noBody.status()).as(noBody.toString()).isEqualTo(400);
        assertThat(noBody.toString()).contains("referredTo", "matter", "referredOn");
        Response longName = api.as("szsj").post(refer, referral("省".repeat(201), "x", today()));
        assertThat(longName.status()).as(longName.toString()).isEqualTo(400);
        assertThat(longName.toString()).contains("referredTo");
        assertThat(api.as("szsj").post(refer, referral("公安机关", "x", today().plusDays(1))).status()).isEqualTo(400);
        Response early = api.as("szsj").post(refer, referral("公安机关", "x", today().minusDays(1)));
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.<List<String>>json("$.violations[*].rule")).containsExactly("ART-33");

        Response first = api.as("szsj").post(refer, toDiscipline);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Response second = api.as("szsj").post(refer, referral("省审计厅", "提请对项目资金使用情况开展专项审计", today()));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.<List<Integer>>json("$.referrals[*].seq")).containsExactly(1, 2);
        assertThat(second.<List<String>>json("$.referrals[*].referredTo")).containsExactly("省纪委监委", "省审计厅");
        assertThat(second.<List<String>>json("$.referrals[*].referredBy")).containsExactly("szsj", "szsj");

        // the authority's public criticism (Art. 33) cites the record; the archive package carries it below
        Response criticised = api.as("szsj").post("projects/" + project + "/sanctions",
                Map.of("kind", "PUBLIC_CRITICISM", "violationId", id, "reason", "对项目严重超概算予以通报批评"));
        assertThat(criticised.status()).as(criticised.toString()).isEqualTo(201);

        // withdrawal: only the recording body, with a reason; the record stays visible and takes no referral
        String withdraw = "violations/" + id + "/withdrawal";
        assertThat(api.as("sjt").post(withdraw, Map.of("reason", "x")).status()).isEqualTo(403);
        Response noReason = api.as("szsj").post(withdraw, Map.of("reason", " "));
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.toString()).contains("reason");
        Response withdrawn = api.as("szsj").post(withdraw, Map.of("reason", "超支部分已按程序补办调整审批，系误记"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.text("$.status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.text("$.withdrawnOn")).isEqualTo(today().toString());
        Response listed = api.as("rst").get(path);
        assertThat(listed.<List<String>>json("$[?(@.id == '" + id + "')].withdrawnReason"))
                .containsExactly("超支部分已按程序补办调整审批，系误记");
        assertThat(listed.<List<Integer>>json("$[?(@.id == '" + id + "')].referrals[*].seq")).containsExactly(1, 2);
        Response late = api.as("szsj").post(refer, referral("公安机关", "x", today()));
        assertThat(late.status()).as(late.toString()).isEqualTo(422);
        assertThat(late.<List<String>>json("$.violations[*].rule")).containsExactly("ART-33");
        assertThat(api.as("szsj").post(withdraw, Map.of("reason", "again")).status()).isEqualTo(422);
        assertThat(api.as("czt").get("violations?status=WITHDRAWN&size=200").<List<String>>json("$.content[*].id"))
                .contains(id);

        // the referrals are append-only in the database too
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_referral WHERE violation_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(2L);
        assertThat(api.as("rst").get("audit-events?projectId=" + project + "&size=200").<List<String>>json("$.content[*].action"))
                .contains("VIOLATION_RECORDED", "VIOLATION_REFERRED", "VIOLATION_WITHDRAWN");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'VIOLATION_REFERRED' AND entity_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(2L);

        // the signed archive package carries the records with their referrals
        assertThat(packageEntry(project, "metadata/violations.json")).contains("实际支出超出批复概算", "省纪委监委", "省审计厅",
                "超支部分已按程序补办调整审批", "MISCONDUCT", "\"sanctions\"", "PUBLIC_CRITICISM", "对项目严重超概算予以通报批评",
                criticised.text("$.id"));
    }

    @Test
    void theDrcRecordsOnACentralBudgetProjectAndTheDigitalBureauMayNot() {
        Map<String, Object> proposal = ApprovedProjects.simpleProposal(Api.unique("中央预算内项目"), 8_000_000, 12);
        proposal.put("fundingSources", List.of(Map.of("source", "CENTRAL_BUDGET", "amount", 8_000_000)));
        Response created = api.as("rst").post("projects", proposal);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("$.approvalAuthority")).isEqualTo("DEVELOPMENT_REFORM");
        String path = "projects/" + created.text("$.id") + "/violations";
        Response digital = api.as("szsj").post(path, violation("NO_APPROVAL_OR_FILING", "未经审批擅自开工", today()));
        assertThat(digital.status()).as(digital.toString()).isEqualTo(422);
        assertThat(digital.<List<String>>json("$.violations[*].rule")).containsExactly("ART-33");
        Response drc = api.as("fgw").post(path, violation("NO_APPROVAL_OR_FILING", "未经审批擅自开工", today()));
        assertThat(drc.status()).as(drc.toString()).isEqualTo(201);
        assertThat(drc.text("$.bodyOrgCode")).isEqualTo("FGW");
        // the DRC's record is the DRC's: the Digital Bureau neither refers nor withdraws it
        assertThat(api.as("szsj").post("violations/" + drc.text("$.id") + "/withdrawal", Map.of("reason", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void theExportHasTheListsRowsAndNoFormula() throws Exception {
        String project = ApprovedProjects.approved(api, "rst", 2_000_000, 12);
        String facts = "=HYPERLINK(\"http://evil\",\"x\") 质量低劣 " + UUID.randomUUID();
        Response recorded = api.as("szsj").post("projects/" + project + "/violations", violation("POOR_QUALITY", facts, today()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        api.as("szsj").post("violations/" + recorded.text("$.id") + "/referrals", referral("=1+1", "@SUM(A1)", today()));

        HttpResponse<byte[]> response = download("szsj", "/api/v1/violations/export.xlsx?kind=POOR_QUALITY");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                .contains("violations-" + today() + ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).contains("项目编号", "违规情形", "依据条款", "移送情况");
            List<String> texts = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING) {
                        texts.add(cell.getStringCellValue());
                    }
                }
            }
            assertThat(texts).anyMatch(t -> t.contains(facts.substring(1)));
            assertThat(texts).contains("质量低劣").doesNotContain("严重超预算");
        }
        assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'EXPORTED' AND actor = 'szsj' "
                + "AND entity_type = 'ViolationRecordList' ORDER BY sequence DESC LIMIT 1").query(String.class).single())
                .contains("kind=POOR_QUALITY");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                download("szsj", "/api/v1/violations/export.xlsx?lang=en").body()))) {
            List<String> headers = new ArrayList<>();
            book.getSheetAt(0).getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).contains("Project code", "Kind", "Referrals");
        }
        assertThat(download("szsj", "/api/v1/violations/export.xlsx?kind=BAD").statusCode()).isEqualTo(400);
        assertThat(download("expert1", "/api/v1/violations/export.xlsx").statusCode()).isEqualTo(403);
        assertThat(download(null, "/api/v1/violations/export.xlsx").statusCode()).isEqualTo(401);
    }

    @Test
    void theRulesAndTheEndpointsArePublished() {
        Response rules = api.as("rst").get("rules");
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-33')].summary")).singleElement().asString().contains("通报批评");
        assertThat(rules.<List<String>>json("$[?(@.id == 'ART-34')].summary")).singleElement().asString().contains("滥用职权");
        assertThat(api.as("rst").get("/v3/api-docs").body()).contains("/api/v1/projects/{id}/violations",
                "/api/v1/violations", "/api/v1/violations/{vid}", "/api/v1/violations/{vid}/referrals",
                "/api/v1/violations/{vid}/withdrawal", "/api/v1/violations/export.xlsx");
    }

    HttpResponse<byte[]> download(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String packageEntry(String project, String name) throws Exception {
        HttpResponse<byte[]> exported = download("rst", "/api/v1/projects/" + project + "/archive-package");
        assertThat(exported.statusCode()).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(exported.body()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " not in the archive package");
    }
}
