package cn.jl.govit.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.AuditTrail;
import cn.jl.govit.audit.Sm3;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * The archive package on PostgreSQL: an approved project with an uploaded document is exported as its department,
 * verifies as valid through the endpoint and the command line, and reports a changed document once tampered; outside
 * scope the export is 404, a damaged document store refuses it, and something that is no package is 400.
 */
@GovItTest
class ArchivePackageIntegrationTests {

    static final String BOUNDARY = "govit-dossier-boundary";

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @TempDir
    Path dir;

    Api api;
    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static byte[] form(String filename, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    Response upload(String user, String path, String filename, String contentType, byte[] content) {
        return api.as(user).send(HttpMethod.POST, path, "multipart/form-data; boundary=" + BOUNDARY,
                form(filename, contentType, content));
    }

    HttpResponse<byte[]> download(String user, String projectId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/projects/" + projectId + "/archive-package"));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Response verify(String user, byte[] zip) {
        return upload(user, "archive-packages/verification", "package.zip", "application/zip", zip);
    }

    @Test
    void exportVerifyTamperAndScope() throws Exception {
        String projectId = ApprovedProjects.approved(api, "rst", 800_000, 12);
        byte[] content = ("可行性研究报告 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Response stored = upload("rst", "projects/" + projectId + "/documents", "可研报告.txt", "text/plain", content);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        String documentId = stored.text("$.id");

        HttpResponse<byte[]> exported = download("rst", projectId);

        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(exported.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        Map<String, byte[]> entries = TestPackages.unzip(exported.body());
        String documentPath = "documents/" + documentId + "-可研报告.txt";
        assertThat(entries.keySet()).containsExactly("metadata/change.json", "metadata/documents.json", "metadata/findings.json",
                "metadata/funding.json",
                "metadata/project.json", "metadata/violations.json", documentPath,
                "audit/events.json", "audit/verification.json", "manifest.json", "manifest.sig");
        assertThat(entries.get(documentPath)).isEqualTo(content);

        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("projectId").asString()).isEqualTo(projectId);
        assertThat(manifest.get("createdBy").asString()).isEqualTo("rst");
        assertThat(manifest.get("signingIssuer").asString()).isEqualTo("SZSJ");
        assertThat(manifest.get("entries")).hasSize(9);
        for (JsonNode entry : manifest.get("entries")) {
            byte[] bytes = entries.get(entry.get("path").asString());
            assertThat(entry.get("sm3").asString()).isEqualTo(Sm3.hex(bytes));
            assertThat(entry.get("size").asLong()).isEqualTo(bytes.length);
        }
        JsonNode project = json.readTree(entries.get("metadata/project.json"));
        assertThat(project.get("status").asString()).isEqualTo("APPROVED");
        assertThat(project.get("approvalAuthorityCode").asString()).isEqualTo("SZSJ");
        assertThat(project.get("approvedEstimate").decimalValue()).isEqualByComparingTo("800000");
        assertThat(json.readTree(entries.get("metadata/documents.json")).get(0).get("sm3").asString())
                .isEqualTo(Sm3.hex(content));
        JsonNode events = json.readTree(entries.get("audit/events.json"));
        assertThat(events.size()).isGreaterThan(3);
        assertThat(events.get(0).get("action").asString()).isEqualTo("PROJECT_PROPOSED");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("sequence").asLong()).isGreaterThan(events.get(i - 1).get("sequence").asLong());
        }
        assertThat(json.readTree(entries.get("audit/verification.json")).get("valid").asBoolean()).isTrue();

        List<AuditEvent> latest = trail.page(UUID.fromString(projectId), 0, 1);
        assertThat(latest.get(0).action()).isEqualTo("ARCHIVE_PACKAGE_EXPORTED");
        assertThat(latest.get(0).actor()).isEqualTo("rst");
        assertThat(latest.get(0).summary()).contains(Sm3.hex(entries.get("manifest.json")));

        Response valid = verify("daj", exported.body());
        assertThat(valid.status()).as(valid.toString()).isEqualTo(200);
        assertThat(valid.<Boolean>json("$.valid")).isTrue();
        assertThat(valid.<Boolean>json("$.signatureValid")).isTrue();
        assertThat(valid.text("$.projectCode")).isEqualTo(manifest.get("projectCode").asString());
        assertThat(valid.text("$.signingKeyId")).isEqualTo(manifest.get("signingKeyId").asString());

        byte[] tampered = TestPackages.edit(exported.body(), m -> {
            m.put(documentPath, TestPackages.flipByte(m.get(documentPath)));
            m.remove("audit/verification.json");
            m.put("documents/extra.txt", new byte[] {1});
            return m;
        });
        Response invalid = verify("daj", tampered);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.<Boolean>json("$.valid")).isFalse();
        assertThat(invalid.<Boolean>json("$.signatureValid")).isTrue();
        assertThat(invalid.<List<String>>json("$.changed")).containsExactly(documentPath);
        assertThat(invalid.<List<String>>json("$.missing")).containsExactly("audit/verification.json");
        assertThat(invalid.<List<String>>json("$.added")).containsExactly("documents/extra.txt");

        // the command line, with the key as published for the CLI
        Response pem = api.as("daj").get("signing-keys/SZSJ.pem");
        assertThat(pem.status()).isEqualTo(200);
        Path key = Files.writeString(dir.resolve("SZSJ.pem"), pem.body());
        Path zip = Files.write(dir.resolve("package.zip"), exported.body());
        Path bad = Files.write(dir.resolve("tampered.zip"), tampered);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(VerifyArchivePackage.run(new String[] {zip.toString(), key.toString()}, quiet, quiet)).isZero();
        assertThat(VerifyArchivePackage.run(new String[] {bad.toString(), key.toString()}, quiet, quiet)).isEqualTo(1);

        // scope: another department does not see the project; anonymous callers are asked to sign in
        assertThat(download("jyt", projectId).statusCode()).isEqualTo(404);
        assertThat(download(null, projectId).statusCode()).isEqualTo(401);
        assertThat(download("szsj", projectId).statusCode()).isEqualTo(200);
    }

    @Test
    void theConstructionAndFundingSectionsOfAProjectUnderConstruction() throws Exception {
        String projectId = ApprovedProjects.underConstruction(api, "rst", 600_000, 18);

        HttpResponse<byte[]> exported = download("rst", projectId);

        assertThat(exported.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = TestPackages.unzip(exported.body());
        assertThat(entries.keySet()).filteredOn(p -> p.startsWith("metadata/")).containsExactly(
                "metadata/acceptance-initial.json", "metadata/archive.json",
                "metadata/change.json", "metadata/construction.json", "metadata/documents.json", "metadata/findings.json",
                "metadata/funding.json",
                "metadata/obligations.json", "metadata/performance.json", "metadata/project.json",
                "metadata/violations.json");
        JsonNode construction = json.readTree(entries.get("metadata/construction.json"));
        assertThat(construction.propertyNames()).contains("parties", "procurements", "contracts", "budget",
                "progressReports", "milestoneBaselines", "incidents", "rectificationOrders", "delayFlags");
        assertThat(construction.get("budget").get("approvedEstimate").decimalValue()).isEqualByComparingTo("600000");
        JsonNode funding = json.readTree(entries.get("metadata/funding.json"));
        assertThat(funding.get("summary").get("approved").decimalValue()).isEqualByComparingTo("600000");
        assertThat(funding.get("fundPlans").isArray()).isTrue();
        assertThat(json.readTree(entries.get("metadata/project.json")).get("status").asString())
                .isEqualTo("UNDER_CONSTRUCTION");
        JsonNode change = json.readTree(entries.get("metadata/change.json"));
        assertThat(change.get("changeRequests").isArray()).isTrue();
        assertThat(change.get("baselines").get(0).get("approvedEstimate").decimalValue()).isEqualByComparingTo("600000");
        assertThat(json.readTree(entries.get("metadata/performance.json")).isArray()).isTrue();
        JsonNode archive = json.readTree(entries.get("metadata/archive.json"));
        assertThat(archive.get("acceptanceStatus").asString()).isEqualTo("NOT_APPLIED");
        assertThat(archive.get("entries").isArray()).isTrue();
        // construction start opened the initial acceptance deadline at the planned completion
        JsonNode obligations = json.readTree(entries.get("metadata/obligations.json"));
        assertThat(obligations.findValuesAsString("type")).contains("INITIAL_ACCEPTANCE");
        assertThat(verify("rst", exported.body()).<Boolean>json("$.valid")).isTrue();
    }

    @Test
    void somethingThatIsNoPackageIsRefusedWithTheFieldAtFault() {
        Response text = upload("rst", "archive-packages/verification", "notes.txt", "text/plain",
                "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.<List<String>>json("$.errors[*].field")).containsExactly("file");

        Response noManifest = verify("rst", TestPackages.zip(Map.of("a.txt", new byte[] {1})));
        assertThat(noManifest.status()).isEqualTo(400);

        Response evil = verify("rst", TestPackages.zip(Map.of("../../etc/passwd", new byte[] {1})));
        assertThat(evil.status()).isEqualTo(400);

        Response none = api.as("rst").send(HttpMethod.POST, "archive-packages/verification",
                "multipart/form-data; boundary=" + BOUNDARY, ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(none.status()).isEqualTo(400);
    }

    @Test
    void theEndpointsArePublishedInTheOpenApiDocumentAndThePageIsScoped() throws Exception {
        Response docs = api.as("sjt").get("/v3/api-docs");
        assertThat(docs.body()).contains("/api/v1/projects/{id}/archive-package", "/api/v1/archive-packages/verification");

        String projectId = ApprovedProjects.approved(api, "rst", 300_000, 12);
        Pages pages = new Pages(context, users);
        String path = "/projects/" + projectId + "/archive-package";
        assertThat(pages.body("rst", get(path))).contains(path + "/download", path + "/verification");
        assertThat(pages.perform("jyt", get(path)).getResponse().getStatus()).isEqualTo(404);
        assertThat(pages.perform("jyt", get(path + "/download")).getResponse().getStatus()).isEqualTo(404);
        MockMultipartFile notZip = new MockMultipartFile("file", "notes.txt", "text/plain",
                "not a zip".getBytes(StandardCharsets.UTF_8));
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        assertThat(mvc.perform(multipart(path + "/verification").file(notZip).with(csrf())
                .with(user(users.loadUserByUsername("jyt")))).andReturn().getResponse().getStatus()).isEqualTo(404);
        MvcResult refused = mvc.perform(multipart(path + "/verification").file(notZip).with(csrf())
                .with(user(users.loadUserByUsername("rst")))).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(Pages.body(refused)).contains("data-testid=\"form-errors\"");
    }

    @Test
    void aClassifiedProjectsOfflineDocumentsAppearInTheMetadataOnly() throws Exception {
        Map<String, Object> proposal = Api.proposal(Api.unique("涉密档案包"));
        proposal.put("classified", true);
        Response created = api.as("rst").post("projects", proposal);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String projectId = created.text("$.id");
        Response registered = api.as("rst").post("projects/" + projectId + "/documents",
                Map.of("code", "FS", "title", "可行性研究报告（涉密）", "offlineReference", "机要光盘 JY-2026-099"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        HttpResponse<byte[]> exported = download("rst", projectId);

        assertThat(exported.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = TestPackages.unzip(exported.body());
        assertThat(entries.keySet()).noneMatch(p -> p.startsWith("documents/"));
        // a proposal has no approved estimate yet: no change or funding sections
        assertThat(entries.keySet()).filteredOn(p -> p.startsWith("metadata/"))
                .containsExactly("metadata/documents.json", "metadata/findings.json", "metadata/project.json",
                        "metadata/violations.json");
        JsonNode documents = json.readTree(entries.get("metadata/documents.json"));
        assertThat(documents.get(0).get("offlineReference").asString()).isEqualTo("机要光盘 JY-2026-099");
        assertThat(documents.get(0).get("sm3").isNull()).isTrue();
        assertThat(verify("rst", exported.body()).<Boolean>json("$.valid")).isTrue();
    }

    @Test
    void aDamagedDocumentStoreRefusesTheExport() throws Exception {
        String projectId = ApprovedProjects.approved(api, "rst", 500_000, 12);
        Response stored = upload("rst", "projects/" + projectId + "/documents", "report.txt", "text/plain",
                "初步设计".getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).isEqualTo(201);
        // the recorded digest no longer matches the stored bytes, as when the file was changed on disk
        jdbc.sql("UPDATE document SET sm3 = :sm3 WHERE id = :id").param("sm3", Sm3.hex("something else"))
                .param("id", UUID.fromString(stored.text("$.id"))).update();

        HttpResponse<byte[]> refused = download("rst", projectId);

        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("/problems/integrity");
        assertThat(trail.page(UUID.fromString(projectId), 0, 1).get(0).action()).isNotEqualTo("ARCHIVE_PACKAGE_EXPORTED");
    }
}
