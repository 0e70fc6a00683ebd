package cn.jl.govit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/** The planning lists exported to Excel: rows as the list with its filter and scope, no formula cell, audited. */
@GovItTest
class PlanningExportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    /** A page path as a signed-in user (pages take a session, not HTTP Basic). */
    Download page(String user, String path) throws Exception {
        var result = new cn.jl.govit.support.Pages(context, userDetails).perform(user,
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path));
        var response = result.getResponse();
        return new Download(response.getStatus(), String.valueOf(response.getContentType()),
                response.getHeader(HttpHeaders.CONTENT_DISPOSITION), response.getContentAsByteArray());
    }

    record Download(int status, String contentType, String disposition, byte[] bytes) {
    }

    Download download(String user, String path) {
        var spec = RestClient.create().get().uri("http://localhost:" + port + path);
        if (user != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return spec.exchange((request, response) -> new Download(response.getStatusCode().value(),
                String.valueOf(response.getHeaders().getContentType()),
                response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION), response.getBody().readAllBytes()));
    }

    /** The sheet's rows as text, header first; fails on any formula cell. */
    static List<List<String>> rows(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    assertThat(cell == null ? CellType.BLANK : cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                            ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
                }
                rows.add(values);
            }
        }
        return rows;
    }

    int exports(String type) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'EXPORTED' AND entity_type = ?",
                Integer.class, type);
    }

    @Test
    void theDemandListExportsWithItsScopeFilterAndNoFormula() throws Exception {
        Api api = new Api(port);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String code = "X" + Api.unique("").substring(1);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", "吉林省数字政府建设规划");
        plan.put("periodFrom", today.getYear() - 1);
        plan.put("periodTo", today.getYear() + 3);
        plan.put("items", List.of(Map.of("code", code, "title", "一网通办")));
        plan.put("approvedOn", today.toString());
        plan.put("approvalDocument", "吉政函〔" + today.getYear() + "〕1号");
        assertThat(api.as("szsj").post("construction-plans", plan).status()).isEqualTo(201);
        String formula = "=HYPERLINK(\"http://x\")" + Api.unique("");
        var filed = api.as("rst").post("demands", Map.of("year", today.getYear(), "title", formula, "content", "内容",
                "estimate", 1234.56, "planItemCode", code, "participatingOrganizationCodes", List.of("WJW")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        int audited = exports("DemandList");

        Download rst = download("rst", "/api/v1/demands/export.xlsx");

        assertThat(rst.status()).isEqualTo(200);
        assertThat(rst.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(rst.disposition()).startsWith("attachment").contains("demands-");
        List<List<String>> rows = rows(rst.bytes());
        assertThat(rows.get(0)).startsWith("年度", "名称", "部门", "估算投资（元）");
        int total = api.as("rst").get("demands?size=1").<Integer>json("$.totalElements");
        assertThat(rows).hasSize(total + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(rows.get(1).get(2)));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(1)).isEqualTo(formula);
            assertThat(r.get(3)).isEqualTo("1234.56");
            assertThat(r.get(5)).isNotBlank();
            assertThat(r.get(7)).isEqualTo("待处理");
        });
        assertThat(exports("DemandList")).isEqualTo(audited + 1);

        List<List<String>> declined = rows(download("rst", "/api/v1/demands/export.xlsx?status=DECLINED&lang=en").bytes());
        assertThat(declined.get(0).get(0)).isEqualTo("Year");
        assertThat(declined).hasSize(api.as("rst").get("demands?status=DECLINED&size=1").<Integer>json("$.totalElements") + 1);

        List<List<String>> all = rows(download("szsj", "/api/v1/demands/export.xlsx").bytes());
        assertThat(all).hasSize(api.as("szsj").get("demands?size=1").<Integer>json("$.totalElements") + 1);
        assertThat(all.stream().map(r -> r.get(2)).distinct().count()).isGreaterThan(1);

        assertThat(download("admin", "/api/v1/demands/export.xlsx").status()).isEqualTo(404);
        assertThat(page("expert1", "/planning/demands/export.xlsx").status()).isEqualTo(404);
        assertThat(download(null, "/api/v1/demands/export.xlsx").status()).isEqualTo(401);
        assertThat(download("rst", "/api/v1/demands/export.xlsx?status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void theCallsAndPlansExportEveryRowOnThePageAndApiPaths() throws Exception {
        Api api = new Api(port);
        int audited = exports("DemandCallList");
        List<List<String>> calls = rows(page("wjw", "/planning/calls/export.xlsx").bytes());
        assertThat(calls.get(0)).containsExactly("年度", "开始日期", "截止日期", "征报重点", "状态");
        assertThat(calls).hasSize(api.as("wjw").get("demand-calls?size=1").<Integer>json("$.totalElements") + 1);
        assertThat(calls.subList(1, calls.size())).allSatisfy(r -> assertThat(r.get(4)).isIn("征报中", "未在征报期"));
        assertThat(exports("DemandCallList")).isEqualTo(audited + 1);
        assertThat(rows(download("szsj", "/api/v1/demand-calls/export.xlsx?lang=en").bytes()).get(0).get(0)).isEqualTo("Year");

        List<List<String>> plans = rows(download("fgw", "/api/v1/construction-plans/export.xlsx").bytes());
        assertThat(plans).hasSize(api.as("fgw").get("construction-plans?size=1").<Integer>json("$.totalElements") + 1);
        assertThat(plans.get(0).get(0)).isEqualTo("名称");
        assertThat(rows(page("rst", "/planning/plans/export.xlsx").bytes())).hasSize(plans.size());
        assertThat(page("admin", "/planning/plans/export.xlsx").status()).isEqualTo(404);
        assertThat(download("expert1", "/api/v1/demand-calls/export.xlsx").status()).isEqualTo(404);
    }
}
