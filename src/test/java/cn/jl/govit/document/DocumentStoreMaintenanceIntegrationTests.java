package cn.jl.govit.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jl.govit.audit.AuditTrail;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * The store's housekeeping: the sweeper removes old temporary and orphan files and nothing else, and reports
 * them; the fixity check re-computes every stored document's SM3 digest and names each one whose bytes changed.
 */
@GovItTest
class DocumentStoreMaintenanceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DocumentStorage storage;

    @Autowired
    DocumentStoreSweeper sweeper;

    @Autowired
    DocumentFixity fixity;

    @Autowired
    DocumentProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    String project() {
        Map<String, Object> body = Api.proposal(Api.unique("存储维护"));
        body.put("participatingOrganizationCodes", List.of());
        Response created = api.as("rst").post("projects", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("$.id");
    }

    String upload(String project, String name, String text) {
        String boundary = "govit-maintenance";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        Response stored = api.as("rst").send(org.springframework.http.HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return stored.text("$.id");
    }

    Path fileOf(String documentId) {
        return storage.root().resolve(jdbc.sql("SELECT storage_name FROM document WHERE id = :id")
                .param("id", UUID.fromString(documentId)).query(String.class).single());
    }

    static void age(Path file, Duration age) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    }

    @Test
    void theSweeperRemovesOldTemporaryAndOrphanFilesAndReportsThem() throws Exception {
        String recorded = upload(project(), "保留.txt", "有记录的文件 " + UUID.randomUUID());
        Path recordedFile = fileOf(recorded);
        Duration old = properties.getOrphanAge().plusHours(1);
        age(recordedFile, old);
        Files.createDirectories(storage.root());
        Path oldTemp = storage.root().resolve(".tmp-" + UUID.randomUUID() + ".bin");
        Path oldOrphan = storage.root().resolve(UUID.randomUUID() + ".bin");
        Path freshOrphan = storage.root().resolve(UUID.randomUUID() + ".bin");
        Path foreign = storage.root().resolve("README-" + UUID.randomUUID() + ".txt");
        for (Path p : List.of(oldTemp, oldOrphan, freshOrphan, foreign)) {
            Files.writeString(p, "left behind");
        }
        age(oldTemp, old);
        age(oldOrphan, old);
        age(foreign, old);
        try {
            DocumentStoreSweeper.SweepReport report = sweeper.sweep();

            assertThat(report.temporaryFiles()).contains(oldTemp.getFileName().toString());
            assertThat(report.orphanFiles()).contains(oldOrphan.getFileName().toString())
                    .doesNotContain(freshOrphan.getFileName().toString(), recordedFile.getFileName().toString());
            assertThat(oldTemp).doesNotExist();
            assertThat(oldOrphan).doesNotExist();
            assertThat(freshOrphan).as("a write in progress is left alone").exists();
            assertThat(recordedFile).as("a recorded file is never swept").exists();
            assertThat(foreign).as("only names the store generates").exists();
            assertThat(api.as("rst").get("documents/" + recorded + "/content").status()).isEqualTo(200);
            assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE action = 'DOCUMENT_STORE_SWEPT' ORDER BY sequence DESC LIMIT 1")
                    .query(String.class).single()).contains(oldTemp.getFileName().toString(), oldOrphan.getFileName().toString());
        }
        finally {
            Files.deleteIfExists(freshOrphan);
            Files.deleteIfExists(foreign);
        }
    }

    @Test
    void theFixityCheckNamesTheDocumentWhoseBytesChanged() throws Exception {
        String project = project();
        String intact = upload(project, "完好.txt", "完好的文件 " + UUID.randomUUID());
        String flipped = upload(project, "被改.txt", "将被改动的文件 " + UUID.randomUUID());
        Path file = fileOf(flipped);
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] ^= 0x01;
        Files.write(file, bytes);

        Response check = api.as("sjt").post("documents/fixity-checks", Map.of());

        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        assertThat(check.<List<String>>json("$.changed[*].documentId")).contains(flipped).doesNotContain(intact);
        assertThat(((Number) check.json("$.checked")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(check.text("$.changed[?(@.documentId == '" + flipped + "')].filename")).contains("被改.txt");

        FixityReport scheduled = fixity.checkAsSystem();
        assertThat(scheduled.changed()).extracting(FixityReport.Changed::documentId).contains(UUID.fromString(flipped))
                .doesNotContain(UUID.fromString(intact));
        assertThat(audit.page(UUID.fromString(project), 0, 10)).extracting(e -> e.action()).contains("DOCUMENT_FIXITY_FAILED");

        assertThat(api.as("szsj").post("documents/fixity-checks", Map.of()).status()).as("an approver").isEqualTo(200);
        Response byAuditAdministrator = api.as("auditadmin").post("documents/fixity-checks", Map.of());
        assertThat(byAuditAdministrator.status()).as(byAuditAdministrator.toString()).isEqualTo(200);
        assertThat(byAuditAdministrator.<List<String>>json("$.changed[*].documentId"))
                .as("the audit administrator sees every changed document, whichever project").contains(flipped);
        assertThat(api.as("rst").post("documents/fixity-checks", Map.of()).status()).isEqualTo(403);
        assertThat(api.as("admin").post("documents/fixity-checks", Map.of()).status()).isEqualTo(403);
        assertThat(api.anonymous().post("documents/fixity-checks", Map.of()).status()).isEqualTo(401);

        bytes[3] ^= 0x01;
        Files.write(file, bytes);
        assertThat(api.as("sjt").post("documents/fixity-checks", Map.of()).<List<String>>json("$.changed[*].documentId"))
                .as("restored bytes pass again").doesNotContain(flipped);
    }
}
