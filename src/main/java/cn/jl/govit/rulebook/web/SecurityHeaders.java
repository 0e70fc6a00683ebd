package cn.jl.govit.rulebook.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The browser-facing security headers of GB/T 22239-2019 level 3 web hardening, on every response the
 * application writes: pages, the REST API, static resources and every error (401, 403, 404, 405, 413, 500,
 * problem+json). A plain servlet filter ahead of Spring Security rather than Spring Security's header writers,
 * because those only see requests that reach a security filter chain and write HSTS only on HTTPS, while
 * TLS ends at the reverse proxy in front of the application.
 * <p>
 * The Content-Security-Policy carries a fresh nonce per request, also published as the request attribute
 * {@value #NONCE_ATTRIBUTE} so that a template may give an inline script {@code th:attr="nonce=${cspNonce}"};
 * the templates have no inline script today (they load {@code /js/*.js}), so {@code 'unsafe-inline'} is never
 * needed for scripts. Styles keep {@code 'unsafe-inline'}: the templates set widths of progress bars and charts
 * in {@code style} attributes, which a nonce cannot cover, and a style cannot run code.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    /** The request attribute (and template variable) holding this request's CSP nonce. */
    static final String NONCE_ATTRIBUTE = "cspNonce";

    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /** The policy for a nonce; everything else comes from this origin only. */
    static String contentSecurityPolicy(String nonce) {
        return "default-src 'self'; "
                + "script-src 'self' 'nonce-" + nonce + "'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "frame-ancestors 'none'; "
                + "form-action 'self'";
    }

    @Bean
    FilterRegistrationBean<HeaderFilter> securityHeadersFilter() {
        FilterRegistrationBean<HeaderFilter> registration = new FilterRegistrationBean<>(new HeaderFilter());
        registration.addUrlPatterns("/*");
        // error dispatches too: Tomcat's sendError re-enters here with the error page, which must carry them as well
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        // ahead of Spring Security (-100), so that a refusal by a security filter already carries the headers
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("securityHeaders");
        return registration;
    }

    /** Idempotent (it only sets headers), so a plain filter that runs again on every dispatch, error included. */
    static final class HeaderFilter extends HttpFilter {

        private static final SecureRandom RANDOM = new SecureRandom();

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // an error dispatch keeps the nonce of its request, so the page and the header agree
            String nonce = request.getAttribute(NONCE_ATTRIBUTE) instanceof String existing ? existing : newNonce();
            request.setAttribute(NONCE_ATTRIBUTE, nonce);
            response.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
            response.setHeader("Strict-Transport-Security", HSTS);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", REFERRER_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
            chain.doFilter(request, response);
        }

        private static String newNonce() {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
    }
}
