package cn.jl.govit.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/** The planning pages for a signed-in browser session: what each role sees, and refusals shown in place. */
@GovItTest
class PlanningPagesIntegrationTests {

    @LocalServerPort
    int port;

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
            return postRaw(path, form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&")));
        }

        HttpResponse<String> postRaw(String path, String body) throws IOException, InterruptedException {
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
    void aDepartmentFilesADemandOnItsPageAndSeesItListed() throws Exception {
        Api api = new Api(port);
        Session rst = new Session("rst");
        HttpResponse<String> page = rst.get("/planning/demands");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"open-call\"").contains("data-testid=\"demand-form\"");
        Matcher item = Pattern.compile("<option value=\"([^\"]+)\"").matcher(page.body().substring(page.body().indexOf("planItemCode")));
        assertThat(item.find()).isTrue();
        String title = Api.unique("页面需求");

        HttpResponse<String> filed = rst.post("/planning/demands", Map.of("title", title, "content", "内容",
                "estimate", "1200000", "planItemCode", item.group(1)));
        HttpResponse<String> invalid = rst.post("/planning/demands", Map.of("title", "", "content", "内容",
                "estimate", "-1", "planItemCode", item.group(1)));

        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
        assertThat(rst.get("/planning/demands").body()).contains(title);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("data-testid=\"errors\"").contains("data-field=\"estimate\"");
        List<String> ids = api.as("rst").get("demands?size=200").json("$.content[?(@.title == '" + title + "')].id");
        assertThat(ids).hasSize(1);
    }

    @Test
    void theBureauSeesTheTriageQueueAndADeclineWithoutReasonIsShownInPlace() throws Exception {
        Api api = new Api(port);
        Session szsj = new Session("szsj");
        assertThat(szsj.get("/planning/plans").statusCode()).isEqualTo(200);
        HttpResponse<String> calls = szsj.get("/planning/calls");
        assertThat(calls.statusCode()).isEqualTo(200);
        assertThat(calls.body()).contains("data-testid=\"call-form\"");
        List<Map<String, Object>> open = api.as("szsj").get("demand-calls?size=200").json("$.content[?(@.open == true)]");
        assertThat(open).isNotEmpty();
        String call = (String) open.get(0).get("id");
        List<String> demandIds = api.as("szsj").get("demand-calls/" + call + "/demands?status=OPEN&size=200").json("$.content[*].id");
        assertThat(demandIds).isNotEmpty();
        String demand = demandIds.get(0);

        HttpResponse<String> queue = szsj.get("/planning/calls/" + call);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("data-testid=\"triage-table\"").contains("id=\"merge-form\"");
        HttpResponse<String> refused = szsj.post("/planning/calls/" + call + "/demands/" + demand + "/decline", Map.of("reason", " "));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-rule=\"ART-7\"").contains("第七条");

        Session rst = new Session("rst");
        assertThat(rst.get("/planning/calls/" + call).body()).doesNotContain("id=\"merge-form\"");
        assertThat(new Session("admin").get("/planning/calls").statusCode()).isEqualTo(404);
        assertThat(rst.post("/planning/calls/" + call + "/demands/" + demand + "/decline", Map.of("reason", "x")).statusCode())
                .isIn(403, 404);
    }
}
