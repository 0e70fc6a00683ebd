package cn.jl.govit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jl.govit.audit.AuditTrail;
import cn.jl.govit.audit.Sm3;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/** Document storage through the REST API and the Java API: SM3 digests, scope, roles, classified projects (Art. 8). */
@GovItTest
class DocumentApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Documents documents;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuditTrail audit;

    @Autowired
    DocumentStorage storage;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    String project(String lead, boolean classified, List<String> participants) {
        Map<String, Object> body = Api.proposal(Api.unique("文档测试"));
        body.put("classified", classified);
        body.put("participatingOrganizationCodes", participants);
        Response created = api.as(lead).post("projects", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("$.id");
    }

    static final String BOUNDARY = "govit-test-boundary";

    static byte[] multipart(String filename, String contentType, byte[] content, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        if (code != null) {
            head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\n")
                    .append(code).append("\r\n");
        }
        head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    Response upload(String user, String projectId, String filename, byte[] content, String code) {
        return api.as(user).send(HttpMethod.POST, "projects/" + projectId + "/documents",
                "multipart/form-data; boundary=" + BOUNDARY, multipart(filename, "text/plain", content, code));
    }

    <T> T as(String username, Supplier<T> work) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theConstructionUnitUploadsBytesWhoseSm3MatchesAndEveryoneInScopeDownloadsThemAsAnAttachment() throws Exception {
        String project = project("rst", false, List.of("WJW"));
        byte[] content = "可行性研究报告（征求意见稿）\n第一章 项目概况".getBytes(StandardCharsets.UTF_8);

        Response stored = upload("rst", project, "../../可研报告.txt", content, "fs1");

        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        String id = stored.text("$.id");
        assertThat(stored.headers().getLocation()).hasToString("/api/v1/documents/" + id);
        assertThat(stored.text("$.sm3")).isEqualTo(Sm3.hex(content));
        assertThat(((Number) stored.json("$.size")).intValue()).isEqualTo(content.length);
        assertThat(stored.text("$.contentType")).isEqualTo("text/plain");
        assertThat(stored.text("$.filename")).isEqualTo("可研报告.txt");
        assertThat(stored.text("$.code")).isEqualTo("FS1");

        try (var files = Files.list(storage.root())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("stored under a generated name, never the client's").noneMatch(n -> n.contains("可研"))
                    .noneMatch(n -> n.startsWith(".tmp-"));
        }

        for (String reader : List.of("rst", "wjw", "szsj", "sjt")) {
            Response download = api.as(reader).get("documents/" + id + "/content");
            assertThat(download.status()).as(reader).isEqualTo(200);
            assertThat(download.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(content);
            assertThat(download.headers().getContentDisposition().getType()).isEqualTo("attachment");
            assertThat(download.headers().getContentDisposition().getFilename()).isEqualTo("可研报告.txt");
            assertThat(download.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(api.as("wjw").get("documents/" + id).text("$.sm3")).isEqualTo(Sm3.hex(content));
        assertThat(api.as("rst").get("projects/" + project + "/documents").<List<String>>json("$[*].id")).containsExactly(id);
        assertThat(api.as("rst").get("documents/" + id + "/verification").<Boolean>json("$.intact")).isTrue();

        for (String outsider : List.of("jyt", "expert1", "admin")) {
            assertThat(api.as(outsider).get("documents/" + id).status()).as(outsider).isEqualTo(404);
            assertThat(api.as(outsider).get("documents/" + id + "/content").status()).as(outsider).isEqualTo(404);
            assertThat(api.as(outsider).get("projects/" + project + "/documents").status()).as(outsider).isEqualTo(404);
        }
        assertThat(audit.page(UUID.fromString(project), 0, 5)).extracting(e -> e.action()).contains("DOCUMENT_STORED");
    }

    @Test
    void participantsMayNotUploadAndOutsidersDoNotSeeTheProject() {
        String project = project("rst", false, List.of("WJW"));
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);

        assertThat(upload("wjw", project, "a.txt", content, null).status()).isEqualTo(403);
        assertThat(upload("szsj", project, "a.txt", content, null).status()).isEqualTo(403);
        assertThat(upload("jyt", project, "a.txt", content, null).status()).isEqualTo(404);
        assertThat(upload("rst", UUID.randomUUID().toString(), "a.txt", content, null).status()).isEqualTo(404);
        assertThat(api.anonymous().send(HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + BOUNDARY, multipart("a.txt", "text/plain", content, null)).status())
                .isEqualTo(401);

        Response empty = upload("rst", project, "a.txt", new byte[0], null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.<List<String>>json("$.errors[*].field")).containsExactly("file");
        assertThat(upload("rst", project, "a.txt", content, "../x").status()).isEqualTo(400);
        assertThat(api.as("rst").send(HttpMethod.POST, "projects/" + project + "/documents", "text/plain", "hello").status())
                .isEqualTo(415);
    }

    @Test
    void aClassifiedProjectRefusesUploadsWithArt8AndRegistersDocumentsByOfflineReference() {
        String project = project("rst", true, List.of());

        Response refused = upload("rst", project, "涉密方案.txt", "秘密".getBytes(StandardCharsets.UTF_8), null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.text("$.violations[0].rule")).isEqualTo("ART-8");
        assertThat(refused.text("$.violations[0].article")).isEqualTo("第八条");

        Response registered = api.as("rst").post("projects/" + project + "/documents",
                Map.of("code", "FS", "title", "可行性研究报告（涉密）", "offlineReference", "机要光盘 JY-2026-017"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("$.offlineReference")).isEqualTo("机要光盘 JY-2026-017");
        assertThat((Object) registered.json("$.sm3")).isNull();
        assertThat((Object) registered.json("$.contentUrl")).isNull();
        String id = registered.text("$.id");
        assertThat(api.as("rst").get("documents/" + id + "/content").status()).isEqualTo(422);

        assertThat(api.as("rst").post("projects/" + project + "/documents", Map.of("title", "无载体")).status())
                .isEqualTo(400);
        assertThat(api.as("wjw").post("projects/" + project + "/documents", "{bad").status()).as("404 before 400")
                .isEqualTo(404);
    }

    @Test
    void theJavaApiStoresReadsAndVerifiesWithinScope() {
        String project = project("rst", false, List.of());
        UUID projectId = UUID.fromString(project);
        byte[] content = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

        StoredDocument stored = as("rst", () -> documents.store(projectId, "PA1", "清单.bin", "application/octet-stream", content));

        assertThat(stored.sm3()).isEqualTo(Sm3.hex(content));
        assertThat(stored.contentType()).as("detected from the bytes").isEqualTo("application/pdf");
        byte[] binary = {0, 1, 2, (byte) 0xFF};
        assertThatThrownBy(() -> as("rst", () -> documents.store(projectId, "PA1", "清单.bin", "application/pdf", binary)))
                .isInstanceOf(UploadRefusedException.class).hasMessageContaining("application/octet-stream");
        DocumentContent read = as("szsj", () -> documents.read(stored.id()));
        assertThat(read.bytes()).isEqualTo(content);
        assertThat(as("rst", () -> documents.verify(stored.id())).intact()).isTrue();
        assertThatThrownBy(() -> as("jyt", () -> documents.read(stored.id()))).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> as("szsj", () -> documents.store(projectId, null, "a", "text/plain", content)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void fixityFindsChangedBytesAndReadingThemFails() throws Exception {
        UUID projectId = UUID.fromString(project("rst", false, List.of()));
        byte[] content = ("固定性检查 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        StoredDocument stored = as("rst", () -> documents.store(projectId, null, "check.txt", "text/plain", content));
        java.nio.file.Path file;
        try (var files = Files.list(storage.root())) {
            file = files.filter(p -> {
                try {
                    return java.util.Arrays.equals(Files.readAllBytes(p), content);
                }
                catch (java.io.IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }

        Files.write(file, "changed".getBytes(StandardCharsets.UTF_8));

        FixityCheck check = as("rst", () -> documents.verify(stored.id()));
        assertThat(check.intact()).isFalse();
        assertThat(check.recordedSm3()).isEqualTo(Sm3.hex(content));
        assertThat(check.actualSm3()).isEqualTo(Sm3.hex("changed"));
        assertThatThrownBy(() -> as("rst", () -> documents.read(stored.id()))).isInstanceOf(DocumentTamperedException.class);

        Api.Response download = api.as("rst").english().get("documents/" + stored.id() + "/content");
        assertThat(download.status()).isEqualTo(500);
        assertThat(download.text("$.type")).isEqualTo("/problems/integrity");
        assertThat(download.text("$.title")).isEqualTo("Stored content failed its integrity check");
        assertThat(download.body()).doesNotContain("Exception", "at cn.jl");
    }
}
