package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.jl.govit.support.Api;

/** Downloads an export over HTTP Basic and re-opens it with POI, for the export tests of every list. */
public final class Xlsx {

    private Xlsx() {
    }

    /** GET {@code path} (absolute, e.g. {@code /api/v1/users/export.xlsx}) as {@code user} (null: anonymous). */
    public static HttpResponse<byte[]> download(int port, String user, String path, String language) throws Exception {
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

    public static XSSFWorkbook reopen(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    public static List<String> headers(XSSFSheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
        return headers;
    }

    /** The data rows (every row under the header). */
    public static int rows(XSSFSheet sheet) {
        return sheet.getLastRowNum();
    }

    /** The text of every cell, to look for what must not be there. */
    public static String text(XSSFSheet sheet) {
        StringBuilder all = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                all.append(cell.toString()).append('\t');
            }
            all.append('\n');
        }
        return all.toString();
    }

    public static void assertNoFormula(XSSFSheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
            }
        }
    }
}
