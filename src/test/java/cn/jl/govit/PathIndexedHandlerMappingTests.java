package cn.jl.govit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import cn.jl.govit.support.GovItTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path comparison in front of the handler lookup changes no answer: for a request made from every pattern of
 * every mapping the platform registers (and paths near them), the indexed lookup picks the same handler, or fails
 * with the same exception, as Spring's own lookup over the same controllers.
 */
@GovItTest
class PathIndexedHandlerMappingTests {

    private static final String NO_MATCH = "no match: ";

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theApplicationLooksHandlersUpThroughTheIndex() {
        assertThat(mapping).isInstanceOf(PathIndexedHandlerMapping.class);
    }

    @Test
    void literalPrefixEndsBeforeTheSegmentOfTheFirstVariableOrWildcard() {
        assertThat(PathIndexedHandlerMapping.literalPrefix("/api/v1/projects/{id}")).isEqualTo("/api/v1/projects");
        assertThat(PathIndexedHandlerMapping.literalPrefix("/api/v1/projects/{id}/changes/{n}")).isEqualTo("/api/v1/projects");
        // "/api/**" and "/files/{*rest}" match "/api" and "/files" themselves: the separator is not required
        assertThat(PathIndexedHandlerMapping.literalPrefix("/api/**")).isEqualTo("/api");
        assertThat(PathIndexedHandlerMapping.literalPrefix("/files/{*rest}")).isEqualTo("/files");
        assertThat(PathIndexedHandlerMapping.literalPrefix("/a/b{id}")).isEqualTo("/a");
        assertThat(PathIndexedHandlerMapping.literalPrefix("/{id}")).isEmpty();
        assertThat(PathIndexedHandlerMapping.literalPrefix("/p?")).isEmpty();
        assertThat(PathIndexedHandlerMapping.literalPrefix("/projects/export.xlsx")).isEqualTo("/projects/export.xlsx");
        assertThat(PathIndexedHandlerMapping.literalPrefix("")).isEmpty();
    }

    @Test
    void aPatternFixesItsNumberOfSegmentsUnlessItTakesAnyNumber() {
        assertThat(PathIndexedHandlerMapping.Shape.of("/api/v1/projects/{id}"))
                .isEqualTo(new PathIndexedHandlerMapping.Shape("/api/v1/projects", 4));
        assertThat(PathIndexedHandlerMapping.Shape.of("/api/v1/projects/{id}/changes/{n}").segments()).isEqualTo(6);
        assertThat(PathIndexedHandlerMapping.Shape.of("/api/**").segments()).isEqualTo(-1);
        assertThat(PathIndexedHandlerMapping.Shape.of("/files/{*rest}").segments()).isEqualTo(-1);
        assertThat(PathIndexedHandlerMapping.Shape.of("/p/{id:[0-9]+}").segments()).isEqualTo(-1);
        assertThat(PathIndexedHandlerMapping.segments("/")).isEqualTo(1);
        assertThat(PathIndexedHandlerMapping.segments("/a/b")).isEqualTo(2);
        assertThat(PathIndexedHandlerMapping.segments("/a/b/")).as("a trailing separator is not counted").isEqualTo(2);
    }

    @Test
    void aMappingMayMatchOnlyPathsWithOneOfItsPrefixesAndItsNumberOfSegments() {
        PathIndexedHandlerMapping.Shape[] detail = {PathIndexedHandlerMapping.Shape.of("/api/v1/projects/{id}")};
        assertThat(PathIndexedHandlerMapping.mayMatch(detail, path("/api/v1/projects/1"))).isTrue();
        assertThat(PathIndexedHandlerMapping.mayMatch(detail, path("/api/v1/projects/1/"))).isTrue();
        assertThat(PathIndexedHandlerMapping.mayMatch(detail, path("/api/v1/projects/1/changes"))).isFalse();
        assertThat(PathIndexedHandlerMapping.mayMatch(detail, path("/api/v1/obligations/1"))).isFalse();
        assertThat(PathIndexedHandlerMapping.mayMatch(detail, path("/api/v1/project/1"))).isFalse();
        PathIndexedHandlerMapping.Shape[] two = {PathIndexedHandlerMapping.Shape.of("/api/v1/projects/{id}"),
                PathIndexedHandlerMapping.Shape.of("/projects/{id}")};
        assertThat(PathIndexedHandlerMapping.mayMatch(two, path("/projects/1"))).isTrue();
        PathIndexedHandlerMapping.Shape[] rest = {PathIndexedHandlerMapping.Shape.of("/webjars/**")};
        assertThat(PathIndexedHandlerMapping.mayMatch(rest, path("/webjars/a/b/c.js"))).isTrue();
        assertThat(PathIndexedHandlerMapping.mayMatch(rest, path("/webjars"))).isTrue();
        assertThat(PathIndexedHandlerMapping.mayMatch(new PathIndexedHandlerMapping.Shape[0], path("/x"))).isTrue();
    }

    private static PathIndexedHandlerMapping.Path path(String value) {
        return new PathIndexedHandlerMapping.Path(value, PathIndexedHandlerMapping.segments(value));
    }

    @Test
    void everyRegisteredPatternFindsTheSameHandlerAsSpringsOwnLookup() throws Exception {
        PathIndexedHandlerMapping indexed = initialised(new PathIndexedHandlerMapping(true));
        PathIndexedHandlerMapping plain = initialised(new PathIndexedHandlerMapping(false));
        List<MockHttpServletRequest> requests = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                for (String path : concrete(pattern.getPatternString())) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        requests.add(request(method.name(), path));
                    }
                    // a method the mapping may not take: the 405 of no match must come out the same
                    requests.add(request("PATCH", path));
                    requests.add(request("DELETE", path));
                }
            }
        }
        for (String path : List.of("/", "/api", "/api/v1", "/api/v1/projects", "/api/v1/projectsX/1", "/api/v1/nope/1",
                "/projects/", "/api/v1/projects/%31", "/api/v1/%70rojects")) {
            requests.add(request("GET", path));
        }
        assertThat(requests).hasSizeGreaterThan(400);
        int handled = 0;
        for (MockHttpServletRequest request : requests) {
            Object expected = outcome(plain, request);
            assertThat(outcome(indexed, request)).as(request.getMethod() + " " + request.getRequestURI())
                    .isEqualTo(expected);
            handled += expected.toString().startsWith(NO_MATCH) ? 0 : 1;
        }
        assertThat(handled).as("requests that found a handler").isGreaterThan(300);
    }

    private PathIndexedHandlerMapping initialised(PathIndexedHandlerMapping m) {
        m.setApplicationContext(context);
        m.setEmbeddedValueResolver(new EmbeddedValueResolver(
                ((ConfigurableApplicationContext) context).getBeanFactory()));
        m.setContentNegotiationManager(mapping.getContentNegotiationManager());
        m.setPatternParser(mapping.getPatternParser());
        m.afterPropertiesSet();
        return m;
    }

    /** A path the pattern matches (variables and wildcards filled in), with a trailing separator, a segment more and less. */
    private static List<String> concrete(String pattern) {
        String filled = pattern.replaceAll("\\{\\*[^}]*}", "x/y").replaceAll("\\{[^}]*}", "1").replace("**", "a/b")
                .replace("*", "a").replace("?", "q");
        int last = filled.lastIndexOf('/');
        List<String> paths = new ArrayList<>(List.of(filled, filled + "/", filled + "/extra"));
        if (last > 0) {
            paths.add(filled.substring(0, last));
        }
        return paths;
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Accept", "*/*");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    /** The handler found, or the class of the exception of no match. */
    private static Object outcome(RequestMappingHandlerMapping m, MockHttpServletRequest request) {
        try {
            HandlerExecutionChain chain = m.getHandler(request);
            return chain == null ? NO_MATCH + "none" : chain.getHandler().toString();
        }
        catch (Exception e) {
            return NO_MATCH + e.getClass().getName();
        }
    }
}
