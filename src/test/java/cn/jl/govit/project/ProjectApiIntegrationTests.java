package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/** The project registry through the REST API: creation, derived facts, lists, scope, roles, rules, versions. */
@GovItTest
class ProjectApiIntegrationTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aDepartmentProposesADraftWithDerivedAuthorityAndPath() {
        String name = Api.unique("社保卡服务平台");
        Response created = api.as("rst").post("projects", Api.proposal(name));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("$.id");
        assertThat(created.headers().getLocation()).hasToString("/api/v1/projects/" + id);
        assertThat(created.headers().getETag()).isEqualTo("\"0\"");
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertThat(created.text("$.code")).matches("JLZW-" + year + "-\\d{4}");
        assertThat(created.text("$.status")).isEqualTo("DRAFT");
        assertThat((Integer) created.json("$.version")).isZero();
        assertThat(created.text("$.name")).isEqualTo(name);
        assertThat(created.text("$.leadOrganizationCode")).isEqualTo("RST");
        assertThat(created.text("$.approvalAuthority")).isEqualTo("DIGITAL_BUREAU");
        assertThat(created.text("$.approvalPath.type")).isEqualTo("IN_PLAN");
        assertThat(created.<List<String>>json("$.approvalPath.stages")).containsExactly("FEASIBILITY_STUDY", "PRELIMINARY_DESIGN");
        assertThat(created.<List<String>>json("$.approvalPath.reasons[*].rule")).containsExactly("ART-9-1");
        assertThat(created.text("$.approvalPath.reasons[0].article")).isEqualTo("第九条");
        assertThat(created.text("$.approvalPath.reasons[0].message")).contains("第九条");
        assertThat((Object) created.json("$.constructionMode")).isNull();
        assertThat((Object) created.json("$.approvedEstimate")).isNull();

        Response read = api.as("rst").get("projects/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("$.code")).isEqualTo(created.text("$.code"));
        assertThat(read.headers().getETag()).isEqualTo("\"0\"");
    }

    @Test
    void centralBudgetFundsMakeTheDevelopmentAndReformCommissionTheAuthority() {
        Map<String, Object> body = Api.proposal(Api.unique("就业监测"));
        body.put("estimatedInvestment", 6800000);
        body.put("fundingSources", List.of(Map.of("source", "CENTRAL_BUDGET", "amount", 4000000),
                Map.of("source", "PROVINCIAL_FISCAL", "amount", 2800000)));
        body.put("inProvincialPlan", false);

        Response created = api.as("rst").post("projects", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("$.approvalAuthority")).isEqualTo("DEVELOPMENT_REFORM");
        assertThat(created.text("$.approvalAuthorityReason.rule")).isEqualTo("ART-5");
        assertThat(created.text("$.approvalPath.type")).isEqualTo("STANDARD");
        assertThat(created.<List<String>>json("$.approvalPath.stages"))
                .containsExactly("PROPOSAL", "FEASIBILITY_STUDY", "PRELIMINARY_DESIGN");
    }

    @Test
    void anEmergencyThatIsAlsoSimpleTakesTheFeasibilityStudyOnlyAndSaysWhy() {
        Map<String, Object> body = Api.proposal(Api.unique("应急设备"));
        body.put("emergency", "PUBLIC_HEALTH");
        body.put("simpleOrEquipmentOnly", true);

        Response created = api.as("wjw").post("projects", body);

        assertThat(created.text("$.approvalPath.type")).isEqualTo("SIMPLE");
        assertThat(created.<List<String>>json("$.approvalPath.reasons[*].rule"))
                .containsExactly("ART-9-3", "ART-9-2", "ART-9-1", "ART-9");
    }

    @Test
    void listsPageAndReduceALargeSizeTo200() {
        propose("rst", Api.unique("分页"));

        Response page = api.as("rst").get("projects?page=0&size=500");

        assertThat(page.status()).isEqualTo(200);
        assertThat((Integer) page.json("$.size")).isEqualTo(200);
        assertThat((Integer) page.json("$.page")).isZero();
        assertThat(((Number) page.json("$.totalElements")).longValue()).isPositive();

        Response small = api.as("rst").get("projects?page=1&size=1");
        assertThat((Integer) small.json("$.size")).isEqualTo(1);
        assertThat((Integer) small.json("$.page")).isEqualTo(1);
        assertThat(small.<List<Object>>json("$.content")).hasSizeLessThanOrEqualTo(1);

        Response defaults = api.as("rst").get("projects");
        assertThat((Integer) defaults.json("$.size")).isEqualTo(20);
        assertThat(defaults.<List<Object>>json("$.content")).hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void listsFilterByStatus() {
        String name = Api.unique("状态筛选");
        propose("rst", name);

        Response drafts = api.as("rst").get("projects?status=DRAFT&size=200");
        assertThat(drafts.<List<String>>json("$.content[*].status")).isNotEmpty().containsOnly("DRAFT");
        assertThat(drafts.<List<String>>json("$.content[*].name")).contains(name);

        Response approved = api.as("rst").get("projects?status=APPROVED&size=200");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.<List<String>>json("$.content[*].name")).doesNotContain(name);
    }

    @Test
    void listsSearchByNameAndByCode() {
        String token = Api.unique("检索");
        String id = propose("rst", "人社" + token + "系统");
        String code = api.as("rst").get("projects/" + id).text("$.code");

        Response byName = api.as("rst").get("projects?q=" + token);
        assertThat(((Number) byName.json("$.totalElements")).longValue()).isEqualTo(1);
        assertThat(byName.text("$.content[0].id")).isEqualTo(id);

        Response byCode = api.as("rst").get("projects?q=" + code);
        assertThat(byCode.<List<String>>json("$.content[*].id")).containsExactly(id);

        Response byLowerCaseCode = api.as("rst").get("projects?q=" + code.toLowerCase());
        assertThat(byLowerCaseCode.<List<String>>json("$.content[*].id")).containsExactly(id);

        Response wildcard = api.as("rst").get("projects?q=%25");
        assertThat(wildcard.status()).isEqualTo(200);
        assertThat(((Number) wildcard.json("$.totalElements")).longValue()).isZero();
    }

    @Test
    void aParticipatingDepartmentReadsTheProjectButCannotActOnIt() {
        Map<String, Object> body = Api.proposal(Api.unique("共建"));
        body.put("participatingOrganizationCodes", List.of("WJW"));
        String id = created(api.as("rst").post("projects", body));

        assertThat(api.as("wjw").get("projects/" + id).status()).isEqualTo(200);
        assertThat(api.as("wjw").get("projects?size=200").<List<String>>json("$.content[*].id")).contains(id);
        assertThat(api.as("wjw").post("projects/" + id + "/construction-mode", Map.of("mode", "UNIFIED")).status())
                .isEqualTo(403);
        assertThat(api.as("wjw").post("projects/" + id + "/approval-path/legal-simplification",
                Map.of("stages", List.of("PRELIMINARY_DESIGN"), "legalBasis", "《条例》")).status()).isEqualTo(403);
    }

    @Test
    void aProjectOutsideTheCallersScopeReadsAsNotFound() {
        String id = propose("rst", Api.unique("范围"));

        assertThat(api.as("jyt").get("projects/" + id).status()).isEqualTo(404);
        assertThat(api.as("jyt").get("projects?size=200").<List<String>>json("$.content[*].id")).doesNotContain(id);
        assertThat(api.as("expert1").get("projects/" + id).status()).isEqualTo(404);
        assertThat(api.as("admin").get("projects/" + id).status()).isEqualTo(404);

        Response expertList = api.as("expert1").get("projects");
        assertThat(expertList.status()).isEqualTo(200);
        assertThat(expertList.<List<Object>>json("$.content")).isEmpty();
        assertThat(((Number) expertList.json("$.totalElements")).longValue()).isZero();
        assertThat(((Number) api.as("admin").get("projects").json("$.totalElements")).longValue()).isZero();
    }

    @Test
    void theProvincialBodiesReadEveryProject() {
        String id = propose("jyt", Api.unique("省级查看"));

        for (String user : List.of("szsj", "fgw", "czt", "sjt", "daj", "mmj", "wxb", "ldxz")) {
            assertThat(api.as(user).get("projects/" + id).status()).as(user).isEqualTo(200);
        }
    }

    @Test
    void onlyDepartmentStaffPropose() {
        for (String user : List.of("szsj", "fgw", "sjt", "admin", "expert5")) {
            Response refused = api.as(user).post("projects", Api.proposal(Api.unique("越权")));
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void onlyTheDigitalBureauDecidesTheConstructionModeButScopeIsCheckedFirst() {
        String own = propose("rst", Api.unique("建设方式"));
        String others = propose("jyt", Api.unique("他厅项目"));
        Map<String, Object> unified = Map.of("mode", "UNIFIED");

        assertThat(api.as("rst").post("projects/" + own + "/construction-mode", unified).status()).isEqualTo(403);
        assertThat(api.as("rst").post("projects/" + others + "/construction-mode", unified).status()).isEqualTo(404);
        assertThat(api.as("fgw").post("projects/" + own + "/construction-mode", unified).status()).isEqualTo(403);
        assertThat(api.as("rst").post("projects/" + java.util.UUID.randomUUID() + "/construction-mode", unified).status())
                .isEqualTo(404);
    }

    @Test
    void theDigitalBureauDecidesUnifiedConstruction() {
        String id = propose("rst", Api.unique("统一建设"));

        Response decided = api.as("szsj").post("projects/" + id + "/construction-mode", Map.of("mode", "UNIFIED"));

        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.text("$.constructionMode")).isEqualTo("UNIFIED");
        assertThat(decided.text("$.constructionModeDecision.decidedBy")).isEqualTo("szsj");
        assertThat((Integer) decided.json("$.version")).isEqualTo(1);
        assertThat(decided.headers().getETag()).isEqualTo("\"1\"");
        assertThat(api.as("rst").get("projects/" + id).text("$.constructionMode")).isEqualTo("UNIFIED");
    }

    @Test
    void selfConstructionOnTheClassifiedGroundNeedsAClassifiedProject() {
        String id = propose("rst", Api.unique("自建"));

        Response refused = api.as("szsj").post("projects/" + id + "/construction-mode",
                Map.of("mode", "SELF_BUILT", "exception", "CLASSIFIED", "justification", "涉及国家秘密"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.text("$.violations[0].rule")).isEqualTo("ART-8");
        assertThat(refused.text("$.violations[0].article")).isEqualTo("第八条");
        assertThat(refused.text("$.violations[0].item")).isEqualTo("exception");
        assertThat(refused.text("$.violations[0].message")).contains("第八条");
        assertThat(refused.<List<Object>>json("$.violations")).hasSize(1);
        assertThat((Integer) api.as("rst").get("projects/" + id).json("$.version")).isZero();

        Map<String, Object> classified = Api.proposal(Api.unique("涉密"));
        classified.put("classified", true);
        String secret = created(api.as("rst").post("projects", classified));
        Response allowed = api.as("szsj").post("projects/" + secret + "/construction-mode",
                Map.of("mode", "SELF_BUILT", "exception", "CLASSIFIED", "justification", "涉及国家秘密"));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.text("$.constructionModeDecision.exception")).isEqualTo("CLASSIFIED");
    }

    @Test
    void theProjectsOwnAuthoritySimplifiesItsPathOnALegalBasis() {
        Map<String, Object> body = Api.proposal(Api.unique("法定简化"));
        body.put("inProvincialPlan", false);
        body.put("fundingSources", List.of(Map.of("source", "CENTRAL_BUDGET", "amount", 12000000)));
        String id = created(api.as("rst").post("projects", body));
        Map<String, Object> simplification = Map.of("stages", List.of("PRELIMINARY_DESIGN", "FEASIBILITY_STUDY"),
                "legalBasis", "《政府投资条例》第十三条");

        assertThat(api.as("szsj").post("projects/" + id + "/approval-path/legal-simplification", simplification).status())
                .isEqualTo(403);
        assertThat(api.as("rst").post("projects/" + id + "/approval-path/legal-simplification", simplification).status())
                .isEqualTo(403);

        Response notShorter = api.as("fgw").post("projects/" + id + "/approval-path/legal-simplification",
                Map.of("stages", List.of("PROPOSAL", "FEASIBILITY_STUDY", "PRELIMINARY_DESIGN"), "legalBasis", "《条例》"));
        assertThat(notShorter.status()).isEqualTo(422);
        assertThat(notShorter.text("$.violations[0].rule")).isEqualTo("ART-9-4");
        Response notShorterInEnglish = api.as("fgw").english().post("projects/" + id + "/approval-path/legal-simplification",
                Map.of("stages", List.of("PROPOSAL", "FEASIBILITY_STUDY", "PRELIMINARY_DESIGN"), "legalBasis", "《条例》"));
        assertThat(notShorterInEnglish.text("$.violations[0].message")).contains("fewer than the 3 stages derived from the project's facts");

        Response simplified = api.as("fgw").post("projects/" + id + "/approval-path/legal-simplification", simplification);
        assertThat(simplified.status()).as(simplified.toString()).isEqualTo(200);
        assertThat(simplified.text("$.approvalPath.type")).isEqualTo("LEGAL_SIMPLIFICATION");
        assertThat(simplified.<List<String>>json("$.approvalPath.stages")).containsExactly("FEASIBILITY_STUDY", "PRELIMINARY_DESIGN");
        assertThat(simplified.text("$.approvalPath.legalBasis")).isEqualTo("《政府投资条例》第十三条");
        assertThat(simplified.<List<String>>json("$.approvalPath.reasons[*].rule")).endsWith("ART-9-4");

        String digitalBureausProject = propose("rst", Api.unique("数字局审批"));
        Response notInPath = api.as("szsj").post("projects/" + digitalBureausProject + "/approval-path/legal-simplification",
                Map.of("stages", List.of("PROPOSAL"), "legalBasis", "《条例》"));
        assertThat(notInPath.status()).isEqualTo(422);
        assertThat(notInPath.text("$.violations[0].message")).contains("项目建议书").contains("第九条");

        assertThat(api.as("fgw").post("projects/" + digitalBureausProject + "/approval-path/legal-simplification",
                Map.of("stages", List.of("FEASIBILITY_STUDY"), "legalBasis", "《条例》")).status()).isEqualTo(403);
        assertThat(api.as("szsj").post("projects/" + digitalBureausProject + "/approval-path/legal-simplification",
                Map.of("stages", List.of("FEASIBILITY_STUDY"), "legalBasis", "《条例》")).status()).isEqualTo(200);
    }

    @Test
    void aWriteWithAStaleVersionIsAConflict() {
        String id = propose("rst", Api.unique("并发"));

        Response first = api.as("szsj").header("If-Match", "\"0\"")
                .post("projects/" + id + "/construction-mode", Map.of("mode", "UNIFIED"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);

        Response stale = api.as("szsj").header("If-Match", "\"0\"")
                .post("projects/" + id + "/construction-mode", Map.of("mode", "UNIFIED"));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stale.text("$.type")).endsWith("/problems/conflict");

        Response staleBody = api.as("szsj").post("projects/" + id + "/construction-mode",
                Map.of("mode", "UNIFIED", "version", 0));
        assertThat(staleBody.status()).isEqualTo(409);

        Response current = api.as("szsj").header("If-Match", "\"1\"")
                .post("projects/" + id + "/construction-mode", Map.of("mode", "UNIFIED"));
        assertThat(current.status()).isEqualTo(200);
        assertThat((Integer) current.json("$.version")).isEqualTo(2);
    }

    @Test
    void parallelProposalsGetDistinctConsecutiveCodes() throws Exception {
        int n = 20;
        String prefix = Api.unique("并行");
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = prefix + "-" + i;
                futures.add(pool.submit((Callable<Response>) () -> api.as("rst").post("projects", Api.proposal(name))));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Response> future : futures) {
                Response response = future.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                String code = response.text("$.code");
                numbers.add(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)));
            }
            numbers.sort(null);
            assertThat(numbers).doesNotHaveDuplicates().hasSize(n);
            assertThat(numbers.get(n - 1) - numbers.get(0)).isEqualTo(n - 1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private String propose(String user, String name) {
        return created(api.as(user).post("projects", Api.proposal(name)));
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("$.id");
    }
}
