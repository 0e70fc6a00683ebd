package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * The project list exported as .xlsx: the caller's scope and filters, headers in the caller's language, a
 * department's formula-like project name kept as text, and an audit event for each export.
 */
@GovItTest
class ProjectExportIntegrationTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aDepartmentExportsExactlyItsProjectsAndAFormulaLikeNameStaysText() throws Exception {
        String evil = "=HYPERLINK(\"http://evil\")测试" + Api.unique("");
        Response created = api.as("rst").post("projects", Api.proposal(evil));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String code = created.text("$.code");
        long audited = exports();

        HttpResponse<byte[]> response = download(port, "rst", "/api/v1/projects/export.xlsx", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(XLSX);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("projects-" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + ".xlsx");
        try (XSSFWorkbook book = reopen(response.body())) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertNoFormula(sheet);
            assertThat(headers(sheet)).containsExactly("项目编号", "项目名称", "牵头单位", "状态", "审批机关", "估算投资（元）",
                    "批复概算（元）", "建设周期（月）", "开工日期", "计划完工日期", "提出日期");
            assertThat(codes(sheet)).isEqualTo(listedCodes("rst", ""));
            Row evilRow = rowOf(sheet, code);
            Cell name = evilRow.getCell(1);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo(evil);
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(evilRow.getCell(3).getStringCellValue()).isEqualTo("草稿");
            assertThat(evilRow.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(evilRow.getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
        }
        assertThat(exports()).isEqualTo(audited + 1);
        assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'EXPORTED' AND actor = 'rst' ORDER BY sequence DESC LIMIT 1")
                .query(String.class).single()).contains("rows=" + listedCodes("rst", "").size());
    }

    @Test
    void theAuthoritySeesEveryDepartmentsProjectsAndTheFiltersApply() throws Exception {
        String name = Api.unique("导出筛选");
        String rstCode = api.as("rst").post("projects", Api.proposal(name)).text("$.code");
        try (XSSFWorkbook book = reopen(download(port, "szsj", "/api/v1/projects/export.xlsx", null).body())) {
            Set<String> codes = codes(book.getSheetAt(0));
            assertThat(codes).isEqualTo(listedCodes("szsj", "")).contains(rstCode);
            assertThat(codes).hasSizeGreaterThan(listedCodes("rst", "").size());
        }
        String filter = "?status=DRAFT&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        try (XSSFWorkbook book = reopen(download(port, "szsj", "/api/v1/projects/export.xlsx" + filter, null).body())) {
            assertThat(codes(book.getSheetAt(0))).containsExactly(rstCode);
        }
        try (XSSFWorkbook book = reopen(download(port, "szsj", "/api/v1/projects/export.xlsx?status=APPROVED&q="
                + URLEncoder.encode(name, StandardCharsets.UTF_8), null).body())) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
        }
    }

    @Test
    void headersFollowTheCallersLanguage() throws Exception {
        try (XSSFWorkbook book = reopen(download(port, "rst", "/api/v1/projects/export.xlsx", "en").body())) {
            assertThat(headers(book.getSheetAt(0))).startsWith("Project code", "Project name", "Lead organisation", "Status");
        }
    }

    @Test
    void anonymousCallersAreRefusedAndBadFiltersAre400() throws Exception {
        assertThat(download(port, null, "/api/v1/projects/export.xlsx", null).statusCode()).isEqualTo(401);
        assertThat(download(port, "rst", "/api/v1/projects/export.xlsx?status=NOPE", null).statusCode()).isEqualTo(400);
        assertThat(download(port, "rst", "/api/v1/projects/export.xlsx?q=" + "x".repeat(201), null).statusCode()).isEqualTo(400);
    }

    @Test
    void thePageSessionDownloadsTheSameFile() throws Exception {
        var pages = new cn.jl.govit.support.Pages(context, users);
        var result = pages.perform("rst", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/projects/export.xlsx").param("status", "").param("q", ""));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith(XLSX);
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        try (XSSFWorkbook book = reopen(result.getResponse().getContentAsByteArray())) {
            assertNoFormula(book.getSheetAt(0));
            assertThat(codes(book.getSheetAt(0))).isEqualTo(listedCodes("rst", ""));
        }
        var obligations = pages.perform("rst", org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/obligations/export.xlsx").param("status", "OVERDUE"));
        assertThat(obligations.getResponse().getStatus()).isEqualTo(200);
        assertThat(obligations.getResponse().getHeader("Content-Disposition")).contains("obligations-");
        String list = pages.body("rst", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/projects"));
        assertThat(list).contains("data-testid=\"project-export\"");
    }

    @Test
    void theExportsAreDocumentedInTheOpenApiDescription() throws Exception {
        String docs = new String(download(port, "rst", "/v3/api-docs", null).body(), StandardCharsets.UTF_8);
        assertThat(docs).contains("/api/v1/projects/export.xlsx", "/api/v1/obligations/export.xlsx");
    }

    private long exports() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPORTED'").query(Long.class).single();
    }

    private Set<String> listedCodes(String user, String query) {
        Set<String> codes = new HashSet<>();
        for (int page = 0;; page++) {
            Response list = api.as(user).get("projects?size=200&page=" + page + query);
            List<String> batch = list.json("$.content[*].code");
            codes.addAll(batch);
            if (batch.size() < 200) {
                return codes;
            }
        }
    }

    static HttpResponse<byte[]> download(int port, String user, String path, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static XSSFWorkbook reopen(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static List<String> headers(XSSFSheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        return headers;
    }

    static void assertNoFormula(XSSFSheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
            }
        }
    }

    private static Set<String> codes(XSSFSheet sheet) {
        Set<String> codes = new HashSet<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                codes.add(row.getCell(0).getStringCellValue());
            }
        }
        return codes;
    }

    private static Row rowOf(XSSFSheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }

}
