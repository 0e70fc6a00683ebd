package cn.jl.govit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * Issue 7 point 6, actuator: health (status only, no details, no components) for everyone, metrics only for the
 * system administrator, and no other endpoint (env, beans, configprops, heapdump, loggers…) for anyone.
 */
@GovItTest
class ActuatorExposureTests {

    private static final List<String> NEVER = List.of("/actuator", "/actuator/env", "/actuator/beans",
            "/actuator/configprops", "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers",
            "/actuator/mappings", "/actuator/info", "/actuator/shutdown", "/actuator/sessions", "/actuator/scheduledtasks");

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService users;

    @Test
    void healthIsPublicAndShowsOnlyTheStatus() throws Exception {
        HttpResponse<String> health = anonymous("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
        assertThat(anonymous("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(anonymous("/actuator/health/db").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsOnlyForTheAdministrator() throws Exception {
        assertThat(anonymous("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(anonymous("/actuator/metrics/jvm.memory.used").statusCode()).isEqualTo(401);
        Pages pages = new Pages(context, users);
        for (String user : List.of("rst", "szsj", "czt", "sjt", "ldxz", "expert1")) {
            assertThat(pages.perform(user, get("/actuator/metrics")).getResponse().getStatus()).as(user).isEqualTo(403);
        }
        var metrics = pages.perform("admin", get("/actuator/metrics"));
        assertThat(metrics.getResponse().getStatus()).isEqualTo(200);
        assertThat(Pages.body(metrics)).contains("\"names\"", "jvm.memory.used");
        assertThat(pages.perform("admin", get("/actuator/metrics/jvm.memory.used")).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void nothingElseIsExposed() throws Exception {
        Pages pages = new Pages(context, users);
        for (String path : NEVER) {
            assertThat(anonymous(path).statusCode()).as(path).isIn(401, 403, 404);
            assertThat(pages.perform("admin", get(path)).getResponse().getStatus()).as("admin " + path).isIn(403, 404);
        }
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
