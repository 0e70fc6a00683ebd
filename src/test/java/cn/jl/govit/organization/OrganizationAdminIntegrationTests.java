package cn.jl.govit.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.MutableClock;

/** The administrator's REST API for organisations and user accounts, and what its changes mean at login. */
@GovItTest
class OrganizationAdminIntegrationTests {

    static final String PASSWORD = "Admin@Test2026";
    static final Random random = new Random();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- organisations

    @Test
    void everyoneSignedInReadsTheOrganisations() {
        Response all = api.as("rst").get("organizations");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.<List<String>>json("$[*].code")).contains("SZSJ", "FGW", "CZT", "SJT", "RST", "WJW", "JYT");
        assertThat(api.as("expert1").get("organizations/FGW").text("$.kind")).isEqualTo("PROVINCIAL_BODY");
        assertThat(api.as("rst").get("organizations/NOPE").status()).isEqualTo(404);
        assertThat(api.anonymous().get("organizations").status()).isEqualTo(401);
    }

    @Test
    void theAdministratorAddsADepartmentAndTheChangeIsAudited() {
        String code = newCode();

        Response created = api.as("admin").post("organizations",
                Map.of("code", code, "nameZh", "省测试厅", "nameEn", "Test Department", "kind", "DEPARTMENT"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.headers().getLocation()).hasToString("/api/v1/organizations/" + code);
        assertThat(created.headers().getETag()).isEqualTo("\"0\"");
        assertThat(created.text("$.kind")).isEqualTo("DEPARTMENT");
        assertThat((Boolean) created.json("$.active")).isTrue();
        assertThat(api.as("rst").get("organizations/" + code).text("$.nameZh")).isEqualTo("省测试厅");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'ORGANIZATION_CREATED' "
                + "AND entity_id = ? AND actor = 'admin'", Long.class, code)).isEqualTo(1);
    }

    @Test
    void onlyTheAdministratorChangesOrganisationsAndRoleIsCheckedBeforeInput() {
        for (String user : List.of("rst", "szsj", "sjt")) {
            assertThat(api.as(user).post("organizations", Map.of("code", newCode(), "nameZh", "x", "kind", "DEPARTMENT"))
                    .status()).as(user).isEqualTo(403);
            assertThat(api.as(user).post("organizations", Map.of()).status()).as(user).isEqualTo(403);
        }
        assertThat(api.as("rst").send(HttpMethod.PUT, "organizations/RST", MediaType.APPLICATION_JSON_VALUE,
                Map.of("nameZh", "改名")).status()).isEqualTo(403);
        assertThat(api.as("rst").send(HttpMethod.PUT, "organizations/NOPE", MediaType.APPLICATION_JSON_VALUE,
                Map.of("nameZh", "改名")).status()).isEqualTo(404);
    }

    @Test
    void aNewOrganisationNeedsAWellFormedUnusedCodeAndAKind() {
        assertField(api.as("admin").post("organizations", Map.of("code", "RST", "nameZh", "重复", "kind", "DEPARTMENT")), "code");
        assertField(api.as("admin").post("organizations", Map.of("code", "abc", "nameZh", "小写", "kind", "DEPARTMENT")), "code");
        assertField(api.as("admin").post("organizations", Map.of("code", newCode(), "nameZh", "无类型")), "kind");
        assertField(api.as("admin").post("organizations", Map.of("code", newCode(), "nameZh", "类型", "kind", "CITY")), "kind");
        assertField(api.as("admin").post("organizations", Map.of("code", newCode(), "nameZh", "名".repeat(201),
                "kind", "DEPARTMENT")), "nameZh");
    }

    @Test
    void anOrganisationChangeWithAStaleVersionIsAConflict() {
        String code = department();

        Response renamed = api.as("admin").header("If-Match", "\"0\"").send(HttpMethod.PUT, "organizations/" + code,
                MediaType.APPLICATION_JSON_VALUE, Map.of("nameZh", "省测试厅（新）"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat((Integer) renamed.json("$.version")).isEqualTo(1);

        Response stale = api.as("admin").header("If-Match", "\"0\"").send(HttpMethod.PUT, "organizations/" + code,
                MediaType.APPLICATION_JSON_VALUE, Map.of("nameZh", "省测试厅（旧）"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.as("rst").get("organizations/" + code).text("$.nameZh")).isEqualTo("省测试厅（新）");
    }

    @Test
    void anInactiveDepartmentsUsersCannotSignInNorCanItBeNamedOnAProject() {
        String code = department();
        String username = user(code, "DEPARTMENT_STAFF");
        assertThat(api.as(username, PASSWORD).get("me").status()).isEqualTo(200);

        Response deactivated = api.as("admin").send(HttpMethod.PUT, "organizations/" + code,
                MediaType.APPLICATION_JSON_VALUE, Map.of("nameZh", "省测试厅", "active", false));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);

        assertThat(api.as(username, PASSWORD).get("me").status()).isEqualTo(401);
        Map<String, Object> proposal = Api.proposal(Api.unique("停用参建"));
        proposal.put("participatingOrganizationCodes", List.of(code));
        Response refused = api.as("rst").post("projects", proposal);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("$.errors[0].field")).isEqualTo("participatingOrganizationCodes[0]");
    }

    // ---- users

    @Test
    void theAdministratorCreatesAUserWhoSignsInAtOnce() {
        String code = department();
        String username = user(code, "DEPARTMENT_STAFF");

        Response me = api.as(username, PASSWORD).get("me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("$.organizationCode")).isEqualTo(code);
        assertThat(me.<List<String>>json("$.roles")).containsExactly("DEPARTMENT_STAFF");

        Response proposed = api.as(username, PASSWORD).post("projects", Api.proposal(Api.unique("新部门项目")));
        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.text("$.leadOrganizationCode")).isEqualTo(code);

        Response read = api.as("admin").get("users/" + username);
        assertThat(read.text("$.displayName")).isEqualTo("测试用户");
        assertThat(read.body()).doesNotContain("password").doesNotContain(PASSWORD);
    }

    @Test
    void aNewUserNeedsAStrongPasswordAKnownOrganisationAndFittingRoles() {
        assertField(api.as("admin").post("users", newUser(name(), "RST", List.of("DEPARTMENT_STAFF"), "password")), "password");
        assertField(api.as("admin").post("users", newUser(name(), "NOPE", List.of("DEPARTMENT_STAFF"), PASSWORD)),
                "organizationCode");
        assertField(api.as("admin").post("users", newUser(name(), "SZSJ", List.of("DEPARTMENT_STAFF"), PASSWORD)), "roles");
        assertField(api.as("admin").post("users", newUser(name(), null, List.of("APPROVER"), PASSWORD)), "organizationCode");
        assertField(api.as("admin").post("users", newUser("rst", "RST", List.of("DEPARTMENT_STAFF"), PASSWORD)), "username");
        assertField(api.as("admin").post("users", newUser("Bad Name", "RST", List.of("DEPARTMENT_STAFF"), PASSWORD)),
                "username");
        assertField(api.as("admin").post("users", newUser(name(), "RST", List.of(), PASSWORD)), "roles");
        assertField(api.as("admin").post("users", newUser(name(), "RST", List.of("KING"), PASSWORD)), "roles[0]");
    }

    @Test
    void onlyTheAdministratorManagesUsers() {
        for (String user : List.of("rst", "szsj", "sjt", "expert1")) {
            assertThat(api.as(user).get("users").status()).as(user).isEqualTo(403);
            assertThat(api.as(user).get("users/rst").status()).as(user).isEqualTo(403);
            assertThat(api.as(user).post("users", newUser(name(), "RST", List.of("DEPARTMENT_STAFF"), PASSWORD)).status())
                    .as(user).isEqualTo(403);
            assertThat(api.as(user).post("users/rst/unlock", null).status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void theAdministratorSearchesUsers() {
        String username = user("RST", "DEPARTMENT_STAFF");

        Response found = api.as("admin").get("users?q=" + username);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.<List<String>>json("$.content[*].username")).containsExactly(username);
        assertThat(api.as("admin").get("users?size=500").<Integer>json("$.size")).isEqualTo(200);
        assertThat(api.as("admin").get("users?q=%00").status()).isEqualTo(400);
        assertThat(api.as("admin").get("users/nobody-at-all").status()).isEqualTo(404);
    }

    @Test
    void aUserChangeWithAStaleVersionIsAConflictAndADisabledUserCannotSignIn() {
        String username = user("RST", "DEPARTMENT_STAFF");
        Map<String, Object> disable = Map.of("displayName", "测试用户", "organizationCode", "RST",
                "roles", List.of("DEPARTMENT_STAFF"), "enabled", false);

        Response disabled = api.as("admin").header("If-Match", "\"0\"")
                .send(HttpMethod.PUT, "users/" + username, MediaType.APPLICATION_JSON_VALUE, disable);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat((Boolean) disabled.json("$.enabled")).isFalse();
        assertThat(api.as(username, PASSWORD).get("me").status()).isEqualTo(401);

        Response stale = api.as("admin").header("If-Match", "\"0\"")
                .send(HttpMethod.PUT, "users/" + username, MediaType.APPLICATION_JSON_VALUE, disable);
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void aPasswordResetReplacesTheOldPassword() {
        String username = user("RST", "DEPARTMENT_STAFF");

        assertField(api.as("admin").post("users/" + username + "/password", Map.of("password", "short")), "password");
        assertThat(api.as("admin").post("users/" + username + "/password", Map.of("password", "Reset@2026x")).status())
                .isEqualTo(204);

        assertThat(api.as(username, PASSWORD).get("me").status()).isEqualTo(401);
        assertThat(api.as(username, "Reset@2026x").get("me").status()).isEqualTo(200);
    }

    /** 三员: the system administrator sees a lock, only the security administrator ends it. */
    @Test
    void theSecurityAdministratorSeesAndEndsALock() {
        String username = user("RST", "DEPARTMENT_STAFF");
        for (int i = 0; i < 5; i++) {
            assertThat(api.as(username, "Wrong@2026").get("me").status()).isEqualTo(401);
        }
        assertThat((Boolean) api.as("admin").get("users/" + username).json("$.locked")).isTrue();
        assertThat((Boolean) api.as("secadmin").get("users/" + username).json("$.locked")).isTrue();

        assertThat(api.as("admin").post("users/" + username + "/unlock", null).status()).isEqualTo(403);
        assertThat(api.as("secadmin").post("users/" + username + "/unlock", null).status()).isEqualTo(204);

        assertThat((Boolean) api.as("admin").get("users/" + username).json("$.locked")).isFalse();
        assertThat(api.as(username, PASSWORD).get("me").status()).isEqualTo(200);
        assertThat(api.as("secadmin").post("users/nobody-at-all/unlock", null).status()).isEqualTo(404);
    }

    @Test
    void aLockShowsAsEndedOnceItsPeriodHasPassed() {
        String username = user("RST", "DEPARTMENT_STAFF");
        for (int i = 0; i < 5; i++) {
            assertThat(api.as(username, "Wrong@2026").get("me").status()).isEqualTo(401);
        }

        clock.advance(Duration.ofMinutes(30).plusSeconds(1));

        assertThat((Boolean) api.as("admin").get("users/" + username).json("$.locked")).isFalse();
        assertThat(api.as(username, PASSWORD).get("me").status()).isEqualTo(200);
    }

    private String department() {
        String code = newCode();
        Response created = api.as("admin").post("organizations",
                Map.of("code", code, "nameZh", "省测试厅", "kind", "DEPARTMENT"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return code;
    }

    private String user(String organizationCode, String role) {
        String username = name();
        Response created = api.as("admin").post("users", newUser(username, organizationCode, List.of(role), PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.headers().getLocation()).hasToString("/api/v1/users/" + username);
        return username;
    }

    private static Map<String, Object> newUser(String username, String organizationCode, List<String> roles,
            String password) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("username", username);
        body.put("displayName", "测试用户");
        body.put("organizationCode", organizationCode);
        body.put("roles", roles);
        body.put("password", password);
        return body;
    }

    private static String name() {
        return "u" + Long.toString(Math.abs(random.nextLong()), 36);
    }

    /** A department code no other test uses: T and nine upper-case letters or digits. */
    private static String newCode() {
        return ("T" + Long.toString(Math.abs(random.nextLong()), 36).toUpperCase() + "000000000").substring(0, 10);
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.<List<String>>json("$.errors[*].field")).as(response.body()).contains(field);
    }
}
