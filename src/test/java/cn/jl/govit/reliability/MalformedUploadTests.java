package cn.jl.govit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/**
 * Issue 7.7: an upload over the size limit (50 MB a file) is refused by the container while it reads the
 * multipart body, before any controller runs. Over real HTTP (MockMvc knows no size limit): the API answers
 * {@code 413} problem+json naming the field {@code file}, the page a readable {@code 413} page.
 */
@GovItTest
class MalformedUploadTests {

    private static final int OVER_THE_LIMIT = 51 * 1024 * 1024;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String project;

    @BeforeEach
    void project() {
        project = ApprovedProjects.underConstruction(new Api(port), "rst", 2_000_000, 12);
    }

    @Test
    void anOversizedApiUploadIs413ProblemNamingTheFile() throws Exception {
        String boundary = "----malformed" + System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/projects/" + project + "/documents"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("rst:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(oversized(boundary, "")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<String> fields = JsonPath.read(response.body(), "$.errors[*].field");
        assertThat(fields).containsExactly("file");
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("exception");
    }

    @Test
    void anOversizedPageUploadIsAReadable413Page() throws Exception {
        String session = session("rst");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/projects/" + project + "/documents"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        String token = csrf(page.body());
        String boundary = "----malformed" + System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/projects/" + project + "/documents"))
                .header("Cookie", session)
                .header("X-CSRF-TOKEN", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(oversized(boundary, token)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        // the application's own error page with its text (Chinese, the default language), not the container's report
        assertThat(response.body()).contains("<html").contains("上传内容过大")
                .doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("exception");
    }

    /** A multipart body whose {@code file} part is 51 MB, streamed rather than held in memory twice. */
    private static HttpRequest.BodyPublisher oversized(String boundary, String csrf) {
        String head = (csrf.isEmpty() ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrf + "\r\n")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(List.<InputStream>of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), new ZeroStream(OVER_THE_LIMIT),
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8))))));
    }

    /** Signs in through the login form and returns the session cookie ({@code name=value}). */
    private String session(String user) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String cookie = cookie(form, "");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + Api.DEMO_PASSWORD
                        + "&_csrf=" + java.net.URLEncoder.encode(csrf(form.body()), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(login, cookie);
    }

    private static String cookie(HttpResponse<String> response, String otherwise) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(otherwise);
    }

    private static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** {@code length} zero bytes without an array of that size. */
    private static final class ZeroStream extends InputStream {

        private long left;

        ZeroStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
