package cn.jl.govit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
        long eventsBefore;
        try (ConfigurableApplicationContext first = start(data)) {
            Api api = new Api(port(first));
            Response created = api.as("rst").post("projects", Api.proposal(name));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            id = created.text("$.id");
            eventsBefore = ((Number) api.as("sjt").get("audit-events/verification").json("$.count")).longValue();
        }
        try (ConfigurableApplicationContext second = start(data)) {
            Api api = new Api(port(second));
            Response project = api.as("rst").get("projects/" + id);
            assertThat(project.status()).isEqualTo(200);
            assertThat(project.text("$.name")).isEqualTo(name);
            Response verification = api.as("sjt").get("audit-events/verification");
            assertThat((Boolean) verification.json("$.valid")).isTrue();
            assertThat(((Number) verification.json("$.count")).longValue()).isEqualTo(eventsBefore);
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
