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
    void aMappingMayMatchOnlyPathsThatBeginWithOneOfItsPrefixes() {
        assertThat(PathIndexedHandlerMapping.mayMatch(new String[] {"/api/v1/projects"}, "/api/v1/projects/1")).isTrue();
        assertThat(PathIndexedHandlerMapping.mayMatch(new String[] {"/api/v1/projects", "/projects"}, "/projects/1")).isTrue();
        assertThat(PathIndexedHandlerMapping.mayMatch(new String[] {"/api/v1/projects"}, "/api/v1/obligations")).isFalse();
        assertThat(PathIndexedHandlerMapping.mayMatch(new String[] {"/api/v1/projects"}, "/api/v1/project")).isFalse();
        assertThat(PathIndexedHandlerMapping.mayMatch(new String[] {""}, "/anything")).isTrue();
        assertThat(PathIndexedHandlerMapping.mayMatch(new String[0], "/anything")).isTrue();
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

    /** A path the pattern matches: variables and wildcards filled in; also the pattern's parent path. */
    private static List<String> concrete(String pattern) {
        String filled = pattern.replaceAll("\\{\\*[^}]*}", "x/y").replaceAll("\\{[^}]*}", "1").replace("**", "a/b")
                .replace("*", "a").replace("?", "q");
        int last = filled.lastIndexOf('/');
        return last > 0 ? List.of(filled, filled.substring(0, last)) : List.of(filled);
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
