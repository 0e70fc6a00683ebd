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
 * patterns starts with the path's leading literal text, or has the path's number of segments where the pattern fixes
 * it, cannot match, so it is answered "no match" without its conditions — the very answer the full check gives;
 * which mapping wins, and the 404/405/406/415 of no match, are Spring's own.
 */
final class PathIndexedHandlerMapping extends RequestMappingHandlerMapping {

    /** The request's lookup path while {@link #lookupHandlerMethod} runs on this thread; null: compare everything. */
    private static final ThreadLocal<Path> LOOKUP_PATH = new ThreadLocal<>();

    /** Per registered mapping, the shape of each of its patterns; an empty array: no filtering. */
    private final Map<RequestMappingInfo, Shape[]> shapes = new ConcurrentHashMap<>();

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
        LOOKUP_PATH.set(plain ? new Path(lookupPath, segments(lookupPath)) : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        finally {
            LOOKUP_PATH.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Path path = LOOKUP_PATH.get();
        if (path != null && !mayMatch(shapes.computeIfAbsent(info, PathIndexedHandlerMapping::shapes), path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    static boolean mayMatch(Shape[] shapes, Path path) {
        if (shapes.length == 0) {
            return true;
        }
        for (Shape shape : shapes) {
            if (path.value().startsWith(shape.prefix()) && (shape.segments() < 0 || shape.segments() == path.segments())) {
                return true;
            }
        }
        return false;
    }

    private static Shape[] shapes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null) {
            return new Shape[0];
        }
        Set<PathPattern> patterns = condition.getPatterns();
        Shape[] result = new Shape[patterns.size()];
        int i = 0;
        for (PathPattern pattern : patterns) {
            result[i++] = Shape.of(pattern.getPatternString());
        }
        return result;
    }

    /**
     * The number of segments of a path, a trailing separator not counted (so that a parser that lets
     * {@code /a/b} match {@code /a/b/} is not second-guessed).
     */
    static int segments(String path) {
        int end = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        return count;
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

    /** A request's lookup path and its number of segments. */
    record Path(String value, int segments) {
    }

    /**
     * What every path a pattern matches has: its leading literal text and, unless the pattern takes any number of
     * segments ({@code **}, {@code {*rest}}) or has a regular expression (which might hold a separator), its number
     * of segments (-1: any).
     */
    record Shape(String prefix, int segments) {

        static Shape of(String pattern) {
            boolean variableLength = pattern.contains("**") || pattern.contains("{*") || pattern.contains(":")
                    || pattern.contains("\\");
            return new Shape(literalPrefix(pattern), variableLength ? -1 : PathIndexedHandlerMapping.segments(pattern));
        }
    }
}
