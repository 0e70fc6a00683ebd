package cn.jl.govit.construction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/** The construction page for signed-in sessions: the unit starts and records, the authority suspends, others read. */
@GovItTest
class ConstructionPagesIntegrationTests {

    @LocalServerPort
    int port;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A browser session: cookies kept, the CSRF token taken from the last page. */
    final class Session {

        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        Session(String username) throws Exception {
            get("/login");
            HttpResponse<String> login = post("/login", Map.of("username", username, "password", Api.DEMO_PASSWORD));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|content=\"([^\"]+)\" name=\"_csrf\"|name=\"_csrf\" content=\"([^\"]+)\"")
                    .matcher(response.body());
            if (m.find()) {
                csrf = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            }
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                    .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + enc(csrf))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    @Test
    void theUnitStartsRecordsAndIsRefusedInPlaceWhileTheAuthoritySuspends() throws Exception {
        Api api = new Api(port);
        String project = ApprovedProjects.approved(api, "rst", 1_000_000, 12);
        String path = "/projects/" + project + "/construction";
        Session rst = new Session("rst");

        HttpResponse<String> approved = rst.get(path);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("data-testid=\"start-form\"").doesNotContain("data-testid=\"contract-form\"");

        HttpResponse<String> future = rst.post(path + "/start", Map.of("startedOn", today().plusDays(1).toString()));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("data-field=\"startedOn\"");
        HttpResponse<String> early = rst.post(path + "/start", Map.of("startedOn", today().minusYears(1).toString()));
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(early.body()).contains("data-rule=\"ART-14\"");

        assertThat(rst.post(path + "/start", Map.of("startedOn", today().toString())).statusCode()).isEqualTo(302);
        HttpResponse<String> started = rst.get(path);
        assertThat(started.body()).contains("data-testid=\"contract-form\"").contains("data-testid=\"milestone-form\"")
                .doesNotContain("data-testid=\"start-form\"").doesNotContain("data-testid=\"order-form\"");

        Map<String, String> contract = new LinkedHashMap<>();
        contract.put("contractor", "吉林数字科技有限公司");
        contract.put("subject", "平台开发");
        contract.put("kind", "CONSTRUCTION");
        contract.put("amount", "950000");
        contract.put("signedOn", today().toString());
        HttpResponse<String> recorded = rst.post(path + "/contracts", contract);
        assertThat(recorded.statusCode()).isEqualTo(302);
        HttpResponse<String> warned = rst.get(path);
        assertThat(warned.body()).contains("data-testid=\"warnings\"").contains("data-rule=\"ART-21\"").contains("平台开发");

        contract.put("amount", "50000.01");
        HttpResponse<String> over = rst.post(path + "/contracts", contract);
        assertThat(over.statusCode()).isEqualTo(422);
        assertThat(over.body()).contains("data-rule=\"ART-21\"");
        contract.put("amount", "abc");
        HttpResponse<String> garbage = rst.post(path + "/contracts", contract);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("data-field=\"amount\"");

        Session szsj = new Session("szsj");
        HttpResponse<String> authorityPage = szsj.get(path);
        assertThat(authorityPage.body()).contains("data-testid=\"order-form\"").contains("data-testid=\"suspension-form\"")
                .doesNotContain("data-testid=\"contract-form\"");
        assertThat(szsj.post(path + "/suspension", Map.of("reason", "重大损失")).statusCode()).isEqualTo(302);

        contract.put("amount", "100");
        HttpResponse<String> suspended = rst.post(path + "/contracts", contract);
        assertThat(suspended.statusCode()).isEqualTo(422);
        assertThat(suspended.body()).contains("data-rule=\"ART-22\"");
        assertThat(rst.get(path).body()).contains("data-testid=\"suspended-banner\"").contains("data-testid=\"incident-form\"");

        assertThat(rst.post(path + "/suspension", Map.of("reason", "x")).statusCode()).isEqualTo(403);
        Session sjt = new Session("sjt");
        HttpResponse<String> readOnly = sjt.get(path);
        assertThat(readOnly.statusCode()).isEqualTo(200);
        assertThat(readOnly.body()).contains("data-testid=\"contracts\"").doesNotContain("<form method=\"post\" action=\"" + path);
        assertThat(new Session("jyt").get(path).statusCode()).isEqualTo(404);
    }
}
