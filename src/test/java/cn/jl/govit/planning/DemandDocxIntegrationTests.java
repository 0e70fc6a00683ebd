package cn.jl.govit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import cn.jl.govit.audit.Sm3;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/** A department files its annual demand (需求征报书) as a Word file; the file is kept and downloaded back. */
@GovItTest
class DemandDocxIntegrationTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    String planInForce() {
        String code = "W" + Api.unique("").substring(1);
        int year = today().getYear();
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", "吉林省数字政府建设规划");
        plan.put("periodFrom", year - 1);
        plan.put("periodTo", year + 3);
        plan.put("items", List.of(Map.of("code", code, "title", "一网通办")));
        plan.put("approvedOn", today().toString());
        plan.put("approvalDocument", "吉政函〔" + year + "〕1号");
        Response created = api.as("szsj").post("construction-plans", plan);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    String currentCall() {
        int year = today().getYear();
        Response calls = api.as("szsj").get("demand-calls?size=200");
        List<Map<String, Object>> found = calls.json("$.content[?(@.year == " + year + ")]");
        if (!found.isEmpty()) {
            return (String) found.get(0).get("id");
        }
        Response opened = api.as("szsj").post("demand-calls", Map.of("year", year, "opensOn", today().toString(),
                "closesOn", today().plusDays(30).toString(), "focusAreas", List.of("一网通办")));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.text("$.id");
    }

    static byte[] docx(String heading, String... paragraphs) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var h = document.createParagraph();
            h.setStyle("Heading1");
            h.createRun().setText(heading);
            for (String text : paragraphs) {
                document.createParagraph().createRun().setText(text);
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    Response upload(String user, String call, String filename, byte[] bytes, Map<String, String> fields) throws IOException {
        String boundary = "govit-" + java.util.UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.as(user).send(HttpMethod.POST, "demand-calls/" + call + "/demands/docx",
                "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    ResponseEntity<byte[]> download(String user, String id) {
        return RestClient.create().get().uri("http://localhost:" + port + "/api/v1/demands/" + id + "/document")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders()).body(response.getBody().readAllBytes()));
    }

    @Test
    void aDepartmentFilesItsDemandAsAWordFileAndDownloadsItBack() throws IOException {
        String item = planInForce();
        String call = currentCall();
        String heading = Api.unique("社保卡一卡通需求");
        byte[] bytes = docx(heading, "建设内容：全省社保卡居民服务一卡通。", "预期效益：群众办事少跑腿。");

        Response filed = upload("rst", call, "需求征报书.docx", bytes, Map.of("estimate", "2500000.00", "planItemCode", item));

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.text("$.id");
        assertThat(filed.text("$.title")).isEqualTo(heading);
        assertThat(filed.text("$.content")).isEqualTo(heading + "\n建设内容：全省社保卡居民服务一卡通。\n预期效益：群众办事少跑腿。");
        assertThat(filed.text("$.organizationCode")).isEqualTo("RST");
        assertThat(filed.text("$.planItemCode")).isEqualTo(item);

        ResponseEntity<byte[]> file = download("rst", id);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getBody()).isEqualTo(bytes);
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(file.getHeaders().getFirst("X-SM3")).isEqualTo(Sm3.hex(bytes));
        assertThat(download("szsj", id).getStatusCode().value()).isEqualTo(200);

        assertThat(api.as("jyt").get("demands/" + id).status()).isEqualTo(404);
        assertThat(download("jyt", id).getStatusCode().value()).isEqualTo(404);

        Response titled = upload("rst", call, "需求征报书.docx", bytes,
                Map.of("estimate", "100", "planItemCode", item, "title", "给定标题"));
        assertThat(titled.status()).as(titled.toString()).isEqualTo(201);
        assertThat(titled.text("$.title")).isEqualTo("给定标题");

        Response form = api.as("rst").post("demand-calls/" + call + "/demands", Map.of("title", "表单需求", "content", "内容",
                "estimate", 100, "planItemCode", item));
        assertThat(form.status()).as(form.toString()).isEqualTo(201);
        assertThat(download("rst", form.text("$.id")).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aFileThatIsNotWordIsRefusedOnFieldFile() throws IOException {
        String item = planInForce();
        String call = currentCall();

        Response text = upload("rst", call, "需求.docx", "不是 Word 文件".getBytes(StandardCharsets.UTF_8),
                Map.of("estimate", "100", "planItemCode", item));
        assertThat(text.status()).as(text.toString()).isEqualTo(400);
        assertThat(text.body()).contains("\"file\"");

        Response empty = upload("rst", call, "空.docx", docx(""), Map.of("estimate", "100", "planItemCode", item));
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.body()).contains("\"file\"");

        Response bureau = upload("szsj", call, "需求.docx", docx("标题", "内容"), Map.of("estimate", "100", "planItemCode", item));
        assertThat(bureau.status()).as(bureau.toString()).isEqualTo(403);
    }

    @Test
    void theDemandsPageUploadsAWordFileAndLinksItsDownload() throws Exception {
        String item = planInForce();
        currentCall();
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=rst&password=" + Api.DEMO_PASSWORD
                        + "&_csrf=" + csrf(client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).GET().build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString()).body())))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/planning/demands")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("data-testid=\"demand-docx-form\"");

        String heading = Api.unique("页面上传需求");
        byte[] bytes = docx(heading, "第一段。", "第二段。");
        String boundary = "govit-" + java.util.UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var field : Map.of("_csrf", csrf(page), "estimate", "100", "planItemCode", item).entrySet()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d.docx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var posted = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/planning/demands/docx"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);

        String after = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/planning/demands")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(after).contains(heading).contains("data-testid=\"demand-document\"");
        var link = java.util.regex.Pattern.compile("href=\"(/planning/demands/[0-9a-f-]+/document)\"").matcher(after);
        assertThat(link.find()).isTrue();
        var file = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + link.group(1))).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
    }

    static String csrf(String html) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|content=\"([^\"]+)\" name=\"_csrf\"|name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }
}
