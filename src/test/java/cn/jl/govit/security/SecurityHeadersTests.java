package cn.jl.govit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/**
 * Issue 7 point 6 over real HTTP (Tomcat, every servlet filter, error dispatches): each kind of response the
 * application gives (page, API, static resource, and the errors 401, 403, 404, 405, 413, 500 as page and as
 * problem+json) carries the nonce-based Content-Security-Policy, HSTS, nosniff, frame-ancestors 'none' and the
 * Referrer-Policy, and none shows a stack trace, an exception, its message or a version banner.
 */
@GovItTest
class SecurityHeadersTests {

    /** Text that would betray the stack, a framework or a version to a client. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat (cn|org|java|jakarta)\\.|Tomcat|Spring ?Boot|springframework|Whitelabel|\"trace\"|\"exception\"|"
                    + "java\\.|SQLState|PSQLException|HikariPool",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]{22,})'");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesApiAndStaticResourcesCarryTheHeaders() throws Exception {
        assertHardened(send("GET", "/login", null, null, null), 200, "text/html");
        assertHardened(send("GET", "/projects", "rst", null, null), 200, "text/html");
        assertHardened(send("GET", "/api/v1/projects", "rst", null, null), 200, "application/json");
        assertHardened(send("GET", "/css/govit.css", null, null, null), 200, "text/css");
        assertHardened(send("GET", "/js/overview.js", null, null, null), 200, "javascript");
        assertHardened(send("GET", "/webjars/htmx.org/dist/htmx.min.js", null, null, null), 200, "javascript");
        assertHardened(send("GET", "/actuator/health", null, null, null), 200, "json");
        // a page redirect (to the login form) is a response too
        assertHardened(send("GET", "/projects", null, null, null), 302, null);
    }

    @Test
    void everyErrorCarriesTheHeadersAndLeaksNothing() throws Exception {
        // 401: the API without credentials, and a wrong password
        assertHardened(send("GET", "/api/v1/projects", null, null, null), 401, "application/problem+json");
        assertHardened(send("GET", "/api/v1/projects", "no-such-user-h18", "wrong-password", null), 401, "application/problem+json");
        // 403: a page for the administrator only, the same refusal in the API, and a page POST without CSRF token
        assertHardened(send("GET", "/admin/users", "rst", null, null), 403, "text/html");
        assertHardened(send("GET", "/api/v1/users", "rst", null, null), 403, "application/problem+json");
        assertHardened(send("POST", "/logout", "rst", null, ""), 403, "text/html");
        // 404: a page, an API path, a static resource
        assertHardened(send("GET", "/no-such-page", "rst", null, null), 404, "text/html");
        assertHardened(send("GET", "/api/v1/no-such-thing", "rst", null, null), 404, "application/problem+json");
        assertHardened(send("GET", "/js/no-such-script.js", null, null, null), 404, "text/html");
        assertHardened(send("GET", "/api/v1/projects/00000000-0000-0000-0000-000000000000", "rst", null, null), 404,
                "application/problem+json");
        // 405
        assertHardened(send("DELETE", "/api/v1/projects", "rst", null, null), 405, "application/problem+json");
        // 400: unreadable JSON
        assertHardened(send("POST", "/api/v1/projects", "rst", null, "{not json"), 400, "application/problem+json");
        // 500: the error page itself, as any failure dispatched to it is rendered
        assertHardened(send("GET", "/error", "rst", null, null), 500, "text/html");
    }

    @Test
    void anOversizedUploadIs413WithTheHeaders() throws Exception {
        // a multipart request announcing more than the 60 MB request limit: refused from its Content-Length,
        // before the body is read
        String boundary = "----govit" + System.nanoTime();
        String credentials = Base64.getEncoder().encodeToString(("rst:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String head = "POST /api/v1/projects/00000000-0000-0000-0000-000000000000/documents HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Authorization: Basic " + credentials + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + (70L * 1024 * 1024) + "\r\n"
                + "Connection: close\r\n\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n";
        RawResponse response = raw(head);
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        // whichever layer refuses it (Spring's problem+json or Tomcat's own report), the headers are there and
        // the body names no server, version or exception
        assertRawHardened(response);
    }

    @Test
    void noVersionBannerEvenFromTomcatItself() throws Exception {
        // a request line Tomcat refuses before any filter: its own error report, without server info or report
        RawResponse response = raw("GET /a%zz|b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("server:");
        // the error page that an application error reaches
        HttpResponse<String> error = send("GET", "/error", "rst", null, null);
        assertThat(error.headers().firstValue("Server")).isEmpty();
        assertThat(error.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void eachResponseHasItsOwnNonce() throws Exception {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            nonces.add(nonce(send("GET", "/login", null, null, null)));
        }
        assertThat(nonces).hasSize(20);
    }

    private void assertHardened(HttpResponse<String> response, int status, String contentType) {
        String where = response.request().method() + " " + response.uri().getPath();
        assertThat(response.statusCode()).as(where).isEqualTo(status);
        if (contentType != null) {
            assertThat(response.headers().firstValue("Content-Type")).as(where).hasValueSatisfying(
                    t -> assertThat(t).contains(contentType));
        }
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as(where)
                .contains("default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'",
                        "form-action 'self'")
                .doesNotContain("unsafe-eval");
        assertThat(scriptSrc(csp)).as(where).doesNotContain("unsafe-inline").doesNotContain("*");
        assertThat(nonce(response)).as(where).isNotBlank();
        assertThat(response.headers().allValues("Strict-Transport-Security")).as(where)
                .containsExactly("max-age=31536000; includeSubDomains");
        assertThat(response.headers().allValues("X-Content-Type-Options")).as(where).containsExactly("nosniff");
        assertThat(response.headers().allValues("Referrer-Policy")).as(where)
                .containsExactly("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(where).hasValue("DENY");
        assertThat(response.headers().firstValue("Server")).as(where).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).as(where).isEmpty();
        if (status >= 400) {
            Matcher leak = LEAK.matcher(response.body());
            assertThat(leak.find()).as(where + " leaks " + (leak.hitEnd() ? "" : safeGroup(leak)) + " in " + response.body())
                    .isFalse();
        }
    }

    private static String safeGroup(Matcher m) {
        try {
            return m.group();
        }
        catch (IllegalStateException e) {
            return "";
        }
    }

    private static String scriptSrc(String csp) {
        for (String directive : csp.split(";")) {
            if (directive.trim().startsWith("script-src")) {
                return directive.trim();
            }
        }
        return "";
    }

    private static String nonce(HttpResponse<String> response) {
        Matcher m = NONCE.matcher(response.headers().firstValue("Content-Security-Policy").orElse(""));
        return m.find() ? m.group(1) : "";
    }

    private HttpResponse<String> send(String method, String path, String user, String password, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", path.startsWith("/api/") ? "application/json" : "application/x-www-form-urlencoded");
        }
        if (user != null) {
            String credentials = user + ":" + (password == null ? Api.DEMO_PASSWORD : password);
            if (path.startsWith("/api/")) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            else {
                request.header("Cookie", "SESSION=" + session(user));
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Signs in through the login form (token from the form, as a browser does) and returns the session id. */
    private String session(String user) throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String cookie = sessionCookie(form);
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "SESSION=" + cookie)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + Api.DEMO_PASSWORD
                                + "&_csrf=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String renewed = sessionCookie(login);
        return renewed.isEmpty() ? cookie : renewed;
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring("SESSION=".length(), c.indexOf(';'))).findFirst().orElse("");
    }

    private record RawResponse(int status, String text) {
    }

    private RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) > 0) {
                    received.write(buffer, 0, n);
                }
            }
            catch (java.net.SocketException | java.net.SocketTimeoutException e) {
                // after answering a request whose body it will not read, the server may reset the connection or
                // wait for the rest of the body: what arrived until then is the answer
            }
            String text = received.toString(StandardCharsets.UTF_8);
            Matcher status = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(text);
            return new RawResponse(status.find() ? Integer.parseInt(status.group(1)) : -1, text);
        }
    }

    private static void assertRawHardened(RawResponse response) {
        String headers = response.text().toLowerCase(java.util.Locale.ROOT);
        assertThat(headers).contains("content-security-policy: default-src 'self'; script-src 'self' 'nonce-",
                "strict-transport-security: max-age=31536000; includesubdomains", "x-content-type-options: nosniff",
                "referrer-policy: strict-origin-when-cross-origin", "frame-ancestors 'none'");
        assertThat(headers).doesNotContain("\nserver:").doesNotContain("x-powered-by");
        String body = response.text().substring(response.text().indexOf("\r\n\r\n") + 4);
        assertThat(LEAK.matcher(body).find()).as(body).isFalse();
    }
}
