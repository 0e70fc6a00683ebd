package cn.jl.govit.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.organization.RunAs;
import cn.jl.govit.project.Projects;
import cn.jl.govit.support.AcceptedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Upgrades through the API on PostgreSQL (Art. 29): a shareable, catalogued system's upgrade becomes a new project
 * on the normal approval path at once; any other needs the authority's joint review and the Leading Group's
 * approval before the unit creates the upgrade project; only a system in operation is upgraded; roles and scope.
 */
@GovItTest
class UpgradeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    RunAs runAs;

    @Autowired
    Projects projects;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static Map<String, Object> upgrade(boolean shareable, String catalogueCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "电子证照共享接口");
        body.put("reasons", "业务量增长，需扩容并对接电子证照库。");
        body.put("scope", "扩容数据库，新增共享接口。");
        body.put("estimatedInvestment", 1_200_000.50);
        body.put("constructionPeriodMonths", 6);
        body.put("shareable", shareable);
        body.put("catalogueCode", catalogueCode);
        return body;
    }

    static Map<String, Object> review(LocalDate on, List<String> departments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewedOn", on.toString());
        body.put("departments", departments);
        body.put("opinion", "确需保留并升级，建议同意。");
        body.put("recommendation", "SUPPORT");
        return body;
    }

    static Map<String, Object> decision(String verdict, LocalDate on) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", verdict);
        body.put("decidedOn", on.toString());
        body.put("opinion", "同意。");
        return body;
    }

    String inOperation() {
        return AcceptedProjects.inOperation(api, runAs, projects, "rst", 3_000_000, 12);
    }

    @Test
    void aShareableCataloguedSystemsUpgradeIsProposedAsANewProjectAtOnce() {
        String project = inOperation();
        Response requested = api.as("rst").post("projects/" + project + "/upgrades", upgrade(true, "JL-XT-2026-0012"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.text("$.route")).isEqualTo("NORMAL_APPROVAL");
        assertThat(requested.text("$.status")).isEqualTo("PROJECT_CREATED");
        assertThat(requested.<List<String>>json("$.routeReasons[*].rule")).containsOnly("ART-29");
        String created = requested.text("$.upgradeProjectId");
        assertThat(created).isNotNull().isNotEqualTo(project);

        Response original = api.as("rst").get("projects/" + project);
        Response upgradeProject = api.as("rst").get("projects/" + created);
        assertThat(upgradeProject.status()).as(upgradeProject.toString()).isEqualTo(200);
        assertThat(upgradeProject.text("$.status")).isEqualTo("DRAFT");
        assertThat(upgradeProject.text("$.name")).isEqualTo(original.text("$.name") + "升级改造：电子证照共享接口");
        assertThat(upgradeProject.toString()).contains("1200000.5");
        assertThat(upgradeProject.toString()).contains("DIGITAL_JILIN_FUND");

        String uid = requested.text("$.id");
        Response again = api.as("rst").post("upgrades/" + uid + "/project", Map.of());
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.<List<String>>json("$.violations[*].rule")).containsExactly("ART-29");
        assertThat(api.as("rst").get("audit-events?projectId=" + project).<List<String>>json("$.content[*].action"))
                .contains("UPGRADE_REQUESTED", "UPGRADE_PROJECT_CREATED");
        assertThat(api.as("sjt").get("projects/" + project + "/upgrades").<List<String>>json("$.content[*].id"))
                .containsExactly(uid);
    }

    @Test
    void aSystemThatDoesNotShareNeedsTheJointReviewAndTheLeadingGroupsApproval() {
        String project = inOperation();
        Response requested = api.as("rst").post("projects/" + project + "/upgrades", upgrade(false, "JL-XT-2026-0013"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.text("$.route")).isEqualTo("JOINT_REVIEW");
        assertThat(requested.text("$.status")).isEqualTo("SUBMITTED");
        assertThat(requested.text("$.upgradeProjectId")).isNull();
        String uid = requested.text("$.id");
        String path = "upgrades/" + uid;
        assertThat(api.as("szsj").get("me/notifications?size=200").<List<String>>json("$.content[*].link")).contains("/" + path);

        Response early = api.as("rst").post(path + "/project", Map.of());
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.<List<String>>json("$.violations[*].rule")).containsExactly("ART-29");
        Response beforeReview = api.as("ldxz").post(path + "/leading-group-decision", decision("APPROVED", today()));
        assertThat(beforeReview.status()).isEqualTo(422);
        assertThat(beforeReview.<List<String>>json("$.violations[*].rule")).containsExactly("ART-29");

        assertThat(api.as("rst").post(path + "/joint-review", review(today(), List.of("WXB"))).status()).isEqualTo(403);
        assertThat(api.as("fgw").post(path + "/joint-review", review(today(), List.of("WXB"))).status()).isEqualTo(403);
        assertThat(api.as("wjw").post(path + "/joint-review", review(today(), List.of("WXB"))).status()).isEqualTo(404);
        Response unitOnly = api.as("szsj").post(path + "/joint-review", review(today(), List.of("RST")));
        assertThat(unitOnly.status()).isEqualTo(400);
        assertThat(unitOnly.<List<String>>json("$.errors[*].field")).containsExactly("departments");
        Response unknown = api.as("szsj").post(path + "/joint-review", review(today(), List.of("WXB", "NOPE")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.<List<String>>json("$.errors[*].field")).containsExactly("departments[1]");
        Response future = api.as("szsj").post(path + "/joint-review", review(today().plusDays(1), List.of("WXB")));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.<List<String>>json("$.errors[*].field")).containsExactly("reviewedOn");
        assertThat(api.as("szsj").send(HttpMethod.POST, path + "/joint-review", "application/json", "{").status())
                .isEqualTo(400);
        Response beforeRequest = api.as("szsj").post(path + "/joint-review", review(today().minusDays(1), List.of("WXB")));
        assertThat(beforeRequest.status()).isEqualTo(422);
        assertThat(beforeRequest.<List<String>>json("$.violations[*].rule")).containsExactly("ART-29");

        Response reviewed = api.as("szsj").post(path + "/joint-review", review(today(), List.of("WXB", "CZT", "RST")));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.text("$.status")).isEqualTo("AWAITING_LEADING_GROUP");
        assertThat(reviewed.<List<String>>json("$.jointReview.departments")).containsExactly("WXB", "CZT", "RST");
        assertThat(api.as("szsj").post(path + "/joint-review", review(today(), List.of("WXB"))).status()).isEqualTo(422);
        assertThat(api.as("ldxz").get("me/notifications?size=200").<List<String>>json("$.content[*].link")).contains("/" + path);
        assertThat(api.as("rst").post(path + "/project", Map.of()).status()).isEqualTo(422);

        assertThat(api.as("rst").post(path + "/leading-group-decision", decision("APPROVED", today())).status())
                .isEqualTo(403);
        assertThat(api.as("szsj").post(path + "/leading-group-decision", decision("APPROVED", today())).status())
                .isEqualTo(403);
        assertThat(api.as("ldxz").post(path + "/leading-group-decision", Map.of("decidedOn", today().toString())).status())
                .isEqualTo(400);
        Response approved = api.as("ldxz").post(path + "/leading-group-decision", decision("APPROVED", today()));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.text("$.status")).isEqualTo("APPROVED");
        assertThat(api.as("ldxz").post(path + "/leading-group-decision", decision("REJECTED", today())).status())
                .isEqualTo(422);
        assertThat(api.as("rst").get("me/notifications?size=200").<List<String>>json("$.content[*].link")).contains("/" + path);

        assertThat(api.as("szsj").post(path + "/project", Map.of()).status()).isEqualTo(403);
        Response created = api.as("rst").post(path + "/project", Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("$.status")).isEqualTo("PROJECT_CREATED");
        assertThat(api.as("rst").get("projects/" + created.text("$.upgradeProjectId")).text("$.status"))
                .isEqualTo("DRAFT");
        assertThat(api.as("rst").get("audit-events?projectId=" + project).<List<String>>json("$.content[*].action"))
                .contains("UPGRADE_REQUESTED", "UPGRADE_JOINT_REVIEW_RECORDED", "UPGRADE_LEADING_GROUP_APPROVED",
                        "UPGRADE_PROJECT_CREATED");
    }

    @Test
    void theArchivePackageHoldsTheUpgrades() throws Exception {
        String project = inOperation();
        String uid = api.as("rst").post("projects/" + project + "/upgrades", upgrade(false, "JL-9")).text("$.id");
        HttpResponse<byte[]> exported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/projects/" + project + "/archive-package"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("rst:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(exported.statusCode()).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(exported.body()))) {
            String section = null;
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                if (entry.getName().equals("metadata/upgrades.json")) {
                    section = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            assertThat(section).isNotNull().contains(uid, "JOINT_REVIEW", "JL-9");
        }
    }

    @Test
    void aRejectionEndsTheRequest() {
        String project = inOperation();
        String uid = api.as("rst").post("projects/" + project + "/upgrades", upgrade(true, null)).text("$.id");
        assertThat(api.as("szsj").post("upgrades/" + uid + "/joint-review", review(today(), List.of("WXB"))).status())
                .isEqualTo(200);
        Response rejected = api.as("ldxz").post("upgrades/" + uid + "/leading-group-decision", decision("REJECTED", today()));
        assertThat(rejected.text("$.status")).isEqualTo("REJECTED");
        Response create = api.as("rst").post("upgrades/" + uid + "/project", Map.of());
        assertThat(create.status()).isEqualTo(422);
        assertThat(create.<List<String>>json("$.violations[*].rule")).containsExactly("ART-29");
        assertThat(api.as("rst").english().post("upgrades/" + uid + "/project", Map.of())
                .<List<String>>json("$.violations[*].message")).singleElement().asString()
                .startsWith("The Leading Group did not approve this upgrade");
    }

    @Test
    void onlyTheUnitOfASystemInOperationRequestsWithinScope() {
        String building = ApprovedProjects.underConstruction(api, "rst", 3_000_000, 12);
        Response notYet = api.as("rst").post("projects/" + building + "/upgrades", upgrade(true, "JL-1"));
        assertThat(notYet.status()).isEqualTo(422);
        assertThat(notYet.<List<String>>json("$.violations[*].rule")).containsExactly("ART-29");

        String project = inOperation();
        String upgrades = "projects/" + project + "/upgrades";
        assertThat(api.as("wjw").post(upgrades, upgrade(true, "JL-1")).status()).isEqualTo(404);
        assertThat(api.as("szsj").post(upgrades, upgrade(true, "JL-1")).status()).isEqualTo(403);
        assertThat(api.as("ldxz").post(upgrades, upgrade(true, "JL-1")).status()).isEqualTo(403);
        assertThat(api.anonymous().post(upgrades, upgrade(true, "JL-1")).status()).isEqualTo(401);
        Map<String, Object> negative = upgrade(true, "JL-1");
        negative.put("estimatedInvestment", -1);
        negative.put("title", "");
        Response bad = api.as("rst").post(upgrades, negative);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<List<String>>json("$.errors[*].field")).containsExactlyInAnyOrder("estimatedInvestment", "title");
        Map<String, Object> cents = upgrade(true, "JL-1");
        cents.put("estimatedInvestment", 1.001);
        assertThat(api.as("rst").post(upgrades, cents).status()).isEqualTo(400);
        assertThat(api.as("rst").send(HttpMethod.POST, upgrades, "application/json", "{").status()).isEqualTo(400);
        Map<String, Object> foreignDocument = upgrade(true, "JL-1");
        foreignDocument.put("documentId", "00000000-0000-0000-0000-000000000001");
        Response document = api.as("rst").post(upgrades, foreignDocument);
        assertThat(document.status()).isEqualTo(400);
        assertThat(document.<List<String>>json("$.errors[*].field")).containsExactly("documentId");

        String uid = api.as("rst").post(upgrades, upgrade(false, null)).text("$.id");
        assertThat(api.as("wjw").get("upgrades/" + uid).status()).isEqualTo(404);
        assertThat(api.as("wjw").get(upgrades).status()).isEqualTo(404);
        assertThat(api.as("wjw").get("upgrades?size=200").<List<String>>json("$.content[*].id")).doesNotContain(uid);
        assertThat(api.as("rst").get("upgrades?size=200").<List<String>>json("$.content[*].id")).contains(uid);
        assertThat(api.as("szsj").get("upgrades?status=SUBMITTED&size=200").<List<String>>json("$.content[*].id"))
                .contains(uid);
        assertThat(api.as("fgw").get("upgrades?size=200").<List<String>>json("$.content[*].id")).doesNotContain(uid);
        assertThat(api.as("sjt").get("upgrades/" + uid).text("$.route")).isEqualTo("JOINT_REVIEW");

        Response assessment = api.as("rst").post(upgrades + "/assessment", Map.of("shareable", true, "catalogueCode", "JL-1"));
        assertThat(assessment.text("$.route")).isEqualTo("NORMAL_APPROVAL");
        assertThat(api.as("rst").get("/v3/api-docs").body()).contains("/api/v1/projects/{id}/upgrades",
                "/api/v1/upgrades/{uid}/joint-review", "/api/v1/upgrades/{uid}/leading-group-decision",
                "/api/v1/upgrades/{uid}/project");
    }

    @Test
    void theLeadingGroupSeesWhatAwaitsItFirst() {
        String project = inOperation();
        String path = "projects/" + project + "/upgrades";
        String awaiting = api.as("rst").post(path, upgrade(false, null)).text("$.id");
        api.as("szsj").post("upgrades/" + awaiting + "/joint-review", review(today(), List.of("WXB")));
        api.as("rst").post(path, upgrade(false, null));
        List<String> statuses = api.as("ldxz").get("upgrades?size=200").json("$.content[*].status");
        int lastAwaiting = statuses.lastIndexOf("AWAITING_LEADING_GROUP");
        assertThat(lastAwaiting).isGreaterThanOrEqualTo(0);
        assertThat(statuses.subList(0, lastAwaiting + 1)).containsOnly("AWAITING_LEADING_GROUP");
        assertThat(api.as("ldxz").get("upgrades?status=AWAITING_LEADING_GROUP&size=200")
                .<List<String>>json("$.content[*].id")).contains(awaiting);
    }
}
