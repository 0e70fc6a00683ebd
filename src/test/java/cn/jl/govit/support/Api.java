package cn.jl.govit.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the running application's REST API (base {@code /api/v1}) that never throws on a status:
 * every call answers a {@link Response} to assert on. Users sign in with HTTP Basic (or a bearer token,
 * {@link #withToken}); the demo users share
 * the password {@value #DEMO_PASSWORD}.
 */
public final class Api {

    public static final String DEMO_PASSWORD = "Demo@2026";

    private final RestClient client;
    private final String base;

    public Api(int port) {
        this.client = RestClient.create();
        this.base = "http://localhost:" + port;
    }

    /** A call as a demo user ({@code null} for an anonymous one). */
    public Call as(String username) {
        return new Call(username, username == null ? null : DEMO_PASSWORD);
    }

    public Call as(String username, String password) {
        return new Call(username, password);
    }

    public Call anonymous() {
        return new Call(null, null);
    }

    /** A call with {@code Authorization: Bearer <token>} (an API token from {@code POST /api/v1/tokens}). */
    public Call withToken(String token) {
        return new Call(null, null).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    /** One caller's requests; paths under {@code /api/v1} unless they start with {@code /api} or {@code /}. */
    public final class Call {

        private final String username;
        private final String password;
        private final Map<String, String> headers = new LinkedHashMap<>();

        Call(String username, String password) {
            this.username = username;
            this.password = password;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call english() {
            return header(HttpHeaders.ACCEPT_LANGUAGE, "en");
        }

        public Response get(String path) {
            return send(HttpMethod.GET, path, null, null);
        }

        public Response post(String path, Object body) {
            return send(HttpMethod.POST, path, MediaType.APPLICATION_JSON_VALUE, body);
        }

        /**
         * The values at {@code jsonPath} (relative to one item, e.g. {@code $.projectId}) of every item of a paged list,
         * page after page at the largest page size: tests share one application, so what one test looks for may lie
         * beyond the first page.
         */
        public <T> List<T> everyItem(String listPath, String jsonPath) {
            List<T> all = new java.util.ArrayList<>();
            String separator = listPath.contains("?") ? "&" : "?";
            for (int page = 0;; page++) {
                Response response = get(listPath + separator + "size=200&page=" + page);
                if (response.status() != 200) {
                    throw new AssertionError(response.toString());
                }
                List<T> values = response.json("$.content[*]" + jsonPath.substring(1));
                all.addAll(values);
                if (response.<List<Object>>json("$.content").size() < 200) {
                    return all;
                }
            }
        }

        /** A GET whose body is kept as bytes: a workbook, a PDF, an archive package. */
        public Download download(String path) {
            return spec(HttpMethod.GET, path).exchange((request, response) -> new Download(
                    response.getStatusCode().value(), response.getHeaders(), response.getBody().readAllBytes()));
        }

        /** A raw body with any content type, for malformed requests. */
        public Response send(HttpMethod method, String path, String contentType, Object body) {
            RestClient.RequestBodySpec spec = spec(method, path);
            if (body != null) {
                byte[] bytes = body instanceof byte[] b ? b
                        : (body instanceof String s ? s : JsonMapper.shared().writeValueAsString(body))
                                .getBytes(StandardCharsets.UTF_8);
                spec = spec.header(HttpHeaders.CONTENT_TYPE, contentType).body(bytes);
            }
            return spec.exchange((request, response) -> new Response(response.getStatusCode().value(),
                    response.getHeaders(), new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        }

        private RestClient.RequestBodySpec spec(HttpMethod method, String path) {
            java.net.URI uri = java.net.URI.create(base + encodeNonAscii(path.startsWith("/") ? path : "/api/v1/" + path));
            return client.method(method).uri(uri).headers(h -> {
                if (username != null) {
                    h.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
                }
                headers.forEach(h::set);
            });
        }
    }

    /** A response whose body is binary. */
    public record Download(int status, HttpHeaders headers, byte[] body) {
    }

    /**
     * The path as given, with only characters outside printable ASCII percent-encoded (UTF-8): escapes that a
     * test writes ({@code %25}, {@code %00}) reach the server as written.
     */
    static String encodeNonAscii(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            if (b > 0x20 && b < 0x7F) {
                out.append((char) b);
            }
            else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** A response: status, headers and the body as text, with JsonPath look-ups. */
    public record Response(int status, HttpHeaders headers, String body) {

        public <T> T json(String path) {
            return JsonPath.read(body, path);
        }

        public String text(String path) {
            Object value = json(path);
            return value == null ? null : value.toString();
        }

        public MediaType contentType() {
            return headers.getContentType();
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }

    /**
     * A valid proposal of a project with a unique name: 12 million yuan from the Digital Jilin fund, in the
     * provincial plan, no emergency; change the map for other facts.
     */
    public static Map<String, Object> proposal(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("categories", List.of("BUSINESS_SYSTEM"));
        body.put("summary", "建设" + name + "，支撑业务协同。");
        body.put("participatingOrganizationCodes", new ArrayList<>());
        body.put("estimatedInvestment", 12000000);
        body.put("constructionPeriodMonths", 18);
        body.put("fundingSources", List.of(Map.of("source", "DIGITAL_JILIN_FUND", "amount", 12000000)));
        body.put("inProvincialPlan", true);
        body.put("emergency", null);
        body.put("simpleOrEquipmentOnly", false);
        body.put("classified", false);
        body.put("newCivilWorks", false);
        body.put("highEnergyUse", false);
        body.put("buildsNewCloudPlatform", false);
        return body;
    }

    /** A name no other test uses, so that a search finds exactly one project. */
    public static String unique(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
