package cn.jl.govit.idempotency.internal;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import cn.jl.govit.idempotency.internal.IdempotencyKeys.Claimed;
import cn.jl.govit.idempotency.internal.IdempotencyKeys.InFlight;
import cn.jl.govit.idempotency.internal.IdempotencyKeys.Mismatch;
import cn.jl.govit.idempotency.internal.IdempotencyKeys.Replay;

/**
 * {@code Idempotency-Key} on {@code POST} requests under {@code /api/v1}. The first request with a key is
 * processed and, when it succeeds (2xx), its status, {@code Content-Type}, {@code Location}, {@code ETag} and
 * body are stored with the key, the caller and a SHA-256 hash of the request (method, path with query, body);
 * a repeat of the same request answers the stored response with {@value #REPLAYED}{@code : true} and creates
 * nothing. The same key with a different request answers {@code 422}, a repeat while the first still runs
 * {@code 409}; both as problem+json naming the header. A refused or failed first request (4xx, 5xx) changed
 * nothing, so its key is released and may be used again, for instance with a corrected body.
 * <p>
 * Why the key is claimed in its own transaction before the endpoint runs and completed after: the endpoint
 * commits in its own transaction, so storing the response only after that commit would leave a window in which
 * a crash loses the key and a retry creates the record a second time. Claimed first, the key survives such a
 * crash as IN_PROGRESS and every repeat answers {@code 409} until the key expires
 * ({@code govit.idempotency.ttl}, 24 hours): a lost response, never a duplicate. Wrapping the endpoint and the
 * key in one transaction instead would change the transaction boundaries of every module's service.
 * <p>
 * The filter runs after Spring Security (order 0, the security chain is at -100) so that the key is scoped to
 * the authenticated user, and only when the header is sent: requests without it are untouched.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration ttl;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyKeys keys, Clock clock, @Value("${govit.idempotency.ttl:PT24H}") Duration ttl,
            MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.keys = keys;
        this.clock = clock;
        this.ttl = ttl;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            // Security answers anonymous API calls itself; a key of nobody is not kept.
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (!valid(key)) {
            problem(request, response, HttpStatus.BAD_REQUEST, "invalid-input",
                    Map.of("errors", List.of(Map.of("field", HEADER, "message", text("problem.idempotency-key.invalid", request)))));
            return;
        }
        HttpServletRequest readable;
        byte[] digestInput;
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/")) {
            readable = request;
            digestInput = parts(request);
            if (digestInput == null) {
                // Unreadable multipart: the endpoint refuses it as it would without a key.
                chain.doFilter(request, response);
                return;
            }
        }
        else if (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            readable = request;
            digestInput = parameters(request);
        }
        else {
            byte[] body = request.getInputStream().readAllBytes();
            readable = new CachedBody(request, body);
            digestInput = body;
        }
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String hash = sha256(request.getMethod(), path, digestInput);
        String username = user.getName();

        IdempotencyKeys.Claim claim = keys.claim(username, key, hash, request.getMethod(), path, clock.instant(), ttl);
        if (claim instanceof Mismatch) {
            problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", Map.of("header", HEADER));
        }
        else if (claim instanceof InFlight) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(request, response, HttpStatus.CONFLICT, "idempotency-key-in-flight", Map.of("header", HEADER));
        }
        else if (claim instanceof Replay stored) {
            replay(stored, response);
        }
        else {
            process(readable, response, chain, username, key, (Claimed) claim);
        }
    }

    private void process(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String username, String key, Claimed claim) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, recorded);
            int status = recorded.getStatus();
            if (status >= 200 && status < 300) {
                keys.complete(username, key, claim.claimId(), status, recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.LOCATION), recorded.getHeader(HttpHeaders.ETAG),
                        recorded.getContentAsByteArray(), clock.instant());
                completed = true;
            }
        }
        finally {
            if (!completed) {
                keys.release(username, key, claim.claimId(), clock.instant());
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(Replay stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        response.setHeader(REPLAYED, "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Printable ASCII without spaces, at most 255 characters: a UUID or any client-chosen token fits. */
    static boolean valid(String key) {
        if (key.isEmpty() || key.length() > 255) {
            return false;
        }
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    private static byte[] parts(HttpServletRequest request) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Part part : request.getParts()) {
                digest.update((part.getName() + "\u0001" + part.getSubmittedFileName() + "\u0001"
                        + part.getContentType() + "\u0001" + part.getSize() + "\u0002").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = part.getInputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return digest.digest();
        }
        catch (ServletException | IllegalStateException e) {
            return null;
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] parameters(HttpServletRequest request) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                text.append(name).append('=').append(value).append('\u0001');
            }
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            Map<String, Object> properties) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(text("problem." + type + ".title", request));
        problem.setDetail(type.equals("invalid-input") ? HEADER + ": " + text("problem.idempotency-key.invalid", request)
                : text("problem." + type + ".detail", request));
        problem.setInstance(URI.create(request.getRequestURI()));
        properties.forEach(problem::setProperty);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private String text(String code, HttpServletRequest request) {
        return messages.getMessage(code, new Object[] {HEADER}, locales.resolveLocale(request));
    }

    /** The request with its body read once for the hash and offered again to the endpoint. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous body");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
