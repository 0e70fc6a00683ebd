package cn.jl.govit.project.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * A terminated project keeps only read access (Art. 31): every state-changing request on it, through the API or a
 * page, is refused in one place rather than in each module, so a module added later cannot forget it. The API answers
 * {@code 422 ART-31}; a page form gets the 422 error page. Supervision goes on after a termination — findings,
 * sanctions and violation records (Art. 30, 33) are still recorded — so those paths pass. A caller who may not see
 * the project passes too, and the controller answers its {@code 404} as for any other project.
 */
@Configuration
class TerminatedProjectGuard implements WebMvcConfigurer {

    private static final Pattern PROJECT_PATH = Pattern.compile(
            "^(/api/v1)?/projects/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:/([^/?]+))?");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SUPERVISION = Set.of("findings", "sanctions", "violations");

    private final Projects projects;

    TerminatedProjectGuard(Projects projects) {
        this.projects = projects;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                List<Violation> refused = refusal(request);
                if (refused.isEmpty()) {
                    return true;
                }
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    throw new RuleViolationException(refused);
                }
                response.sendError(422);
                return false;
            }
        }).addPathPatterns("/projects/*/**", "/api/v1/projects/*/**");
    }

    private List<Violation> refusal(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return List.of();
        }
        Matcher path = PROJECT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!path.find() || (path.group(3) != null && SUPERVISION.contains(path.group(3)))) {
            return List.of();
        }
        UUID id = UUID.fromString(path.group(2));
        if (!projects.isVisible(id)) {
            return List.of();
        }
        try {
            Project project = projects.find(id);
            return project.writesRefused();
        }
        catch (RecordNotFoundException e) {
            return List.of();
        }
    }
}
