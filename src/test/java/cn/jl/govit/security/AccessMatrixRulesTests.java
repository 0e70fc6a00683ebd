package cn.jl.govit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The expected access matrix read against the rules it must keep (articles.md, the modules' role checks and the
 * three-administrator split), so that a row regenerated with {@code -Dgovit.accessMatrix.write=true} cannot
 * quietly grant what the rules forbid. Plain JUnit: only the table file is read; {@link AccessMatrixTests}
 * proves the table is what the application answers.
 */
class AccessMatrixRulesTests {

    private static Map<String, Map<String, String>> table;

    @BeforeAll
    static void read() {
        table = AccessMatrixTable.read(AccessMatrixTests.TABLE);
    }

    @Test
    void theTableHasAColumnForEveryDemoUserAndOnlyTheFourValues() {
        assertThat(table).hasSizeGreaterThan(300);
        table.forEach((key, row) -> {
            assertThat(row.keySet()).as(key).contains(AccessMatrixTests.USERS.toArray(String[]::new));
            AccessMatrixTests.USERS.forEach(user -> assertThat(row.get(user)).as(key + " " + user)
                    .isIn("200", "401", "403", "404"));
        });
    }

    @Test
    void anonymousCallersReachOnlyTheLoginForm() {
        assertThat(rows(r -> !"401".equals(r.get("anonymous")))).containsExactly("GET /login -");
    }

    /** Art. 5 and the scope rule: a department never sees another department's project, and outside scope is 404. */
    @Test
    void aDepartmentNeverReachesAnotherDepartmentsProject() {
        assertThat(rows(scope("B").and(r -> !"404".equals(r.get("rst"))))).as("rst on WJW's project").isEmpty();
        assertThat(rows(scope("A").and(r -> !"404".equals(r.get("wjw"))))).as("wjw on RST's project").isEmpty();
        assertThat(rows(scope("E").and(r -> !"404".equals(r.get("wjw"))))).as("wjw on RST's project under review")
                .isEmpty();
        // and each reaches its own: the project, its submissions, its documents
        for (String path : List.of("GET /api/v1/projects/{id}", "GET /api/v1/projects/{id}/submissions",
                "GET /api/v1/projects/{id}/documents", "GET /projects/{id}", "GET /api/v1/documents/{id}")) {
            assertThat(cell(path, "A", "rst")).as(path).isEqualTo("200");
            assertThat(cell(path, "B", "wjw")).as(path).isEqualTo("200");
        }
    }

    /**
     * 三员 and the expert rule: the system, security and audit administrators read no project data; an expert reads
     * nothing of a project without its panel (A and B have none with expert1).
     */
    @Test
    void administratorsAndExpertsReachNoProjectRecord() {
        for (String user : List.of("admin", "secadmin", "auditadmin")) {
            assertThat(rows(r -> !"-".equals(r.get("scope")) && "200".equals(r.get(user)))).as(user).isEmpty();
        }
        assertThat(rows(r -> ("A".equals(r.get("scope")) || "B".equals(r.get("scope"))) && "200".equals(r.get("expert1"))))
                .as("expert1 outside its panels").isEmpty();
    }

    /**
     * The expert inside scope (Art. 10): in {@code E}, whose submission is under review by a panel named with
     * expert1, the expert reads and files its own review (API and page) and reads the submission under review and its
     * versions — nothing else: not the project, its documents, the consolidated report or the decision. Its review
     * is nobody else's: every other user gets 403/404 on it (the authority reads the consolidated report instead).
     */
    @Test
    void anExpertReachesOnlyItsOwnReviewAndTheSubmissionUnderIt() {
        Set<String> own = Set.of("GET /api/v1/reviews/{id} E", "PUT /api/v1/reviews/{id}/opinion E",
                "GET /reviews/{id} E", "POST /reviews/{id} E");
        Set<String> submission = Set.of("GET /api/v1/submissions/{id} E", "GET /api/v1/submissions/{id}/versions E");
        assertThat(rows(r -> "200".equals(r.get("expert1")) && !"-".equals(r.get("scope"))))
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(own.stream(), submission.stream())
                        .toList());
        for (String row : own) {
            String path = row.substring(0, row.length() - 2);
            assertThat(rows(r -> (r.get("method") + " " + r.get("path") + " " + r.get("scope")).equals(row)
                    && granted(r, Set.of("expert1")))).as("another user on expert1's review " + path).isEmpty();
            // A and B hold no review of expert1: the same paths answer 404 there
            assertThat(cell(path, "A", "expert1")).as(path).isEqualTo("404");
            assertThat(cell(path, "B", "expert1")).as(path).isEqualTo("404");
        }
        for (String path : List.of("GET /api/v1/projects/{id}", "GET /projects/{id}", "GET /api/v1/documents/{id}",
                "GET /api/v1/submissions/{id}/review-report")) {
            assertThat(cell(path, "E", "expert1")).as(path).isIn("403", "404");
        }
        assertThat(cell("GET /api/v1/submissions/{id}/review-report", "E", "szsj")).isEqualTo("200");
    }

    /** Only the audit administrator and the provincial bodies read the audit trail; never the system administrator. */
    @Test
    void theAuditLogIsTheAuditAdministratorsAndNeverTheSystemAdministrators() {
        for (String path : List.of("GET /api/v1/audit-events", "GET /api/v1/audit-events/verification")) {
            assertThat(cell(path, "-", "auditadmin")).as(path).isEqualTo("200");
            for (String user : List.of("admin", "secadmin", "rst", "wjw", "expert1")) {
                assertThat(cell(path, "-", user)).as(path + " " + user).isEqualTo("403");
            }
        }
    }

    /** Users and organisations are the system administrator's; lockouts, password policy and field keys the security administrator's. */
    @Test
    void theThreeAdministratorsEachKeepTheirOwnDuties() {
        assertThat(rows(r -> r.get("path").startsWith("/api/v1/security/") && !"-".equals(r.get("scope"))))
                .isEmpty();
        assertThat(rows(r -> r.get("path").startsWith("/api/v1/security/")
                && (!"200".equals(r.get("secadmin")) || granted(r, Set.of("secadmin")))))
                .as("the security administrator's endpoints").isEmpty();
        assertThat(rows(r -> r.get("path").matches("/(api/v1|admin)/users/\\{username}/unlock")
                && (!"200".equals(r.get("secadmin")) || granted(r, Set.of("secadmin")))))
                .as("unlocking accounts").isEmpty();
        assertThat(rows(r -> !"GET".equals(r.get("method"))
                && r.get("path").matches("/(api/v1/(users|organizations)|admin/(users|organizations)).*")
                && !r.get("path").endsWith("/unlock")
                && (!"200".equals(r.get("admin")) || granted(r, Set.of("admin")))))
                .as("user and organisation changes").isEmpty();
    }

    /**
     * The Audit Office reads and changes nothing (Art. 5), except what is its own duty or changes no record: its
     * audit findings, violation records and sanctions in its duty area (SupervisionDutyPolicy,
     * ViolationRecordPolicy, SanctionPolicy), the fixity check of the document store, checking an archive
     * package's signature, and its own password, API tokens and notifications.
     */
    @Test
    void theAuditOfficeWritesOnlyWhatItsDutyOrItsOwnAccountAsks() {
        Set<String> allowed = Set.of("/account/password", "/api/v1/account/password", "/api/v1/tokens",
                "/api/v1/me/notifications/read",
                "/api/v1/me/notifications/preference", "/notifications/preference", "/notifications/read",
                "/api/v1/documents/fixity-checks", "/api/v1/archive-packages/verification consumes=multipart/form-data",
                "/projects/{id}/archive-package/verification", "/api/v1/projects/{id}/findings", "/projects/{id}/findings",
                "/api/v1/projects/{id}/violations", "/projects/{id}/violations", "/api/v1/projects/{id}/sanctions",
                "/projects/{id}/sanctions");
        assertThat(rows(r -> !"GET".equals(r.get("method")) && "200".equals(r.get("sjt"))
                && !allowed.contains(r.get("path")))).isEmpty();
    }

    /** The Leading Group and the Finance, Archives and supervising bodies never act as the construction unit. */
    @Test
    void onlyTheConstructionUnitReportsOnItsConstruction() {
        for (String path : List.of("POST /api/v1/projects/{id}/progress-reports", "POST /api/v1/projects/{id}/contracts",
                "POST /api/v1/projects/{id}/milestones", "POST /api/v1/projects/{id}/submissions",
                "POST /api/v1/projects/{id}/initial-acceptance")) {
            assertThat(cell(path, "A", "rst")).as(path).isEqualTo("200");
            assertThat(cell(path, "B", "wjw")).as(path).isEqualTo("200");
            for (String user : List.of("ldxz", "czt", "daj", "sjt", "mmj", "wxb", "szsj", "fgw", "admin", "expert1")) {
                assertThat(cell(path, "A", user)).as(path + " " + user).isIn("403", "404");
                assertThat(cell(path, "B", user)).as(path + " " + user).isIn("403", "404");
            }
        }
    }

    private static boolean granted(Map<String, String> row, Set<String> only) {
        return AccessMatrixTests.USERS.stream().anyMatch(u -> !only.contains(u) && "200".equals(row.get(u)));
    }

    private static Predicate<Map<String, String>> scope(String scope) {
        return r -> scope.equals(r.get("scope"));
    }

    private static String cell(String methodAndPath, String scope, String user) {
        String key = methodAndPath.replaceFirst(" ", "\t") + "\t" + scope;
        assertThat(table).as("a row for " + methodAndPath + " " + scope).containsKey(key);
        return table.get(key).get(user);
    }

    /** "METHOD path scope" of every row that matches; the row has the extra cells method, path and scope. */
    private static List<String> rows(Predicate<Map<String, String>> test) {
        List<String> matching = new ArrayList<>();
        table.forEach((key, row) -> {
            String[] parts = key.split("\t");
            Map<String, String> cells = new java.util.HashMap<>(row);
            cells.put("method", parts[0]);
            cells.put("path", parts[1]);
            cells.put("scope", parts[2]);
            if (test.test(cells)) {
                matching.add(String.join(" ", parts));
            }
        });
        return matching;
    }
}
