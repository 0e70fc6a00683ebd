package cn.jl.govit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/**
 * The annual demand plan through its Excel template on PostgreSQL: the template a department downloads, the
 * import of the filled template (all rows or none), the rows it names when it refuses, scope and limits.
 */
@GovItTest
class DemandImportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    Api api;
    String item;
    String call;

    @BeforeEach
    void planAndCall() {
        api = new Api(port);
        item = planInForce();
        call = currentCall();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    String planInForce() {
        String code = "M" + Api.unique("").substring(1);
        int year = today().getYear();
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", "吉林省数字政府建设规划");
        plan.put("periodFrom", year - 1);
        plan.put("periodTo", year + 3);
        plan.put("items", List.of(Map.of("code", code, "title", "一网通办"), Map.of("code", code + "B", "title", "数据共享")));
        plan.put("approvedOn", today().toString());
        plan.put("approvalDocument", "吉政函〔" + year + "〕1号");
        Response created = api.as("szsj").post("construction-plans", plan);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    String currentCall() {
        int year = today().getYear();
        List<Map<String, Object>> found = api.as("szsj").get("demand-calls?size=200").json("$.content[?(@.year == " + year + ")]");
        if (!found.isEmpty()) {
            return (String) found.get(0).get("id");
        }
        Response opened = api.as("szsj").post("demand-calls", Map.of("year", year, "opensOn", today().toString(),
                "closesOn", today().plusDays(30).toString(), "focusAreas", List.of("一网通办")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("$.id");
    }

    record Download(int status, String contentType, byte[] bytes) {
    }

    Download template(String user, String query) {
        return RestClient.create().get()
                .uri("http://localhost:" + port + "/api/v1/demand-calls/" + call + "/demands/template.xlsx" + query)
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .exchange((request, response) -> new Download(response.getStatusCode().value(),
                        String.valueOf(response.getHeaders().getContentType()), response.getBody().readAllBytes()));
    }

    Response upload(Api.Call as, String callId, String filename, byte[] bytes) throws IOException {
        String boundary = "govit-" + java.util.UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return as.send(HttpMethod.POST, "demand-calls/" + callId + "/demands/import",
                "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** The downloaded template with the given rows written from row 2 on (a Double is a number cell). */
    byte[] filled(List<List<Object>> rows) throws IOException {
        Download download = template("rst", "");
        assertThat(download.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    }
                    else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    int demandsOf(String user) {
        return api.as(user).get("demands?size=1").<Integer>json("$.totalElements");
    }

    @Test
    void theTemplateNamesEveryFieldInTheCallersLanguageWithADropDownOfThePlanItems() throws IOException {
        Download zh = template("rst", "");

        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(zh.bytes()))) {
            Sheet data = wb.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            data.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("需求名称 *", "建设内容 *", "估算投资（元） *", "规划项目 *", "参建部门代码");
            assertThat(data.getLastRowNum()).as("no example row").isZero();
            List<? extends DataValidation> validations = data.getDataValidations();
            assertThat(validations).anySatisfy(v -> {
                assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.LIST);
                assertThat(v.getValidationConstraint().getFormula1()).startsWith("lists!");
                assertThat(v.getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(3);
            });
            Sheet lists = wb.getSheet("lists");
            assertThat(wb.isSheetHidden(wb.getSheetIndex(lists))).isTrue();
            List<String> choices = new ArrayList<>();
            lists.forEach(r -> choices.add(r.getCell(0).getStringCellValue()));
            assertThat(choices).containsExactly(item + " 一网通办", item + "B 数据共享");
            Sheet help = wb.getSheet("填写说明");
            assertThat(help).isNotNull();
            StringBuilder text = new StringBuilder();
            help.forEach(r -> r.forEach(c -> text.append(c.getStringCellValue()).append('|')));
            assertThat(text).contains("征报时间").contains(item).contains("WJW").contains("500");
            assertNoFormula(wb);
        }

        Download en = template("rst", "?lang=en");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(en.bytes()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Demand title *");
            assertThat(wb.getSheet("Instructions")).isNotNull();
        }
    }

    static void assertNoFormula(XSSFWorkbook wb) {
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    @Test
    void aFilledTemplateFilesEveryDemandAtOnceAndAuditsEach() throws IOException {
        String first = Api.unique("导入需求甲");
        String second = Api.unique("导入需求乙");
        int before = demandsOf("rst");

        Response imported = upload(api.as("rst"), call, "需求计划.xlsx", filled(List.of(
                List.of(first, "建设内容：一卡通", 3000000.5, item + " 一网通办", "WJW、JYT"),
                List.of(second, "建设内容：共享", "1,200.00", item + "B"))));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.<Integer>json("$.count")).isEqualTo(2);
        List<String> ids = imported.json("$.ids");
        assertThat(ids).hasSize(2);
        assertThat(demandsOf("rst")).isEqualTo(before + 2);
        Response one = api.as("rst").get("demands/" + ids.get(0));
        assertThat(one.text("$.title")).isEqualTo(first);
        assertThat(new java.math.BigDecimal(one.text("$.estimate"))).isEqualByComparingTo("3000000.50");
        assertThat(one.text("$.planItemCode")).isEqualTo(item);
        assertThat(one.text("$.organizationCode")).isEqualTo("RST");
        assertThat(one.<List<String>>json("$.participatingOrganizationCodes")).containsExactly("WJW", "JYT");
        assertThat(new java.math.BigDecimal(api.as("rst").get("demands/" + ids.get(1)).text("$.estimate"))).isEqualByComparingTo("1200");
        List<String> listed = api.as("szsj").get("demand-calls/" + call + "/demands?size=200").json("$.content[*].title");
        assertThat(listed).contains(first, second);
        assertThat(api.as("wjw").get("demands/" + ids.get(0)).status()).as("another department").isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'DEMAND_FILED' AND entity_id IN (?, ?)",
                Integer.class, ids.get(0), ids.get(1))).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'DEMANDS_IMPORTED' AND entity_id = ?"
                + " AND summary LIKE '% 2 demands from 需求计划.xlsx (SM3 %'", Integer.class, call)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void oneBadRowAmongGoodOnesIsNamedAndNothingIsStored() throws IOException {
        String good = Api.unique("好需求");
        int before = demandsOf("rst");
        byte[] file = filled(List.of(
                List.of(good, "内容", 100.0, item),
                List.of(Api.unique("坏需求"), "内容", 1234.567, item),
                List.of(good + "2", "内容", 100.0, "NO-SUCH"),
                List.of(good + "3", "内容", 100.0, item, "RST"),
                List.of("x".repeat(201), "内容", 100.0, item)));

        Response refused = upload(api.as("rst"), call, "plan.xlsx", file);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType().toString()).startsWith("application/problem+json");
        assertThat(refused.<List<Integer>>json("$.rejectedRows")).containsExactly(3, 4, 5, 6);
        assertThat(refused.<List<Integer>>json("$.errors[*].row")).containsExactly(3, 4, 5, 6);
        assertThat(refused.<List<String>>json("$.errors[*].column"))
                .containsExactly("估算投资（元）", "规划项目", "参建部门代码", "需求名称");
        assertThat(refused.text("$.errors[0].message")).contains("2 位小数");
        assertThat(refused.text("$.errors[1].message")).contains("NO-SUCH");
        assertThat(refused.text("$.errors[2].field")).isEqualTo("participatingOrganizationCodes[0]");
        assertThat(demandsOf("rst")).isEqualTo(before);
        List<String> titles = api.as("rst").get("demands?size=200").json("$.content[*].title");
        assertThat(titles).doesNotContain(good);

        Response english = upload(api.as("rst").english(), call, "plan.xlsx", file);
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.text("$.errors[0].column")).isEqualTo("Estimate (yuan)");
        assertThat(english.text("$.errors[0].message")).contains("2 decimals");
    }

    @Test
    void aFailureMidwayRollsBackTheDemandsAlreadyInserted() throws IOException {
        String failing = Api.unique("中途失败");
        String first = Api.unique("先插入的需求");
        int before = demandsOf("rst");
        long auditBefore = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
        jdbc.execute("CREATE OR REPLACE FUNCTION h11_fail_midway() RETURNS trigger AS $f$ BEGIN IF NEW.title = '"
                + failing + "' THEN RAISE EXCEPTION 'simulated failure midway'; END IF; RETURN NEW; END $f$ LANGUAGE plpgsql");
        jdbc.execute("CREATE TRIGGER h11_fail_midway BEFORE INSERT ON demand FOR EACH ROW EXECUTE FUNCTION h11_fail_midway()");
        try {
            Response failed = upload(api.as("rst"), call, "plan.xlsx", filled(List.of(
                    List.of(first, "内容", 100.0, item), List.of(failing, "内容", 100.0, item),
                    List.of(Api.unique("之后的需求"), "内容", 100.0, item))));
            assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
        }
        finally {
            jdbc.execute("DROP TRIGGER IF EXISTS h11_fail_midway ON demand");
            jdbc.execute("DROP FUNCTION IF EXISTS h11_fail_midway()");
        }
        assertThat(demandsOf("rst")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM demand WHERE title = ?", Integer.class, first)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class)).isEqualTo(auditBefore);
    }

    @Test
    void aFileThatIsNoTemplateOrTooLongIsA400NamingTheFile() throws IOException {
        Response corrupt = upload(api.as("rst"), call, "plan.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8));
        assertThat(corrupt.status()).as(corrupt.toString()).isEqualTo(400);
        assertThat(corrupt.<List<String>>json("$.errors[*].field")).containsExactly("file");

        Response missing = api.as("rst").send(HttpMethod.POST, "demand-calls/" + call + "/demands/import",
                "multipart/form-data; boundary=x", "--x--\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.<List<String>>json("$.errors[*].field")).containsExactly("file");

        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            rows.add(List.of("需求" + i, "内容", 100.0, item));
        }
        int before = demandsOf("rst");
        Response tooMany = upload(api.as("rst"), call, "plan.xlsx", filled(rows));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.<List<String>>json("$.errors[*].field")).containsExactly("file");
        assertThat(tooMany.text("$.errors[0].message")).contains("500");
        assertThat(demandsOf("rst")).isEqualTo(before);
    }

    @Test
    void onlyDepartmentStaffInScopeDownloadAndImport() throws IOException {
        byte[] file = filled(List.of(List.of(Api.unique("越权"), "内容", 100.0, item)));
        assertThat(template("szsj", "").status()).isEqualTo(403);
        assertThat(template("admin", "").status()).isEqualTo(404);
        assertThat(template("expert1", "").status()).isEqualTo(404);
        assertThat(upload(api.as("szsj"), call, "p.xlsx", file).status()).isEqualTo(403);
        assertThat(upload(api.as("sjt"), call, "p.xlsx", file).status()).isEqualTo(403);
        assertThat(upload(api.as("admin"), call, "p.xlsx", file).status()).isEqualTo(404);
        assertThat(upload(api.as("rst"), java.util.UUID.randomUUID().toString(), "p.xlsx", file).status()).isEqualTo(404);
        assertThat(upload(api.as(null), call, "p.xlsx", file).status()).isEqualTo(401);
    }

    @Test
    void afterTheCallClosesTheImportIsRefusedWithArticle6() throws IOException {
        byte[] file = filled(List.of(List.of(Api.unique("逾期"), "内容", 100.0, item)));
        int before = demandsOf("rst");
        clock.advance(Duration.ofDays(400));

        Response late = upload(api.as("rst"), call, "p.xlsx", file);

        assertThat(late.status()).as(late.toString()).isEqualTo(422);
        assertThat(late.<List<String>>json("$.violations[*].rule")).contains("ART-6");
        clock.reset();
        assertThat(demandsOf("rst")).isEqualTo(before);
    }

    // the page

    /** The page's upload through the whole security filter chain (CSRF included); Pages takes no multipart request. */
    org.springframework.test.web.servlet.MvcResult pageImport(byte[] bytes) throws Exception {
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .multipart("/planning/calls/" + call + "/demands/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "plan.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        userDetails.loadUserByUsername("rst")))
                .header("Accept-Language", "zh-CN")).andReturn();
    }

    @Test
    void theDemandsPageOffersTheTemplateAndShowsEveryRefusedRowOrTheCountImported() throws Exception {
        var pages = new cn.jl.govit.support.Pages(context, userDetails);
        String page = pages.body("rst", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/planning/demands"));
        assertThat(page).contains("data-testid=\"import-form\"").contains("/planning/calls/" + call + "/demands/template.xlsx")
                .contains("name=\"_csrf\"");
        var download = pages.perform("rst", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/planning/calls/" + call + "/demands/template.xlsx"));
        assertThat(download.getResponse().getStatus()).isEqualTo(200);
        assertThat(download.getResponse().getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
        assertThat(pages.perform("szsj", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/planning/calls/" + call + "/demands/template.xlsx")).getResponse().getStatus()).isEqualTo(403);

        int before = demandsOf("rst");
        String good = Api.unique("页面导入");
        var refused = pageImport(filled(List.of(List.of(good, "内容", 100.0, item), List.of(good + "坏", "内容", "abc", item))));
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        String html = cn.jl.govit.support.Pages.body(refused);
        assertThat(html).contains("data-testid=\"import-errors\"").contains("估算投资（元）").contains(">3<");
        assertThat(demandsOf("rst")).isEqualTo(before);

        var corrupt = pageImport("no".getBytes(StandardCharsets.UTF_8));
        assertThat(corrupt.getResponse().getStatus()).isEqualTo(400);
        assertThat(cn.jl.govit.support.Pages.body(corrupt)).contains("data-testid=\"import-refused\"").contains("Excel（.xlsx）");

        var done = pageImport(filled(List.of(List.of(good, "内容", 100.0, item))));
        assertThat(done.getResponse().getStatus()).isEqualTo(302);
        assertThat(done.getFlashMap().get("imported")).isEqualTo(1);
        assertThat(demandsOf("rst")).isEqualTo(before + 1);
    }
}
