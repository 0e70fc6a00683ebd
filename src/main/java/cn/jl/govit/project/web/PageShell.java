package cn.jl.govit.project.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.ProjectScope;
import cn.jl.govit.project.Projects;

/**
 * What the shared layout ({@code templates/fragments/layout.html}) shows around every page: who is signed in,
 * for which organisation, which parts of the platform the navigation offers, and the language switch.
 * Added to the model of every rendered page, the error page included; never to a redirect or a fragment.
 *
 * @param signedIn whether a user is signed in; all other user fields are empty when not
 * @param seesProjects whether the user's scope holds any project (not the administrator, not experts)
 * @param langZh the current address with {@code lang=zh-CN}; {@code langEn} likewise with {@code lang=en}
 * @param provincialBody whether the user reads every project as a provincial body (Art. 4–5)
 */
record PageShell(boolean signedIn, String username, String displayName, String organizationName, boolean admin,
        boolean seesProjects, boolean canPropose, String langZh, String langEn, boolean departmentStaff,
        boolean provincialBody, boolean digitalBureau, boolean approver, boolean expert, boolean archivist,
        boolean leadingGroup, boolean finance) {

    /** The model attribute a page controller sets when a POST renders a page whose address is another one. */
    static final String CANONICAL_URL = "canonicalUrl";

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final CurrentUsers users;
        private final Organizations organizations;
        private final Projects projects;

        Registration(CurrentUsers users, Organizations organizations, Projects projects) {
            this.users = users;
            this.organizations = organizations;
            this.projects = projects;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new HandlerInterceptor() {
                @Override
                public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                        ModelAndView mv) {
                    if (mv == null || mv.getView() instanceof RedirectView
                            || (mv.getViewName() != null && (mv.getViewName().startsWith("redirect:")
                                    || mv.getViewName().contains("::")))) {
                        return;
                    }
                    mv.addObject("shell", shell(request, mv));
                }
            }).excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**");
        }

        private PageShell shell(HttpServletRequest request, ModelAndView mv) {
            Locale locale = RequestContextUtils.getLocale(request);
            Object canonical = mv.getModel().get(CANONICAL_URL);
            String base = canonical instanceof String url ? url : currentUrl(request);
            String zh = withLang(base, "zh-CN");
            String en = withLang(base, "en");
            CurrentUser user = users.find().orElse(null);
            if (user == null) {
                return new PageShell(false, null, null, null, false, false, false, zh, en, false, false, false, false, false, false, false, false);
            }
            String organization = null;
            try {
                organization = organizations.find(user.organizationCode()).map(o -> o.name(locale)).orElse(null);
            }
            catch (RuntimeException e) {
                // the error page must render even when the database does not answer
            }
            boolean sees = !ProjectScope.filterFor(user).none();
            return new PageShell(true, user.username(), user.displayName(), organization, user.has(Role.ADMIN), sees,
                    projects.canPropose(), zh, en, user.isDepartmentStaff(), user.readsAllProjects(),
                    user.isApproverOf(OrganizationCodes.DIGITAL_BUREAU), user.has(Role.APPROVER), user.has(Role.EXPERT),
                    user.has(Role.ARCHIVIST) && OrganizationCodes.ARCHIVES.equals(user.organizationCode()),
                    user.has(Role.LEADING_GROUP), user.has(Role.FINANCE_OFFICER));
        }

        private static String currentUrl(HttpServletRequest request) {
            if (!"GET".equals(request.getMethod()) || request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
                return "/";
            }
            String query = request.getQueryString();
            return request.getRequestURI().substring(request.getContextPath().length())
                    + (query == null ? "" : "?" + query);
        }

        private static String withLang(String url, String lang) {
            return UriComponentsBuilder.fromUriString(url).replaceQueryParam("lang", lang).build().toUriString();
        }
    }
}
