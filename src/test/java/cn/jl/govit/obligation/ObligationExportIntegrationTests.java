package cn.jl.govit.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/** The obligations list exported as .xlsx with its status filter, the caller's scope and statuses as read today. */
@GovItTest
class ObligationExportIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theOverdueFilterExportsExactlyTheOverdueObligationsOfTheCallersProjects() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 1);
        String code = api.as("rst").get("projects/" + project).text("$.code");
        clock.advance(Duration.ofDays(70));

        HttpResponse<byte[]> response = download("rst", "/api/v1/obligations/export.xlsx?status=OVERDUE");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("obligations-");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("项目编号", "项目名称", "事项", "对象", "截止日期", "可办理起始日", "剩余天数", "状态",
                    "完成日期", "依据条款", "责任单位");
            Set<String> exported = new HashSet<>();
            boolean initialAcceptance = false;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                }
                if (row.getRowNum() == 0) {
                    continue;
                }
                assertThat(row.getCell(7).getStringCellValue()).isEqualTo("已逾期");
                assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                if (code.equals(row.getCell(0).getStringCellValue())) {
                    // days left counted from today; other tests' rows may have been marked by a scan under a moved clock
                    assertThat(row.getCell(6).getNumericCellValue()).isNegative();
                }
                exported.add(row.getCell(0).getStringCellValue() + "/" + row.getCell(3).getStringCellValue());
                initialAcceptance |= code.equals(row.getCell(0).getStringCellValue())
                        && "初步验收".equals(row.getCell(2).getStringCellValue());
            }
            assertThat(initialAcceptance).as("the project's initial acceptance is overdue").isTrue();
            assertThat(exported).isEqualTo(listed("rst", "OVERDUE"));
            long total = ((Number) api.as("rst").get("obligations?status=OVERDUE").json("$.totalElements")).longValue();
            assertThat((long) sheet.getLastRowNum()).isEqualTo(total);
        }
        try (XSSFWorkbook open = new XSSFWorkbook(new ByteArrayInputStream(
                download("rst", "/api/v1/obligations/export.xlsx?status=OPEN").body()))) {
            for (Row row : open.getSheetAt(0)) {
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(7).getStringCellValue()).isEqualTo("待办");
                }
            }
        }
    }

    @Test
    void anotherDepartmentDoesNotSeeTheProjectsObligationsAndAnonymousIsRefused() throws Exception {
        String project = ApprovedProjects.underConstruction(api, "rst", 900_000, 6);
        String code = api.as("rst").get("projects/" + project).text("$.code");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                download("wjw", "/api/v1/obligations/export.xlsx").body()))) {
            for (Row row : book.getSheetAt(0)) {
                assertThat(row.getCell(0).getStringCellValue()).isNotEqualTo(code);
            }
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                download("rst", "/api/v1/obligations/export.xlsx?lang=en").body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Project code");
        }
        assertThat(download(null, "/api/v1/obligations/export.xlsx").statusCode()).isEqualTo(401);
        assertThat(download("rst", "/api/v1/obligations/export.xlsx?status=LATE").statusCode()).isEqualTo(400);
    }

    private Set<String> listed(String user, String status) {
        Set<String> keys = new HashSet<>();
        for (int page = 0;; page++) {
            List<Map<String, Object>> batch = api.as(user).get("obligations?size=200&status=" + status + "&page=" + page)
                    .json("$.content");
            batch.forEach(o -> keys.add(o.get("projectCode") + "/" + o.get("subject")));
            if (batch.size() < 200) {
                return keys;
            }
        }
    }

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
