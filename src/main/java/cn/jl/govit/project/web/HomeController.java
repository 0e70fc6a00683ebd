package cn.jl.govit.project.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.project.web.ProjectPageViews.OrganizationNames;
import cn.jl.govit.project.web.ProjectPageViews.Row;

/** The home page: the newest projects in the user's scope, counts by status and what the user may start. */
@Controller
class HomeController {

    private static final int NEWEST = 10;

    private final Projects projects;
    private final Organizations organizations;

    HomeController(Projects projects, Organizations organizations) {
        this.projects = projects;
        this.organizations = organizations;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        Map<ProjectStatus, Long> counts = projects.countByStatus();
        OrganizationNames names = OrganizationNames.of(organizations.all(), locale);
        List<Row> newest = counts.isEmpty() ? List.of()
                : projects.page(null, null, 0, NEWEST).content().stream().map(p -> Row.of(p, names)).toList();
        model.addAttribute("newest", newest);
        model.addAttribute("counts", Arrays.stream(ProjectStatus.values())
                .map(s -> new StatusCount(s, counts.getOrDefault(s, 0L))).toList());
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("canPropose", projects.canPropose());
        return "project/home";
    }

    /** How many visible projects stand in one status. */
    record StatusCount(ProjectStatus status, long count) {
    }
}
