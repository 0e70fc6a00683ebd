package cn.jl.govit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.jl.govit.approval.ApprovedProjects;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.Api.Response;
import cn.jl.govit.support.GovItTest;

/**
 * Issue 7 point 1, the access matrix: every handler mapping of the application (pages and {@code /api/v1}, every
 * HTTP method, read from Spring's {@link RequestMappingHandlerMapping} so that a new endpoint without a row in
 * {@code src/test/resources/security/access-matrix.tsv} fails the build) is called as every demo user, inside and
 * outside the user's scope, and the answer, normalised to 200/401/403/404, must be the one in the table.
 * <p>
 * Scopes: {@code A} is a project of the RST (approval authority the Digital Bureau, {@code szsj}), {@code B} one
 * of the WJW (a central-budget line makes the DRC, {@code fgw}, its authority); both under construction, each
 * with its submission, decision and one document, built here through the API. A row whose path addresses no such
 * record has scope {@code -}. Path variables that name records this test does not build take an id of no record
 * ({@value #ABSENT}), so an authorised caller gets 404 there; the {@code ids} column says which is which.
 * <p>
 * Nothing changes: every request runs inside a transaction that is rolled back, and writes carry an empty body
 * ({@code {}}, an empty form, a one-byte file). A write that passed authorisation therefore answers 2xx or
 * 400/409/413/415/422 — all recorded as {@code 200}, "allowed"; 401 (or the pages' redirect to the login form),
 * 403 and 404 are recorded as they are. Any 5xx fails the test.
 * <p>
 * Run with {@code -Dgovit.accessMatrix.write=true} to (re)write the table from what is observed; then read the
 * diff before committing it. {@link AccessMatrixRulesTests} checks the table against the rules of the measures.
 */
@GovItTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

    static final Path TABLE = Path.of("src/test/resources/security/access-matrix.tsv");

    /** One user per role (two approvers for the two authorities, two supervisors, both departments). */
    static final List<String> USERS = List.of("anonymous", "admin", "secadmin", "auditadmin", "szsj", "fgw", "rst",
            "wjw", "expert1", "daj", "czt", "sjt", "mmj", "wxb", "ldxz");

    static final String ABSENT = "00000000-0000-4000-8000-00000000a11c";

    /**
     * Framework mappings left out, each with its reason. Spring's static resources and the actuator are served by
     * other handler mappings and are not enumerated here (the actuator has {@code ActuatorExposureTests}).
     */
    static final Map<String, String> EXCLUDED = Map.of(
            "org.springdoc.webmvc.api.OpenApiWebMvcResource", "springdoc's API description, public by design",
            "org.springdoc.webmvc.ui.SwaggerConfigResource", "springdoc's Swagger UI configuration, public by design",
            "org.springdoc.webmvc.ui.SwaggerWelcomeWebMvc", "springdoc's redirect to the Swagger UI, public by design",
            "cn.jl.govit.rulebook.web.ErrorPages", "the servlet container's error dispatch (/error), reached only "
                    + "by forward; its headers are covered by SecurityHeadersTests");

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> SCOPED = Set.of("project", "submission", "decision", "document", "review");
    /** The fixture scopes; scoped mappings are called once for each. */
    static final List<String> SCOPES = List.of("A", "B", "E");

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService users;
    @Autowired
    RequestMappingHandlerMapping requestMappingHandlerMapping;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    private MockMvc mvc;
    private final Map<String, UserDetails> principals = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> fixtures = new LinkedHashMap<>();

    @BeforeAll
    void fixtures() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        Api api = new Api(port);
        String a = ApprovedProjects.underConstruction(api, "rst", 2_000_000, 12);
        Map<String, Object> central = ApprovedProjects.simpleProposal(Api.unique("访问矩阵中央预算项目"), 3_000_000, 12);
        central.put("fundingSources", List.of(Map.of("source", "CENTRAL_BUDGET", "amount", 3_000_000)));
        String b = ApprovedProjects.approved(api, "wjw", central, 3_000_000, 12);
        ApprovedProjects.startConstruction(api, "wjw", b, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        fixtures.put("A", records(api, "rst", a));
        fixtures.put("B", records(api, "wjw", b));
        fixtures.put("E", underReview(api));
    }

    /**
     * Scope {@code E}: an RST project whose filed feasibility-study submission is under review by a panel the
     * authority ({@code szsj}) named with {@code expert1} alone (experts belong to no department, so no conflict):
     * the only scope in which an expert is inside, through its own review. No decision yet.
     */
    private static Map<String, String> underReview(Api api) {
        Response created = api.as("rst").post("projects",
                ApprovedProjects.simpleProposal(Api.unique("访问矩阵专家评审项目"), 1_000_000, 12));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String project = created.text("$.id");
        assertThat(api.as("szsj").post("projects/" + project + "/construction-mode", Map.of("mode", "UNIFIED"))
                .status()).isEqualTo(200);
        Response prepared = api.as("rst").post("projects/" + project + "/submissions",
completeSubmission());
        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(201);
        String submission = prepared.text("$.id");
        Response filed = api.as("rst").post("submissions/" + submission + "/submit", Map.of());
        assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
        Response panel = api.as("szsj").post("submissions/" + submission + "/review-panel",
                Map.of("expertUsernames", List.of("expert1")));
        assertThat(panel.status()).as(panel.toString()).isEqualTo(201);
        assertThat(panel.<List<String>>json("$.reviews[*].expertUsername")).containsExactly("expert1");
        Map<String, String> records = new LinkedHashMap<>();
        records.put("project", project);
        records.put("submission", submission);
        records.put("document", upload(api, "rst", project));
        records.put("review", panel.<List<String>>json("$.reviews[*].id").get(0));
        return records;
    }

    /** The project and the records under it that paths address, as its department sees them. */
    private static Map<String, String> records(Api api, String department, String project) {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("project", project);
        records.put("submission", firstId(api.as(department).get("projects/" + project + "/submissions")));
        records.put("decision", firstId(api.as(department).get("projects/" + project + "/decisions")));
        records.put("document", upload(api, department, project));
        return records;
    }

    /**
     * A complete feasibility-study submission body: the approval tests' own ({@code SubmissionApiIntegrationTests.body}),
     * package-private there, called by reflection rather than copied so that it follows the outline when it changes.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> completeSubmission() {
        try {
            java.lang.reflect.Method body = Class.forName("cn.jl.govit.approval.SubmissionApiIntegrationTests")
                    .getDeclaredMethod("body", cn.jl.govit.project.Stage.class, String.class);
            body.setAccessible(true);
            return (Map<String, Object>) body.invoke(null, cn.jl.govit.project.Stage.FEASIBILITY_STUDY, null);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String upload(Api api, String department, String project) {
        Response uploaded = api.as(department).send(HttpMethod.POST, "projects/" + project + "/documents",
                "multipart/form-data; boundary=" + BOUNDARY, textFile("access-matrix.txt", "access matrix fixture"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.text("$.id");
    }

    private static String firstId(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = list.body().trim().startsWith("[") ? list.json("$[*].id") : list.json("$.content[*].id");
        assertThat(ids).as(list.toString()).isNotEmpty();
        return ids.get(0);
    }

    @Test
    void everyMappingAnswersEveryRoleAsTheTableSays() throws Exception {
        List<Endpoint> endpoints = endpoints();
        // the application has hundreds of mappings; a tiny list would mean the enumeration broke
        assertThat(endpoints).hasSizeGreaterThan(300);
        Map<String, Map<String, String>> observed = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<String, String> ids = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> millis = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        long started = System.nanoTime();
        // the mappings that address no fixture first, alone (some, like the obligation scan, touch every project);
        // then the three projects side by side: their records are disjoint, so the threads never wait on each
        // other's rows (only on the audit chain's lock, which no request holds while it waits for another lock)
        java.util.function.BiConsumer<List<Endpoint>, String> observe = (list, scope) -> {
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            for (Endpoint endpoint : list) {
                long t0 = System.nanoTime();
                Map<String, String> row = new LinkedHashMap<>();
                for (String username : USERS) {
                    row.put(username, call(endpoint, scope, username, serverErrors));
                }
                String key = endpoint.key() + "\t" + scope;
                if (observed.putIfAbsent(key, row) != null) {
                    duplicates.add(key);
                }
                ids.put(key, endpoint.ids(fixtures.getOrDefault(scope, Map.of())));
                millis.merge(endpoint.key(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
            }
            cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStarted);
        };
        observe.accept(endpoints.stream().filter(e -> !e.scoped()).toList(), "-");
        List<Endpoint> scoped = endpoints.stream().filter(Endpoint::scoped).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(SCOPES.size());
        try {
            List<java.util.concurrent.Future<?>> scopes = SCOPES.stream()
                    .<java.util.concurrent.Future<?>>map(scope -> pool.submit(() -> observe.accept(scoped, scope)))
                    .toList();
            for (java.util.concurrent.Future<?> scope : scopes) {
                scope.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).as("two mappings with the same method, pattern and consumes").isEmpty();
        // figures for docs/security.md: how many checks, how long (no assertion on time)
        System.out.printf("access matrix: %d mappings, %d rows, %d users, %d checks in %d s (%d s CPU)%n",
                endpoints.size(), observed.size(), USERS.size(), observed.size() * USERS.size(),
                (System.nanoTime() - started) / 1_000_000_000, cpu.get() / 1_000_000_000);
        millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.println("access matrix slowest: " + e.getValue() + " ms " + e.getKey()));
        if (Boolean.getBoolean("govit.accessMatrix.write")) {
            write(observed, ids);
        }
        assertThat(serverErrors).as("5xx answers (a bug in the module that answered)").isEmpty();

        Map<String, Map<String, String>> expected = AccessMatrixTable.read(TABLE);
        List<String> problems = new ArrayList<>();
        for (var entry : observed.entrySet()) {
            Map<String, String> row = expected.get(entry.getKey());
            if (row == null) {
                problems.add("no row for " + entry.getKey().replace('\t', ' ') + ": add one to " + TABLE
                        + " (method, path, scope, ids, then the expected 200/401/403/404 for " + USERS
                        + "), or run with -Dgovit.accessMatrix.write=true and review the diff");
                continue;
            }
            for (String username : USERS) {
                if (!entry.getValue().get(username).equals(row.get(username))) {
                    problems.add(entry.getKey().replace('\t', ' ') + " as " + username + ": expected "
                            + row.get(username) + ", got " + entry.getValue().get(username));
                }
            }
        }
        for (String key : expected.keySet()) {
            if (!observed.containsKey(key)) {
                problems.add("row without a mapping: " + key.replace('\t', ' ') + " — remove it from " + TABLE);
            }
        }
        assertThat(problems).as("access matrix differences (%d mappings, %d rows, %d users)", endpoints.size(),
                observed.size(), USERS.size()).isEmpty();
    }

    /**
     * A list that answers 200 to everyone is filtered by scope: 200 on {@code GET /api/v1/projects} means "your
     * projects", so the matrix's 200 for an administrator or an expert there is checked to hold none of the two.
     */
    @Test
    void theProjectListAnswersEveryoneButListsOnlyTheProjectsInScope() {
        Api api = new Api(port);
        Map<String, Set<String>> outside = Map.of("admin", Set.of("A", "B", "E"), "secadmin", Set.of("A", "B", "E"),
                "auditadmin", Set.of("A", "B", "E"), "expert1", Set.of("A", "B", "E"), "rst", Set.of("B"),
                "wjw", Set.of("A", "E"));
        outside.forEach((username, scopes) -> {
            List<String> listed = api.as(username).everyItem("projects", "$.id");
            for (String scope : scopes) {
                assertThat(listed).as(username + " lists project " + scope)
                        .doesNotContain(fixtures.get(scope).get("project"));
            }
        });
        assertThat(api.as("rst").<String>everyItem("projects", "$.id")).contains(fixtures.get("A").get("project"),
                fixtures.get("E").get("project"));
        assertThat(api.as("wjw").<String>everyItem("projects", "$.id")).contains(fixtures.get("B").get("project"));
    }

    /** The normalised answer: 200 (allowed), 401, 403 or 404; a 5xx is noted in {@code serverErrors}. */
    private String call(Endpoint endpoint, String scope, String username, List<String> serverErrors) {
        AbstractMockHttpServletRequestBuilder<?> request = endpoint.request(fixtures.getOrDefault(scope, Map.of()));
        if (!"anonymous".equals(username)) {
            request.with(user(principals.computeIfAbsent(username, users::loadUserByUsername)));
        }
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        MvcResult result;
        try {
            result = rolledBack.execute(status -> {
                status.setRollbackOnly();
                try {
                    return mvc.perform(request).andReturn();
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        catch (RuntimeException e) {
            serverErrors.add(endpoint.key().replace('\t', ' ') + " " + scope + " as " + username + ": " + e);
            return "500";
        }
        int status = result.getResponse().getStatus();
        if (status >= 500) {
            serverErrors.add(endpoint.key().replace('\t', ' ') + " " + scope + " as " + username + ": " + status + " "
                    + abbreviate(result));
            return String.valueOf(status);
        }
        return normalise(status, result.getResponse().getHeader("Location"));
    }

    static String normalise(int status, String location) {
        if (status == 401 || (status / 100 == 3 && location != null && location.contains("/login"))) {
            return "401";
        }
        if (status == 403 || status == 404) {
            return String.valueOf(status);
        }
        return "200";
    }

    private static String abbreviate(MvcResult result) {
        try {
            String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            return body.length() > 300 ? body.substring(0, 300) : body;
        }
        catch (IOException e) {
            return "";
        }
    }

    private void write(Map<String, Map<String, String>> observed, Map<String, String> ids) throws IOException {
        List<String> lines = new ArrayList<>(AccessMatrixTable.HEADER);
        lines.add("method\tpath\tscope\tids\t" + String.join("\t", USERS));
        observed.forEach((key, row) -> {
            String[] parts = key.split("\t");
            lines.add(parts[0] + "\t" + parts[1] + "\t" + parts[2] + "\t" + ids.get(key) + "\t"
                    + String.join("\t", USERS.stream().map(row::get).toList()));
        });
        Files.createDirectories(TABLE.getParent());
        Files.write(TABLE, lines, StandardCharsets.UTF_8);
    }

    /** Every mapping pattern and method of the application's own controllers. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        requestMappingHandlerMapping.getHandlerMethods().forEach((info, handler) -> {
            if (EXCLUDED.containsKey(handler.getBeanType().getName())) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            assertThat(methods).as("a mapping without a method: " + info + " of " + handler).isNotEmpty();
            String consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .map(MediaType::toString).sorted().findFirst().orElse("");
            for (String pattern : info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, consumes, handler));
                }
            }
        });
        return endpoints;
    }

    /** One method and path pattern of a handler, and how this test fills in its variables and parameters. */
    record Endpoint(HttpMethod method, String pattern, String consumes, HandlerMethod handler) {

        String key() {
            return method.name() + "\t" + pattern + (consumes.isEmpty() ? "" : " consumes=" + consumes);
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        /** What each path variable is filled with: a fixture's kind, or {@code absent} (also a kind the scope lacks). */
        String ids(Map<String, String> records) {
            List<String> kinds = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                String kind = kind(m.group(1), m.start());
                kinds.add(m.group(1) + "=" + (SCOPED.contains(kind) && !records.containsKey(kind) ? "absent" : kind));
            }
            return kinds.isEmpty() ? "-" : String.join(",", kinds);
        }

        boolean scoped() {
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                if (SCOPED.contains(kind(m.group(1), m.start()))) {
                    return true;
                }
            }
            return false;
        }

        /** The kind of record a variable names, from the path segment before it. */
        private String kind(String name, int at) {
            String before = pattern.substring(0, at);
            String[] segments = before.split("/");
            String segment = segments.length == 0 ? "" : segments[segments.length - 1];
            return switch (name) {
                case "id" -> switch (segment) {
                    case "projects" -> "project";
                    case "submissions" -> "submission";
                    case "decisions" -> "decision";
                    case "documents" -> "document";
                    // an expert's review of a submission; /acceptance/reviews/{id} is an acceptance committee's
                    // assignment, which no fixture builds
                    case "reviews" -> pattern.startsWith("/acceptance/") ? "absent" : "review";
                    default -> "absent";
                };
                case "username" -> "experts".equals(segment) ? "expert2" : "jyt";
                case "code" -> "organizations".equals(segment) ? "JYT" : "absent";
                case "stage" -> "FEASIBILITY_STUDY";
                case "issuer" -> "SZSJ";
                case "number" -> "1";
                default -> "absent";
            };
        }

        AbstractMockHttpServletRequestBuilder<?> request(Map<String, String> records) {
            StringBuilder path = new StringBuilder();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                String kind = kind(m.group(1), m.start());
                // a scoped kind the scope does not hold (A and B have no review, E no decision) is an absent id
                String value = records.containsKey(kind) ? records.get(kind)
                        : "absent".equals(kind) || SCOPED.contains(kind) ? absent(m.group(1)) : kind;
                m.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            m.appendTail(path);
            List<MethodParameter> parameters = parameters();
            boolean multipart = consumes.startsWith("multipart/")
                    || parameters.stream().anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType())
                            || (p.getParameterType() == List.class && p.hasParameterAnnotation(RequestPart.class)));
            AbstractMockHttpServletRequestBuilder<?> request;
            if (multipart) {
                MockMultipartHttpServletRequestBuilder parts = MockMvcRequestBuilders.multipart(method, path.toString());
                for (MethodParameter p : parameters) {
                    if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
                        parts.file(new MockMultipartFile(name(p), "a.txt", "text/plain", new byte[] {'x'}));
                    }
                }
                request = parts;
            }
            else {
                request = MockMvcRequestBuilders.request(method, path.toString());
                boolean body = parameters.stream().anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                        || p.getParameterType().getSimpleName().equals("JsonBody"));
                if (consumes.contains("json") || (api() && body)) {
                    request.contentType(MediaType.APPLICATION_JSON).content("{}");
                }
                else if (method != HttpMethod.GET && !api()) {
                    request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
                }
            }
            for (MethodParameter p : parameters) {
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (param != null && param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())
                        && !MultipartFile.class.isAssignableFrom(p.getParameterType())
                        && !Map.class.isAssignableFrom(p.getParameterType())
                        && !java.util.Optional.class.equals(p.getParameterType())) {
                    request.param(name(p), sample(p.getParameterType()));
                }
            }
            request.header("Accept", api() ? "application/json, */*;q=0.8" : "text/html, */*;q=0.8");
            return request.with(csrf());
        }

        private List<MethodParameter> parameters() {
            List<MethodParameter> parameters = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                parameters.add(p);
            }
            return parameters;
        }

        private static String name(MethodParameter p) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null && !param.name().isEmpty()) {
                return param.name();
            }
            RequestPart part = p.getParameterAnnotation(RequestPart.class);
            if (part != null && !part.name().isEmpty()) {
                return part.name();
            }
            return p.getParameterName();
        }

        /** An id of no record, of the variable's declared type. */
        private String absent(String variable) {
            for (MethodParameter p : parameters()) {
                PathVariable annotation = p.getParameterAnnotation(PathVariable.class);
                if (annotation != null && variable.equals(annotation.name().isEmpty() ? p.getParameterName()
                        : annotation.name())) {
                    String sample = sample(p.getParameterType());
                    return "x".equals(sample) ? "absent-" + variable : sample;
                }
            }
            return ABSENT;
        }

        private static String sample(Class<?> type) {
            if (type == UUID.class) {
                return ABSENT;
            }
            if (type == LocalDate.class) {
                return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            }
            if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                return "987654321";
            }
            if (type == boolean.class || type == Boolean.class) {
                return "false";
            }
            if (type.isEnum()) {
                return type.getEnumConstants()[0].toString();
            }
            return "x";
        }
    }

    static final String BOUNDARY = "govit-access-matrix";

    private static byte[] textFile(String filename, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
