package cn.jl.govit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.jl.govit.support.GovItTest;

/**
 * Issue 7 point 6, CSRF: every state-changing page request (POST, PUT, PATCH, DELETE of every page controller,
 * read from the request mappings so that a new page form is covered without touching this test, plus Spring
 * Security's own login and logout) is refused with {@code 403} when its CSRF token is missing or wrong, for a
 * signed-in user. That the token is the reason is shown per mapping: anonymously, the same request with a valid
 * token is not refused with 403 (it goes on to the login redirect or the public handler), without one it is.
 * The REST API under {@code /api/**} is stateless HTTP Basic (no cookie a browser would send by itself), so
 * it has no CSRF tokens.
 */
@GovItTest
class CsrfTests {

    private static final Set<RequestMethod> STATE_CHANGING =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService users;
    @Autowired
    RequestMappingHandlerMapping requestMappingHandlerMapping;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @Test
    void everyStateChangingPageRequestNeedsItsCsrfToken() throws Exception {
        List<String> requests = pageRequests();
        // the application has dozens of page forms; an empty or tiny list would mean the enumeration broke
        assertThat(requests).hasSizeGreaterThan(40).contains("POST /login", "POST /logout");
        List<String> unprotected = new ArrayList<>();
        for (String line : requests) {
            HttpMethod method = HttpMethod.valueOf(line.substring(0, line.indexOf(' ')));
            String path = line.substring(line.indexOf(' ') + 1);
            for (String username : List.of("rst", "szsj", "admin")) {
                int missing = mvc.perform(request(method, path)
                        .with(user(users.loadUserByUsername(username)))).andReturn().getResponse().getStatus();
                int wrong = mvc.perform(request(method, path).with(csrf().useInvalidToken())
                        .with(user(users.loadUserByUsername(username)))).andReturn().getResponse().getStatus();
                if (missing != 403 || wrong != 403) {
                    unprotected.add(line + " as " + username + ": without token " + missing + ", wrong token " + wrong);
                }
            }
            int anonymousWithout = mvc.perform(request(method, path)).andReturn().getResponse().getStatus();
            MvcResult anonymousWith = mvc.perform(request(method, path).with(csrf())).andReturn();
            if (anonymousWithout != 403 || anonymousWith.getResponse().getStatus() == 403) {
                unprotected.add(line + " anonymously: without token " + anonymousWithout + ", with token "
                        + anonymousWith.getResponse().getStatus());
            }
        }
        assertThat(unprotected).as("page requests not refused for want of a CSRF token").isEmpty();
    }

    /** "METHOD /path" of every state-changing mapping of a page controller, path variables filled in. */
    private List<String> pageRequests() {
        Set<String> requests = new TreeSet<>();
        requestMappingHandlerMapping.getHandlerMethods().forEach((info, handler) -> {
            Class<?> type = handler.getBeanType();
            if (!AnnotatedElementUtils.hasAnnotation(type, Controller.class)
                    || AnnotatedElementUtils.hasAnnotation(type, RestController.class)) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? STATE_CHANGING : info.getMethodsCondition().getMethods();
            for (String pattern : patterns(info)) {
                if (pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]*}", "1");
                methods.stream().filter(STATE_CHANGING::contains).forEach(m -> requests.add(m.name() + " " + path));
            }
        });
        // Spring Security's own endpoints are no handler mappings
        requests.add("POST /login");
        requests.add("POST /logout");
        return new ArrayList<>(requests);
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }
}
