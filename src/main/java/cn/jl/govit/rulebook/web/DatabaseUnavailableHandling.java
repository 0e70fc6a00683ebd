package cn.jl.govit.rulebook.web;

import java.io.IOException;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.ViewResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires {@link DatabaseUnavailable} in at the three places where a database outage surfaces, so that each ends as
 * the same {@code 503}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableHandling {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatabaseUnavailableHandling.class);

    @Bean
    DatabaseUnavailable databaseUnavailable(MessageSource messages, LocaleResolver locales, JsonMapper json,
            @Qualifier("thymeleafViewResolver") ViewResolver views) {
        return new DatabaseUnavailable(messages, locales, json, views);
    }

    /**
     * Outside Spring Security (order -100) and the session repository (Spring Session's filter, order
     * {@code Integer.MIN_VALUE + 50}), inside the security headers (+10), so that a failure in either of them still
     * gets the headers and the 503.
     */
    @Bean
    FilterRegistrationBean<Filter> databaseUnavailableFilter(DatabaseUnavailable answer) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(answer));
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setName("databaseUnavailable");
        return registration;
    }

    /** Ahead of the controller advices, which would answer a wrapped outage as a {@code 500}. */
    @Bean
    Resolver databaseUnavailableResolver(DatabaseUnavailable answer) {
        return new Resolver(answer);
    }

    /**
     * Spring Security reads any failure to load a user as a failed login ({@code 401}, the login form again):
     * around every authentication provider bean, a failure whose cause is the outage leaves the provider as that
     * cause instead, is not an authentication failure (so it is neither counted towards a lockout nor audited as
     * one), passes the security filters and reaches {@link Filter}.
     */
    @Bean
    static BeanPostProcessor loginLookups() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof AuthenticationProvider) || AopUtils.isAopProxy(bean)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                // a class proxy: the provider may be injected by its class (DaoAuthenticationProvider); CGLIB warns
                // once at start-up that it cannot override the final afterPropertiesSet, which the container has
                // already called on the provider itself
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    try {
                        return invocation.proceed();
                    }
                    catch (InternalAuthenticationServiceException e) {
                        if (!DatabaseUnavailable.isCause(e)) {
                            // still a failed login (401), but not one the user caused: say what it was
                            log.warn("user lookup failed at login: {}", DatabaseUnavailable.causes(e));
                            throw e;
                        }
                        throw e.getCause() instanceof RuntimeException cause ? cause
                                : new TransientDataAccessResourceException("database unavailable at login", e);
                    }
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    /** A failure that left the dispatcher servlet or a filter: the security chain, the session store, a view. */
    static final class Filter extends HttpFilter {

        private final transient DatabaseUnavailable answer;

        Filter(DatabaseUnavailable answer) {
            this.answer = answer;
        }

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            try {
                chain.doFilter(request, response);
            }
            catch (IOException | ServletException | RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e) || !answer.answer(request, response, e)) {
                    throw e;
                }
            }
        }
    }

    /** A failure in a controller or service, before any controller advice sees it. */
    static final class Resolver implements HandlerExceptionResolver, Ordered {

        private final DatabaseUnavailable answer;

        Resolver(DatabaseUnavailable answer) {
            this.answer = answer;
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception e) {
            if (DatabaseUnavailable.isCause(e) && answer.answer(request, response, e)) {
                return new ModelAndView();
            }
            return null;
        }

        @Override
        public int getOrder() {
            // after Boot's DefaultErrorAttributes (highest), which only notes the exception
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }
    }
}
