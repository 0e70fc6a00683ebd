package cn.jl.govit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.HeadlessChromium;

/** The demands page in a real browser: a filled template with wrong rows uploaded, the refused rows shown. */
@GovItTest
class DemandImportBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void aRefusedImportShowsEveryWrongRowOnTheDemandsPage() throws Exception {
        Api api = new Api(port);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String code = "S" + Api.unique("").substring(1);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", "吉林省数字政府建设规划");
        plan.put("periodFrom", today.getYear() - 1);
        plan.put("periodTo", today.getYear() + 3);
        plan.put("items", List.of(Map.of("code", code, "title", "一网通办")));
        plan.put("approvedOn", today.toString());
        plan.put("approvalDocument", "吉政函〔" + today.getYear() + "〕1号");
        assertThat(api.as("szsj").post("construction-plans", plan).status()).isEqualTo(201);
        List<String> calls = api.as("rst").get("demand-calls?size=200").json("$.content[?(@.open == true)].id");
        assertThat(calls).isNotEmpty();
        byte[] template = RestClient.create().get()
                .uri("http://localhost:" + port + "/api/v1/demand-calls/" + calls.get(0) + "/demands/template.xlsx")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString(("rst:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .retrieve().body(byte[].class);
        Path file = Files.createTempFile("demand-plan-", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            var sheet = wb.getSheetAt(0);
            Object[][] rows = {
                    {"社保卡一卡通服务平台", "建设内容：全省社保卡居民服务一卡通。", 3000000.5, code + " 一网通办", "WJW、RST"},
                    {"就业服务数据共享", "", 1200000.125, code + " 一网通办", ""},
                    {"人才服务平台", "建设内容：人才服务。", 800000.0, "Z9 不存在的规划项目", "JYT"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    }
                    else if (!rows[r][c].toString().isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c].toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            Files.write(file, out.toByteArray());
        }

        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            var browser = chromium.driver();
            chromium.signIn("http://localhost:" + port + "/login", "rst", Api.DEMO_PASSWORD);
            browser.get("http://localhost:" + port + "/planning/demands?lang=zh-CN");
            assertThat(browser.findElement(By.cssSelector("[data-testid=import-template]")).getAttribute("href"))
                    .endsWith("/planning/calls/" + calls.get(0) + "/demands/template.xlsx");
            browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
            chromium.click(By.cssSelector("[data-testid=import-form] button[type=submit]"));
            chromium.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=import-errors]")));
            String table = browser.findElement(By.cssSelector("[data-testid=import-errors]")).getText();
            assertThat(table).contains("建设内容").contains("估算投资（元）").contains("规划项目").contains("参建部门代码");
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.getElementById('import').offsetTop - 90)");
            assertThat(browser.findElements(By.cssSelector("[data-testid=import-refused] .alert"))).as("no empty alert").isEmpty();
            chromium.screenshot("planning-demand-import");
        }
        finally {
            Files.deleteIfExists(file);
        }
    }
}
