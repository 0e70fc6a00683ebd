package cn.jl.govit.obligation.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jl.govit.obligation.ObligationListFilter;
import cn.jl.govit.obligation.ObligationStatus;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;

/** The deadlines of one project and the list of deadlines across the projects the user may see. */
@Controller
class ObligationPagesController {

    private static final int PAGE_SIZE = 20;

    private final Obligations obligations;
    private final Projects projects;
    private final FormRefusals refusals;
    private final Organizations organizations;
    private final CurrentUsers users;

    ObligationPagesController(Obligations obligations, Projects projects, FormRefusals refusals,
            Organizations organizations, CurrentUsers users) {
        this.organizations = organizations;
        this.users = users;
        this.obligations = obligations;
        this.projects = projects;
        this.refusals = refusals;
    }

    @GetMapping("/projects/{id}/obligations")
    String project(@PathVariable String id, Model model) {
        Project project = projects.get(RecordNotFoundException.idOf("Project", id));
        LocalDate today = obligations.today();
        model.addAttribute("project", project);
        model.addAttribute("today", today);
        model.addAttribute("authority", projects.isAuthority(project));
        model.addAttribute("obligations",
                obligations.forProject(project.id()).stream().map(o -> ObligationView.of(o, today)).toList());
        return "obligation/project";
    }

    /** The approval authority lifts a pending obligation with its reason; a refusal shows in place. */
    @PostMapping("/projects/{id}/obligations/{obligationId}/waiver")
    String waive(@PathVariable String id, @PathVariable String obligationId, @RequestParam(required = false) String reason,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID obligation = RecordNotFoundException.idOf("Obligation", obligationId);
        if (!obligations.checkMayWaive(obligation).projectId().equals(projectId)) {
            throw new RecordNotFoundException("Obligation", obligation);
        }
        if (refusals.attempt(model, locale, response, FieldMessage::new, () -> obligations.waive(obligation, reason))) {
            redirect.addFlashAttribute("waived", obligation);
            return "redirect:/projects/" + projectId + "/obligations";
        }
        model.addAttribute("failed", obligation);
        return project(id, model);
    }

    /** A field error as the page shows it. */
    record FieldMessage(String field, String message) {
    }

    @GetMapping("/obligations")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String department,
            @RequestParam(required = false) String type, @RequestParam(required = false) String authority,
            @RequestParam(required = false) String approvedYear, @RequestParam(defaultValue = "0") int page,
            Model model, Locale locale) {
        ObligationListFilter filter = ObligationListParams.lenient(organizations, status, department, type, authority,
                approvedYear);
        Paging paging = Paging.of(page, PAGE_SIZE);
        LocalDate today = obligations.today();
        PageOf<ObligationView> list = obligations.page(filter, paging.page(), paging.size())
                .map(l -> ObligationView.of(l, today));
        model.addAttribute("list", list);
        model.addAttribute("status", filter.status());
        model.addAttribute("department", filter.department());
        model.addAttribute("type", filter.type());
        // Not shown as selects (the overview's filter), but kept in the links so that the list stays what was counted.
        model.addAttribute("authority", filter.authority());
        model.addAttribute("approvedYear", filter.approvedYear());
        model.addAttribute("statuses", List.of(ObligationStatus.values()));
        model.addAttribute("types", List.of(ObligationType.values()));
        model.addAttribute("organizations", organizations.all().stream()
                .sorted(Comparator.comparing((Organization o) -> o.kind() != OrganizationKind.DEPARTMENT)
                        .thenComparing(Organization::code))
                .map(o -> new Choice(o.code(), o.name(locale))).toList());
        model.addAttribute("mayRaiseFindings", mayRaiseFindings());
        model.addAttribute("exportUrl", url("/obligations/export.xlsx", filter, null));
        model.addAttribute("previousUrl", url("/obligations", filter, list.page() - 1));
        model.addAttribute("nextUrl", url("/obligations", filter, list.page() + 1));
        model.addAttribute("today", today);
        model.addAttribute("firstShown", list.totalElements() == 0 ? 0 : (long) list.page() * list.size() + 1);
        model.addAttribute("lastShown", (long) list.page() * list.size() + list.content().size());
        return "obligation/list";
    }

    /**
     * Whether the row offers "raise a finding": the provincial bodies that supervise (Art. 31), i.e. those reading
     * every project other than the Leading Group, which coordinates rather than raises. The findings module depends
     * on this one, so it cannot be asked here; its own page refuses (403) anyone its duty policy does not allow.
     */
    private boolean mayRaiseFindings() {
        return users.find().map(u -> u.readsAllProjects() && !u.has(Role.LEADING_GROUP)
                && !OrganizationCodes.LEADING_GROUP.equals(u.organizationCode())).orElse(false);
    }

    /** The list or its export with exactly the filters set (none left empty), and the page if given. */
    private static String url(String path, ObligationListFilter filter, Integer page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (filter.status() != null) {
            b.queryParam("status", filter.status().name());
        }
        if (filter.department() != null) {
            b.queryParam("department", filter.department());
        }
        if (filter.type() != null) {
            b.queryParam("type", filter.type().name());
        }
        if (filter.authority() != null) {
            b.queryParam("authority", filter.authority().name());
        }
        if (filter.approvedYear() != null) {
            b.queryParam("approvedYear", filter.approvedYear());
        }
        if (page != null) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }

    /** A choice of a select: the value sent and the label shown. */
    record Choice(String value, String label) {
    }

}
