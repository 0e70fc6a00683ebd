package cn.jl.govit;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, with a string comparison in front of each mapping's conditions. A request whose path
 * has a variable ({@code /api/v1/projects/{id}}) is checked against every one of the platform's ~460 mappings, and
 * each check reads the method through the security wrappers, negotiates {@code produces} and only then compares the
 * path: a quarter of the CPU of a project detail request at national scale (issue 8, JFR). A mapping none of whose
 * patterns starts with the path's leading literal text cannot match, so it is answered "no match" without its
 * conditions — the very answer the full check gives; which mapping wins, and the 404/405/406/415 of no match, are
 * Spring's own.
 */
final class PathIndexedHandlerMapping extends RequestMappingHandlerMapping {

    /** The request's lookup path while {@link #lookupHandlerMethod} runs on this thread; null: compare everything. */
    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

    /** Per registered mapping, the leading literal text of each of its patterns; an empty array: no filtering. */
    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    /** False: Spring's lookup unchanged, for the test that compares both on every mapping. */
    private final boolean indexed;

    PathIndexedHandlerMapping() {
        this(true);
    }

    PathIndexedHandlerMapping(boolean indexed) {
        this.indexed = indexed;
    }

    @Override
    protected org.springframework.web.method.HandlerMethod lookupHandlerMethod(String lookupPath,
            HttpServletRequest request) throws Exception {
        // percent-encoded or matrix-parameter paths are matched segment by segment after decoding: left to Spring
        boolean plain = indexed && getPatternParser() != null && getPatternParser().isCaseSensitive()
                && lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
        LOOKUP_PATH.set(plain ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        finally {
            LOOKUP_PATH.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        if (path != null && !mayMatch(prefixes.computeIfAbsent(info, PathIndexedHandlerMapping::prefixes), path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    static boolean mayMatch(String[] prefixes, String path) {
        if (prefixes.length == 0) {
            return true;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String[] prefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null) {
            return new String[0];
        }
        Set<PathPattern> patterns = condition.getPatterns();
        String[] result = new String[patterns.size()];
        int i = 0;
        for (PathPattern pattern : patterns) {
            result[i++] = literalPrefix(pattern.getPatternString());
        }
        return result;
    }

    /**
     * The text every path the pattern matches begins with: the pattern up to the last separator before its first
     * variable or wildcard, without that separator ({@code /api/**} matches {@code /api} too), or the whole pattern
     * when it has none.
     */
    static String literalPrefix(String pattern) {
        int wild = -1;
        for (int i = 0; i < pattern.length() && wild < 0; i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                wild = i;
            }
        }
        if (wild < 0) {
            return pattern;
        }
        int separator = pattern.lastIndexOf('/', wild);
        return separator <= 0 ? "" : pattern.substring(0, separator);
    }
}
