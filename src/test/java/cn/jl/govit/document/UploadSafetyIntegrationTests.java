package cn.jl.govit.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Issue 7.4 through HTTP: size limits (413, nothing on disk or in the database), content types sniffed against the
 * kind's allow-list (415), bombs and nested archives (422), generated storage names whatever the client's name,
 * attachment downloads with RFC 5987 names and nosniff, and a write whose transaction fails leaves no file.
 */
@GovItTest
class UploadSafetyIntegrationTests {

    static final String BOUNDARY = "govit-upload-safety";

    @LocalServerPort
    int port;

    @Autowired
    DocumentStorage storage;

    @Autowired
    DocumentProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Documents documents;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    Api api;
    MockMvc mvc;
    DataSize maxFileSize;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        maxFileSize = properties.getMaxFileSize();
    }

    @AfterEach
    void restore() {
        properties.setMaxFileSize(maxFileSize);
    }

    String project() {
        Map<String, Object> body = Api.proposal(Api.unique("上传安全"));
        body.put("participatingOrganizationCodes", List.of());
        Response created = api.as("rst").post("projects", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("$.id");
    }

    static byte[] form(String filename, String contentType, byte[] content, String kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        if (kind != null) {
            head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n")
                    .append(kind).append("\r\n");
        }
        head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    Response upload(String project, String filename, String contentType, byte[] content, String kind) {
        return api.as("rst").english().send(HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + BOUNDARY, form(filename, contentType, content, kind));
    }

    /** What is in the store: files in its folder (temporary ones included) and rows of the table. */
    record Footprint(long files, long rows) {
    }

    Footprint footprint() throws IOException {
        long files = 0;
        if (Files.isDirectory(storage.root())) {
            try (Stream<java.nio.file.Path> list = Files.list(storage.root())) {
                files = list.count();
            }
        }
        return new Footprint(files, jdbc.sql("SELECT count(*) FROM document").query(Long.class).single());
    }

    @Test
    void overTheDocumentLimitIs413ProblemJsonAndNothingIsLeft() throws Exception {
        String project = project();
        properties.setMaxFileSize(DataSize.ofKilobytes(1));
        Footprint before = footprint();

        Response refused = upload(project, "大文件.txt", "text/plain", "很".repeat(400).getBytes(StandardCharsets.UTF_8), null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.text("$.type")).isEqualTo("/problems/too-large");
        assertThat(refused.text("$.filename")).isEqualTo("大文件.txt");
        assertThat(footprint()).isEqualTo(before);

        MvcResult page = mvc.perform(multipart("/projects/" + project + "/documents")
                .file(new MockMultipartFile("file", "大文件.txt", "text/plain", new byte[2048]))
                .with(csrf()).with(user(users.loadUserByUsername("rst")))).andReturn();
        assertThat(page.getResponse().getStatus()).as("the 413 error page").isEqualTo(413);
        assertThat(footprint()).isEqualTo(before);

        properties.setMaxFileSize(maxFileSize);
        assertThat(upload(project, "小文件.txt", "text/plain", "很".repeat(400).getBytes(StandardCharsets.UTF_8), null)
                .status()).isEqualTo(201);
    }

    @Test
    void theTypeIsSniffedAndCheckedAgainstTheKindsAllowList() throws Exception {
        String project = project();
        Footprint before = footprint();

        Response html = upload(project, "批复.pdf", "application/pdf", Archives.HTML, null);
        assertThat(html.status()).as(html.toString()).isEqualTo(415);
        assertThat(html.text("$.type")).isEqualTo("/problems/unsupported-media-type");
        assertThat(html.text("$.filename")).isEqualTo("批复.pdf");
        assertThat(html.text("$.detectedType")).isEqualTo("text/html");
        assertThat(html.text("$.detail")).contains("批复.pdf", "text/html");

        Response zipAsProjectDocument = upload(project, "交付物.zip", "application/zip", Archives.plainZip(), null);
        assertThat(zipAsProjectDocument.status()).isEqualTo(415);
        assertThat(zipAsProjectDocument.text("$.detectedType")).isEqualTo("application/zip");

        Response bomb = upload(project, "交付物.zip", "application/zip", Archives.bomb("logs.txt", 20), "ACCEPTANCE_MATERIAL");
        assertThat(bomb.status()).as(bomb.toString()).isEqualTo(422);
        assertThat(bomb.text("$.type")).isEqualTo("/problems/upload-refused");
        assertThat(bomb.text("$.filename")).isEqualTo("交付物.zip");

        Response nested = upload(project, "源码.zip", "application/zip",
                Archives.zip(Archives.entries("readme.txt", "x", "lib/inner.zip", Archives.plainZip())), "ACCEPTANCE_MATERIAL");
        assertThat(nested.status()).isEqualTo(422);
        assertThat(nested.text("$.detail")).contains("lib/inner.zip");

        Response ooxmlBomb = upload(project, "报告.docx", "application/msword", Archives.ooxmlBomb(16), null);
        assertThat(ooxmlBomb.status()).isEqualTo(422);

        Response unknownKind = upload(project, "a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8), "SECRET");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.<List<String>>json("$.errors[*].field")).containsExactly("kind");
        assertThat(footprint()).as("nothing refused was written").isEqualTo(before);

        Response zip = upload(project, "交付物.zip", "application/octet-stream", Archives.plainZip(), "ACCEPTANCE_MATERIAL");
        assertThat(zip.status()).as(zip.toString()).isEqualTo(201);
        assertThat(zip.text("$.contentType")).as("the detected type, not the declared one").isEqualTo("application/zip");
        Response docx = upload(project, "设计.docx", "text/html", Archives.docx(), "EVIDENCE");
        assertThat(docx.status()).isEqualTo(201);
        assertThat(docx.text("$.contentType")).isEqualTo(DocumentKind.Types.DOCX);
        assertThat(jdbc.sql("SELECT kind FROM document WHERE id = :id").param("id", UUID.fromString(zip.text("$.id")))
                .query(String.class).single()).isEqualTo("ACCEPTANCE_MATERIAL");
    }

    @Test
    void thePageShowsARefusedTypeInTheFormNamingFileAndType() throws Exception {
        String project = project();
        MvcResult page = mvc.perform(multipart("/projects/" + project + "/documents")
                .file(new MockMultipartFile("file", "照片.png", "image/png", Archives.HTML)).param("kind", "EVIDENCE")
                .with(csrf()).with(user(users.loadUserByUsername("rst")))).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(415);
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("data-testid=\"form-errors\"", "照片.png", "text/html");
    }

    @Test
    void aHostileFileNameNeverEscapesTheStoreNorReachesAHeaderUnescaped() throws Exception {
        UUID project = UUID.fromString(project());
        byte[] content = ("路径穿越 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        StoredDocument stored = as("rst", () -> documents.store(project, null,
                "../../etc/passwd\u0000\r\nX-Injected: yes\r\n可研.txt", "text/plain", content));

        String storageName = jdbc.sql("SELECT storage_name FROM document WHERE id = :id").param("id", stored.id())
                .query(String.class).single();
        assertThat(storageName).matches("[0-9a-f-]{36}\\.bin");
        assertThat(storage.root().resolve(storageName)).exists().hasBinaryContent(content);
        assertThat(Files.exists(storage.root().resolveSibling("etc"))).isFalse();
        assertThat(stored.filename()).doesNotContain("/", "\r", "\n", "\u0000").isEqualTo("passwdX-Injected: yes可研.txt");

        Response download = api.as("rst").get("documents/" + stored.id() + "/content");
        assertThat(download.status()).isEqualTo(200);
        String disposition = download.headers().getFirst("Content-Disposition");
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''").doesNotContain("\r", "\n");
        assertThat(download.headers().get("X-Injected")).isNull();
        assertThat(download.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.headers().getContentDisposition().getFilename()).isEqualTo("passwdX-Injected: yes可研.txt");
        MvcResult page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/documents/" + stored.id() + "/content").with(user(users.loadUserByUsername("rst")))).andReturn();
        assertThat(page.getResponse().getHeader("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
        assertThat(page.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aFailureBetweenTheWriteAndTheCommitLeavesNoFile() throws Exception {
        UUID project = UUID.fromString(project());
        Footprint before = footprint();

        as("rst", () -> transactions.execute(status -> {
            StoredDocument stored = documents.store(project, null, "回滚.txt", "text/plain",
                    "写入后回滚".getBytes(StandardCharsets.UTF_8));
            try {
                assertThat(footprint().files()).as("the file is in place before the commit").isEqualTo(before.files() + 1);
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            status.setRollbackOnly();
            return stored;
        }));

        assertThat(footprint()).isEqualTo(before);
    }

    <T> T as(String username, java.util.function.Supplier<T> work) {
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
}
