package cn.jl.govit;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Simplified Chinese first, English on request: pages follow the language the user chose with the switch
 * (a cookie), else Chinese; the REST API follows {@code Accept-Language}, else Chinese.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "govit-lang";
    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    private static final String API_LOCALE = WebConfiguration.class.getName() + ".apiLocale";

    /** Spring MVC's handler lookup with a path comparison in front (see {@link PathIndexedHandlerMapping}). */
    @Bean
    WebMvcRegistrations pathIndexedHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathIndexedHandlerMapping();
            }
        };
    }

    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    if (request.getAttribute(COOKIE) instanceof Locale chosen) {
                        return chosen;
                    }
                    for (Cookie cookie : request.getCookies() == null ? new Cookie[0] : request.getCookies()) {
                        if (COOKIE.equals(cookie.getName())) {
                            return "en".equals(cookie.getValue()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
                        }
                    }
                    return Locale.SIMPLIFIED_CHINESE;
                }
                // resolved several times per request (messages, problems, views): parsed once
                if (request.getAttribute(API_LOCALE) instanceof Locale resolved) {
                    return resolved;
                }
                Locale resolved = fromAcceptLanguage(request.getHeader("Accept-Language"));
                request.setAttribute(API_LOCALE, resolved);
                return resolved;
            }

            private static Locale fromAcceptLanguage(String header) {
                if (header == null || header.isBlank()) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
                try {
                    Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
                    if (best == null) {
                        boolean english = Locale.LanguageRange.parse(header).stream()
                                .anyMatch(r -> r.getRange().startsWith("en"));
                        return english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
                    }
                    return best;
                }
                catch (IllegalArgumentException e) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                boolean english = locale != null && "en".equals(locale.getLanguage());
                request.setAttribute(COOKIE, english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
                Cookie cookie = new Cookie(COOKIE, english ? "en" : "zh-CN");
                cookie.setPath("/");
                cookie.setHttpOnly(true);
                cookie.setMaxAge(365 * 24 * 3600);
                cookie.setAttribute("SameSite", "Lax");
                response.addCookie(cookie);
            }
        };
    }

    /**
     * Strict JSON: a number is not accepted for a text field nor a text for a number or a boolean, nor a
     * fraction for a whole number (18.5 months), so that a wrongly typed field answers 400 instead of being
     * guessed or truncated.
     */
    @Bean
    org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .disable(tools.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(tools.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(tools.jackson.databind.type.LogicalType.Textual, c -> c
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Integer, tools.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Float, tools.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(tools.jackson.databind.cfg.CoercionInputShape.Boolean, tools.jackson.databind.cfg.CoercionAction.Fail))
                .addModule(new tools.jackson.databind.module.SimpleModule("nul-free-text")
                        .addDeserializer(String.class, new NulFreeText()));
    }

    /**
     * Text without NUL characters: PostgreSQL cannot store U+0000, so a text holding one is refused as
     * malformed input (400) instead of failing in the database (500).
     */
    static final class NulFreeText extends tools.jackson.databind.deser.jdk.StringDeserializer {

        @Override
        public String deserialize(tools.jackson.core.JsonParser parser, tools.jackson.databind.DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw tools.jackson.databind.DatabindException.from(parser, "text contains a NUL character");
            }
            return text;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
