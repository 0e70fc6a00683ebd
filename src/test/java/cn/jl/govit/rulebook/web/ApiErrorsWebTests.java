package cn.jl.govit.rulebook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Every refusal of the REST API is an RFC 9457 {@code application/problem+json} with the contract's fields,
 * in the caller's language; bad input is never a 500.
 */
@GovItTest
class ApiErrorsWebTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    // ---- 400: malformed whatever the rules say

    @Test
    void malformedJsonIsABadRequest() {
        Response response = propose("{\"name\": \"x\", ");

        assertBadRequest(response, "body");
        assertThat(response.text("$.errors[0].message")).isEqualTo("请求体不是有效的 JSON");
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        Map<String, Object> body = Api.proposal("枚举");
        body.put("emergency", "EARTHQUAKE");

        Response response = api.as("rst").post("projects", body);

        assertBadRequest(response, "emergency");
        assertThat(response.text("$.errors[0].message")).contains("PUBLIC_HEALTH").contains("SOCIAL_SAFETY");

        body.put("emergency", null);
        body.put("categories", List.of("BUSINESS_SYSTEM", "SPACE_STATION"));
        Response category = api.as("rst").post("projects", body);
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.text("$.errors[0].field")).startsWith("categories");
        assertThat(category.text("$.errors[0].message")).contains("NETWORK_PLATFORM").contains("STANDARDS_SUPPORT");
    }

    @Test
    void aStringForANumberIsAWrongType() {
        Map<String, Object> body = Api.proposal("类型");
        body.put("estimatedInvestment", "twelve million");

        Response response = api.as("rst").post("projects", body);

        assertBadRequest(response, "estimatedInvestment");
        assertThat(response.text("$.errors[0].message")).isEqualTo("类型错误，应为数字");

        body.put("estimatedInvestment", "12000000");
        assertBadRequest(api.as("rst").post("projects", body), "estimatedInvestment");
    }

    @Test
    void aStringForABooleanIsAWrongType() {
        Map<String, Object> body = Api.proposal("类型");
        body.put("classified", "true");

        assertBadRequest(api.as("rst").post("projects", body), "classified");
    }

    @Test
    void aNumberForAStringIsAWrongType() {
        Map<String, Object> body = Api.proposal("类型");
        body.put("name", 12345);

        Response response = api.as("rst").post("projects", body);

        assertBadRequest(response, "name");
        assertThat(response.text("$.errors[0].message")).isEqualTo("类型错误，应为文本");
    }

    @Test
    void aNumberForABooleanIsAWrongType() {
        Map<String, Object> body = Api.proposal("类型");
        body.put("inProvincialPlan", 1);

        assertBadRequest(api.as("rst").post("projects", body), "inProvincialPlan");
    }

    @Test
    void aFractionForAWholeNumberIsAWrongType() {
        Response response = propose(json(Api.proposal("月数")).replace("\"constructionPeriodMonths\":18",
                "\"constructionPeriodMonths\":18.5"));

        assertBadRequest(response, "constructionPeriodMonths");
        assertThat(response.text("$.errors[0].message")).isEqualTo("类型错误，应为整数");
    }

    @Test
    void aNameOf201CharactersIsTooLong() {
        assertBadRequest(api.as("rst").post("projects", Api.proposal("名".repeat(201))), "name");
        assertThat(api.as("rst").post("projects", Api.proposal(Api.unique("名".repeat(191)))).status()).isEqualTo(201);
    }

    @Test
    void aSummaryOf20001CharactersIsTooLong() {
        Map<String, Object> body = Api.proposal("摘要");
        body.put("summary", "字".repeat(20001));

        assertBadRequest(api.as("rst").post("projects", body), "summary");
    }

    @Test
    void aNegativeOrZeroAmountIsRefused() {
        Map<String, Object> body = Api.proposal("金额");
        body.put("estimatedInvestment", -1);
        assertBadRequest(api.as("rst").post("projects", body), "estimatedInvestment");

        body = Api.proposal("金额");
        body.put("fundingSources", List.of(Map.of("source", "DIGITAL_JILIN_FUND", "amount", 0)));
        assertBadRequest(api.as("rst").post("projects", body), "fundingSources[0].amount");
    }

    @Test
    void anAmountWithThreeDecimalsIsRefused() {
        Response response = propose(json(Api.proposal("小数")).replace("\"estimatedInvestment\":12000000",
                "\"estimatedInvestment\":12000000.125"));

        assertBadRequest(response, "estimatedInvestment");
    }

    @Test
    void anAmountOfTenToTheThirteenIsRefused() {
        Map<String, Object> body = Api.proposal("上限");
        body.put("estimatedInvestment", 10_000_000_000_000L);
        body.put("fundingSources", List.of(Map.of("source", "DIGITAL_JILIN_FUND", "amount", 10_000_000_000_000L)));

        Response response = api.as("rst").post("projects", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<List<String>>json("$.errors[*].field"))
                .containsExactly("estimatedInvestment", "fundingSources[0].amount");
    }

    @Test
    void theLargestAmountBelowTenToTheThirteenIsAccepted() {
        Map<String, Object> body = Api.proposal(Api.unique("上限内"));
        body.put("estimatedInvestment", new java.math.BigDecimal("9999999999999.99"));
        body.put("fundingSources", List.of(Map.of("source", "DIGITAL_JILIN_FUND", "amount",
                new java.math.BigDecimal("9999999999999.99"))));

        Response response = api.as("rst").post("projects", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.text("$.estimatedInvestment")).isEqualTo("9.99999999999999E12");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        Map<String, Object> body = Api.proposal("缺项");
        body.remove("name");
        body.remove("fundingSources");

        Response response = api.as("rst").post("projects", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<List<String>>json("$.errors[*].field")).containsExactly("fundingSources", "name");
        assertThat(response.<List<String>>json("$.errors[*].message")).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    @Test
    void badPageParametersAreRefused() {
        assertBadRequest(api.as("rst").get("projects?page=abc"), "page");
        assertBadRequest(api.as("rst").get("projects?page=-1"), "page");
        assertBadRequest(api.as("rst").get("projects?size=0"), "size");
        assertBadRequest(api.as("rst").get("projects?page=99999999999"), "page");
        assertBadRequest(api.as("rst").get("projects?status=LOST"), "status");
        assertBadRequest(api.as("sjt").get("audit-events?page=-1"), "page");
    }

    @Test
    void aBadIdInThePathIsRefused() {
        Response response = api.as("rst").get("projects/not-a-uuid");

        assertBadRequest(response, "id");
        assertBadRequest(api.as("sjt").get("audit-events?projectId=42"), "projectId");
    }

    @Test
    void aMalformedIfMatchIsRefused() {
        String id = create(Api.unique("版本")).text("$.id");

        assertBadRequest(api.as("szsj").header("If-Match", "\"v1\"")
                .post("projects/" + id + "/construction-mode", Map.of("mode", "UNIFIED")), "If-Match");
        assertBadRequest(api.as("szsj").header("If-Match", "\"-1\"")
                .post("projects/" + id + "/construction-mode", Map.of("mode", "UNIFIED")), "If-Match");
    }

    @Test
    void aNulCharacterInTextIsRefused() {
        assertBadRequest(api.as("rst").post("projects", Api.proposal("社保\u0000卡")), "name");

        Map<String, Object> body = Api.proposal("摘要");
        body.put("summary", "建设\u0000内容");
        assertBadRequest(api.as("rst").post("projects", body), "summary");

        body = Api.proposal("参建");
        body.put("participatingOrganizationCodes", List.of("WJW\u0000"));
        assertBadRequest(api.as("rst").post("projects", body), "participatingOrganizationCodes[0]");

        assertBadRequest(api.as("rst").get("projects?q=%00"), "q");
        assertBadRequest(api.as("rst").get("projects?q=a%00b"), "q");
    }

    @Test
    void aBlankIdInThePathIsRefused() {
        assertBadRequest(api.as("rst").get("projects/%20"), "id");
        assertBadRequest(api.as("szsj").post("projects/%20/construction-mode", Map.of("mode", "UNIFIED")), "id");
    }

    @Test
    void aBlankProjectIdDoesNotOpenTheWholeLog() {
        assertThat(api.as("rst").get("audit-events?projectId=%20").status()).isEqualTo(403);
    }

    // ---- 401, 403, 404, 405, 406, 415, 409, 422

    @Test
    void anonymousAndWrongPasswordReadTheSame() {
        Response anonymous = api.anonymous().get("projects");
        Response wrong = api.as("rst", "Wrong@2026").get("projects");
        Response unknown = api.as("nobody", "Demo@2026").get("projects");

        assertProblem(anonymous, 401, "unauthorized");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(anonymous.body());
        assertThat(unknown.body()).isEqualTo(anonymous.body());
        assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(api.anonymous().get("/api/v1/no-such-thing").status()).isEqualTo(401);
    }

    @Test
    void aRoleThatMayNotActIsForbidden() {
        assertProblem(api.as("szsj").post("projects", Api.proposal("越权")), 403, "forbidden");
    }

    @Test
    void anUnknownRecordIsNotFound() {
        assertProblem(api.as("rst").get("projects/" + java.util.UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void anUnknownApiPathIsNotFound() {
        Response response = api.as("rst").get("/api/v1/no-such-thing");

        assertProblem(response, 404, "not-found");
        assertProblem(api.as("rst").post("/api/v2/projects", Api.proposal("x")), 404, "not-found");
    }

    @Test
    void anUnsupportedMethodIsNotAllowed() {
        assertProblem(api.as("rst").send(HttpMethod.DELETE, "projects", null, null), 405, "method-not-allowed");
        assertProblem(api.as("rst").send(HttpMethod.PUT, "projects", MediaType.APPLICATION_JSON_VALUE, "{}"), 405,
                "method-not-allowed");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        Response response = api.as("rst").send(HttpMethod.POST, "projects", MediaType.TEXT_PLAIN_VALUE, "name=x");

        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void aStaleVersionIsAConflict() {
        String id = create(Api.unique("冲突")).text("$.id");
        assertThat(api.as("szsj").post("projects/" + id + "/construction-mode", Map.of("mode", "UNIFIED")).status())
                .isEqualTo(200);

        assertProblem(api.as("szsj").header("If-Match", "\"0\"")
                .post("projects/" + id + "/construction-mode", Map.of("mode", "UNIFIED")), 409, "conflict");
    }

    @Test
    void aRuleOfTheMeasuresIsAnUnprocessableContentWithItsViolations() {
        String id = create(Api.unique("违规")).text("$.id");

        Response response = api.as("szsj").post("projects/" + id + "/construction-mode", Map.of("mode", "SELF_BUILT"));

        assertProblem(response, 422, "rule-violation");
        assertThat(response.<List<Map<String, Object>>>json("$.violations"))
                .allSatisfy(v -> assertThat(v).containsOnlyKeys("rule", "article", "item", "message"));
        assertThat(response.<List<String>>json("$.violations[*].rule")).containsExactly("ART-8", "ART-8");
        assertThat(response.<List<String>>json("$.violations[*].item")).containsExactly("exception", "justification");
        assertThat(response.<List<String>>json("$.violations[*].article")).containsOnly("第八条");
        assertThat(response.<List<String>>json("$.violations[*].message"))
                .allSatisfy(m -> assertThat(m).contains("第八条"));
        assertThat(response.text("$.detail")).contains("第八条");
    }

    // ---- the contract's order: 401 → 404 scope → 403 role → 400 input

    @Test
    void aRoleThatMayNotActIsRefusedBeforeItsBodyIsRead() {
        assertProblem(api.as("szsj").send(HttpMethod.POST, "projects", MediaType.APPLICATION_JSON_VALUE, "{\"name\":"),
                403, "forbidden");
        assertProblem(api.as("szsj").post("projects", Map.of("emergency", "EARTHQUAKE")), 403, "forbidden");
        assertProblem(api.as("szsj").send(HttpMethod.POST, "projects", MediaType.APPLICATION_JSON_VALUE, ""), 403,
                "forbidden");
        assertProblem(api.as("rst").post("organizations", Map.of("kind", "CITY")), 403, "forbidden");
        assertProblem(api.as("rst").send(HttpMethod.POST, "users", MediaType.APPLICATION_JSON_VALUE, "[[["), 403,
                "forbidden");

        String own = create(Api.unique("顺序")).text("$.id");
        assertProblem(api.as("rst").post("projects/" + own + "/construction-mode", Map.of("mode", "HALF")), 403,
                "forbidden");
        assertBadRequest(api.as("szsj").post("projects/" + own + "/construction-mode", Map.of("mode", "HALF")), "mode");
        assertBadRequest(api.as("szsj").post("projects/" + own + "/approval-path/legal-simplification",
                Map.of("stages", "FEASIBILITY_STUDY")), "stages");
    }

    @Test
    void aRecordOutsideScopeIsNotFoundBeforeItsBodyIsRead() {
        Response others = api.as("jyt").post("projects", Api.proposal(Api.unique("他厅")));
        String id = others.text("$.id");

        assertProblem(api.as("rst").post("projects/" + id + "/construction-mode", Map.of("mode", "HALF")), 404,
                "not-found");
        assertProblem(api.as("rst").send(HttpMethod.POST, "projects/" + id + "/approval-path/legal-simplification",
                MediaType.APPLICATION_JSON_VALUE, "{"), 404, "not-found");
        assertProblem(api.as("szsj").post("projects/" + java.util.UUID.randomUUID() + "/construction-mode",
                Map.of("mode", "HALF")), 404, "not-found");
    }

    @Test
    void theOpenApiDocumentStillDescribesTheRequestBodies() {
        Response docs = api.as("rst").get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text("$.paths['/api/v1/projects'].post.requestBody.content['application/json'].schema['$ref']"))
                .endsWith("ProposeProject");
        assertThat(docs.text("$.paths['/api/v1/projects/{id}/construction-mode'].post.requestBody.content['application/json'].schema['$ref']"))
                .endsWith("DecideConstructionMode");
        assertThat(docs.<Map<String, Object>>json("$.components.schemas.ProposeProject.properties")).containsKeys("name",
                "categories", "fundingSources", "estimatedInvestment");
        assertThat(docs.<List<Object>>json("$.paths..parameters[?(@.name == 'body' || @.name == 'reader')]")).isEmpty();
        assertThat(docs.text("$.paths['/api/v1/users'].post.requestBody.content['application/json'].schema['$ref']"))
                .endsWith("NewUser");
    }

    // ---- languages

    @Test
    void messagesAreChineseByDefaultAndEnglishOnRequest() {
        String id = create(Api.unique("语言")).text("$.id");
        Map<String, Object> selfBuilt = Map.of("mode", "SELF_BUILT");

        Response chinese = api.as("szsj").post("projects/" + id + "/construction-mode", selfBuilt);
        Response english = api.as("szsj").english().post("projects/" + id + "/construction-mode", selfBuilt);

        assertThat(chinese.text("$.title")).isEqualTo("不符合《吉林省政务信息化项目建设管理办法》的规定");
        assertThat(chinese.text("$.violations[0].message")).contains("自行建设");
        assertThat(english.text("$.title")).matches("[\\x20-\\x7E]+");
        assertThat(english.text("$.violations[0].message")).containsPattern("(?i)self-?build|self-construction");
        assertThat(english.text("$.violations[0].article")).isEqualTo("第八条");

        assertThat(api.anonymous().english().get("projects").text("$.title")).isEqualTo("Authentication required");
        assertThat(api.anonymous().get("projects").text("$.title")).isEqualTo("需要登录");
        assertThat(api.as("rst").english().get("projects?page=-1").text("$.errors[0].message"))
                .matches("[\\x20-\\x7E]+");
        assertThat(api.as("rst").english().get("/api/v1/no-such-thing").text("$.title")).isEqualTo("Not found");
        assertThat(api.as("rst").header("Accept-Language", "fr-FR").get("/api/v1/no-such-thing").text("$.title"))
                .isEqualTo("记录不存在");
    }

    @Test
    void englishFieldMessagesNameTheAllowedValues() {
        Map<String, Object> body = Api.proposal("枚举");
        body.put("emergency", "EARTHQUAKE");

        Response response = api.as("rst").english().post("projects", body);

        assertThat(response.text("$.errors[0].message")).startsWith("Invalid value; allowed: PUBLIC_HEALTH");
    }

    // ---- never a 500

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "null", "[]", "{}", "\"text\"", "42", "true", "{\"name\":}", "{\"name\":\"x\"}}", "{} {}",
            "{\"name\":\"x\",}", "{'name':'x'}", "{\"categories\":\"BUSINESS_SYSTEM\"}", "{\"categories\":[null]}",
            "{\"categories\":[]}", "{\"categories\":{}}", "{\"emergency\":\"\"}", "{\"emergency\":1}",
            "{\"fundingSources\":[null]}", "{\"fundingSources\":[{}]}", "{\"fundingSources\":[{\"source\":\"X\"}]}",
            "{\"fundingSources\":[{\"source\":\"OTHER\",\"amount\":\"abc\"}]}", "{\"constructionPeriodMonths\":1.5}",
            "{\"constructionPeriodMonths\":99999999999}", "{\"constructionPeriodMonths\":-1}",
            "{\"estimatedInvestment\":1e400}", "{\"estimatedInvestment\":1e-400}", "{\"estimatedInvestment\":1e2147483648}",
            "{\"estimatedInvestment\":NaN}", "{\"estimatedInvestment\":Infinity}", "{\"estimatedInvestment\":[1]}",
            "{\"participatingOrganizationCodes\":[\"nope\", 1]}", "{\"participatingOrganizationCodes\":\"WJW\"}",
            "{\"inProvincialPlan\":\"yes\"}", "{\"inProvincialPlan\":null}", "{\"name\":\"\\u0000\"}",
            "{\"name\":\"\\ud800\"}", "{\"name\":\"x\",\"name\":\"y\"}", "{\"unknownField\":1}"})
    void malformedBodiesAreNeverAServerError(String body) {
        Response response = propose(body);

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(response.toString()).isTrue();
    }

    @Test
    void deeplyNestedAndInvalidUtf8BodiesAreNeverAServerError() {
        List<Response> responses = new ArrayList<>();
        responses.add(propose("[".repeat(5000) + "]".repeat(5000)));
        responses.add(propose("{\"name\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001)));
        responses.add(api.as("rst").send(HttpMethod.POST, "projects", MediaType.APPLICATION_JSON_VALUE,
                new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        responses.add(api.as("szsj").send(HttpMethod.POST, "projects/" + java.util.UUID.randomUUID() + "/construction-mode",
                MediaType.APPLICATION_JSON_VALUE, "{\"mode\":\"HALF\"}"));
        responses.add(api.as("rst").get("projects?q=" + "x".repeat(201)));
        responses.add(api.as("rst").get("projects?q=%00"));
        responses.add(api.as("rst").get("projects?size=abc"));
        responses.add(api.as("rst").get("projects/%20"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isBetween(400, 499));
    }

    @Test
    void mismatchedFundingIsAFieldError() {
        Map<String, Object> body = Api.proposal("合计");
        body.put("fundingSources", List.of(Map.of("source", "DIGITAL_JILIN_FUND", "amount", 1),
                Map.of("source", "DIGITAL_JILIN_FUND", "amount", 2)));
        body.put("participatingOrganizationCodes", List.of("RST", "SZSJ", "NOPE"));

        Response response = api.as("rst").post("projects", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<List<String>>json("$.errors[*].field")).contains("fundingSources",
                "fundingSources[1].source", "participatingOrganizationCodes[0]", "participatingOrganizationCodes[1]",
                "participatingOrganizationCodes[2]");
    }

    private Response propose(String rawJson) {
        return api.as("rst").send(HttpMethod.POST, "projects", MediaType.APPLICATION_JSON_VALUE, rawJson);
    }

    private Response create(String name) {
        Response created = api.as("rst").post("projects", Api.proposal(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private static String json(Object body) {
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(body);
    }

    private static void assertBadRequest(Response response, String field) {
        assertProblem(response, 400, "invalid-input");
        assertThat(response.<List<String>>json("$.errors[*].field")).as(response.body()).contains(field);
        assertThat(response.<List<String>>json("$.errors[*].message")).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(response.toString()).isTrue();
        assertThat(response.text("$.type")).endsWith("/problems/" + type);
        assertThat((Integer) response.json("$.status")).isEqualTo(status);
        assertThat(response.text("$.title")).isNotBlank();
        assertThat(response.text("$.detail")).isNotBlank();
    }
}
