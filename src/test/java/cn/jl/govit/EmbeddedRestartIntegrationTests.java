package cn.jl.govit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;

/**
 * The embedded default keeps its data: a project created before a restart on the same data folder is there
 * afterwards, the demo data is not loaded twice, and the audit chain still verifies.
 */
class EmbeddedRestartIntegrationTests {

    @Test
    void aRestartOnTheSameDataFolderKeepsEveryRecord() throws Exception {
        Path data = Files.createTempDirectory("govit-restart-");
        String name = Api.unique("重启后仍在的项目");
        String id;
        long headSequence;
        String headHash;
        long eventsBefore;
        try (ConfigurableApplicationContext first = start(data)) {
            Api api = new Api(port(first));
            Response created = api.as("rst").post("projects", Api.proposal(name));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            id = created.text("$.id");
            // the head of the chain before the stop (reading it may itself be audited: a first HTTP Basic login)
            Response head = api.as("sjt").get("audit-events?size=1");
            headSequence = ((Number) head.json("$.content[0].sequence")).longValue();
            headHash = head.text("$.content[0].hash");
            eventsBefore = ((Number) api.as("sjt").get("audit-events/verification").json("$.count")).longValue();
        }
        try (ConfigurableApplicationContext second = start(data)) {
            Api api = new Api(port(second));
            Response project = api.as("rst").get("projects/" + id);
            assertThat(project.status()).isEqualTo(200);
            assertThat(project.text("$.name")).isEqualTo(name);
            Response verification = api.as("sjt").get("audit-events/verification");
            assertThat((Boolean) verification.json("$.valid")).isTrue();
            // the chain is the one of before the stop, unchanged, followed only by the logins of this second run
            Response events = api.as("sjt").get("audit-events?size=100");
            List<Map<String, Object>> content = events.json("$.content");
            assertThat(content).as("the old head, unchanged").anySatisfy(event -> {
                assertThat(((Number) event.get("sequence")).longValue()).isEqualTo(headSequence);
                assertThat(event.get("hash")).isEqualTo(headHash);
            });
            List<Map<String, Object>> written = content.stream()
                    .filter(event -> ((Number) event.get("sequence")).longValue() > headSequence).toList();
            assertThat(written).extracting(event -> event.get("action")).isNotEmpty().containsOnly("LOGIN_SUCCEEDED");
            assertThat(((Number) verification.json("$.count")).longValue()).isEqualTo(eventsBefore + written.size());
            assertThat(api.as("sjt").get("projects?q=" + "一卡通").<Integer>json("$.totalElements")).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(GovItApplication.class)
                .run("--server.port=0", "--govit.data-dir=" + data, "--govit.security.password-iterations=1000");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
