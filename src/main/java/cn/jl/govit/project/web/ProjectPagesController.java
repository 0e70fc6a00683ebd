package cn.jl.govit.project.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.audit.AuditTrail;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.ApprovalAuthorityPolicy;
import cn.jl.govit.project.ApprovalPathType;
import cn.jl.govit.project.ConstructionMode;
import cn.jl.govit.project.EmergencyType;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectCategory;
import cn.jl.govit.project.ProjectListFilter;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.project.SelfBuildException;
import cn.jl.govit.project.web.ProjectPageViews.AuditEntry;
import cn.jl.govit.project.web.ProjectPageViews.ListPage;
import cn.jl.govit.project.web.ProjectPageViews.OrganizationNames;
import cn.jl.govit.project.web.ProjectPageViews.Step;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The project pages: the list, one project with its derived authority and path and their reasons, the
 * new-project form and the Digital Bureau's construction-mode form. Every decision is the {@link Projects}
 * service's; these methods only translate between the browser and it.
 */
@Controller
@RequestMapping("/projects")
class ProjectPagesController {

    static final int DEFAULT_SIZE = 20;
    private static final int AUDIT_ENTRIES = 50;

    private final Projects projects;
    private final Organizations organizations;
    private final CurrentUsers users;
    private final CitationMessages citations;
    private final AuditTrail audit;

    ProjectPagesController(Projects projects, Organizations organizations, CurrentUsers users,
            CitationMessages citations, AuditTrail audit) {
        this.projects = projects;
        this.organizations = organizations;
        this.users = users;
        this.citations = citations;
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(required = false) String department, @RequestParam(required = false) String authority,
            @RequestParam(required = false) String path, @RequestParam(required = false) String approvedYear,
            @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "" + DEFAULT_SIZE) String size,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model, Locale locale, HttpServletResponse response) {
        ProjectListFilter filter = ProjectListParams.lenient(organizations, status, q, department, authority, path,
                approvedYear);
        int pageNumber = Math.max(0, parseInt(page, 0));
        int pageSize = Math.min(Paging.MAX_SIZE, Math.max(1, parseInt(size, DEFAULT_SIZE)));
        List<Organization> all = organizations.all();
        OrganizationNames names = OrganizationNames.of(all, locale);
        model.addAttribute("list", ListPage.of(projects.page(filter, pageNumber, pageSize), names, filter));
        model.addAttribute("statuses", ProjectStatus.values());
        // Organisations by name: the departments that lead projects (a department's scope still applies).
        model.addAttribute("departments", all.stream().filter(o -> o.kind() == OrganizationKind.DEPARTMENT)
                .map(o -> new Option(o.code(), o.name(locale))).sorted(java.util.Comparator.comparing(Option::value))
                .toList());
        model.addAttribute("authorities", ApprovalAuthority.values());
        model.addAttribute("pathTypes", ApprovalPathType.values());
        model.addAttribute("canPropose", projects.canPropose());
        response.setHeader("Vary", "HX-Request");
        if ("true".equals(htmx) && !"true".equals(historyRestore)) {
            return "project/list :: results";
        }
        return "project/list";
    }

    @GetMapping("/new")
    String newProject(Model model, Locale locale) {
        projects.checkMayPropose();
        model.addAttribute("form", new ProjectForm());
        return form(model, locale);
    }

    @PostMapping
    String propose(@Valid @ModelAttribute("form") ProjectForm form, BindingResult result, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        projects.checkMayPropose();
        List<Integer> filled = form.filledFundingRows();
        if (filled.isEmpty()) {
            result.rejectValue("fundingSources", "NotEmpty");
        }
        else if (filled.size() > ProjectForm.MAX_FUNDING_LINES) {
            result.rejectValue("fundingSources", "Size", new Object[] {"", ProjectForm.MAX_FUNDING_LINES, 1}, null);
        }
        for (int i : filled) {
            ProjectForm.FundingRow row = form.getFundingSources().get(i);
            if (row.getSource() == null) {
                result.rejectValue("fundingSources[" + i + "].source", "NotNull");
            }
            if (row.getAmount() == null && !result.hasFieldErrors("fundingSources[" + i + "].amount")) {
                result.rejectValue("fundingSources[" + i + "].amount", "NotNull");
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, locale);
        }
        try {
            Project project = projects.propose(form.toNewProject());
            redirect.addFlashAttribute("created", project.code());
            return "redirect:/projects/" + project.id();
        }
        catch (InvalidInputException e) {
            for (InvalidInputException.FieldError error : e.errors()) {
                String field = formField(error.field(), filled);
                Object[] args = cn.jl.govit.rulebook.MessageKey.arguments(error.args());
                if (field == null) {
                    result.reject(error.messageKey(), args, null);
                }
                else {
                    result.rejectValue(field, error.messageKey(), args, null);
                }
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        return form(model, locale);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, Model model, Locale locale) {
        Project project = projects.get(RecordNotFoundException.idOf("Project", id));
        ConstructionModeForm modeForm = new ConstructionModeForm();
        modeForm.setVersion(project.version());
        modeForm.setMode(ConstructionMode.UNIFIED);
        model.addAttribute("modeForm", modeForm);
        return detail(project, model, locale);
    }

    @PostMapping("/{id}/construction-mode")
    String decideConstructionMode(@PathVariable String id, @Valid @ModelAttribute("modeForm") ConstructionModeForm form,
            BindingResult result, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        projects.checkMayDecideConstructionMode(projectId);
        model.addAttribute(PageShell.CANONICAL_URL, "/projects/" + projectId);
        if (result.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return detail(projects.get(projectId), model, locale);
        }
        try {
            projects.decideConstructionMode(projectId, form.getVersion(), form.getMode(), form.getException(),
                    blankToNull(form.getJustification()));
            redirect.addFlashAttribute("modeDecided", true);
            return "redirect:/projects/" + projectId;
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return detail(projects.get(projectId), model, locale);
    }

    private String detail(Project project, Model model, Locale locale) {
        OrganizationNames names = OrganizationNames.of(organizations.all(), locale);
        model.addAttribute("project", project);
        model.addAttribute("leadOrganization", names.of(project.leadOrganizationCode()));
        model.addAttribute("participants", project.participatingOrganizationCodes().stream().map(names::of).toList());
        model.addAttribute("categories", project.categories().stream().sorted().toList());
        model.addAttribute("createdOn", project.createdAt().atZone(Projects.ZONE).toLocalDate());
        model.addAttribute("authorityReason",
                citations.view(new ApprovalAuthorityPolicy().derive(project.facts()).reason(), locale));
        model.addAttribute("steps", Step.of(project.approvalPath().stages()));
        model.addAttribute("pathReasons",
                project.approvalPath().reasons().stream().map(r -> citations.view(r, locale)).toList());
        model.addAttribute("canDecideMode", projects.canDecideConstructionMode(project));
        model.addAttribute("modes", ConstructionMode.values());
        model.addAttribute("exceptions", SelfBuildException.values());
        model.addAttribute("history",
                audit.page(project.id(), 0, AUDIT_ENTRIES).stream().map(AuditEntry.with(names)).toList());
        return "project/detail";
    }

    private String form(Model model, Locale locale) {
        String own = users.current().organizationCode();
        List<Organization> departments = organizations.all().stream()
                .filter(o -> o.kind() == OrganizationKind.DEPARTMENT && o.active() && !o.code().equals(own))
                .toList();
        ((ProjectForm) model.getAttribute("form")).padFundingRows();
        model.addAttribute("departments", departments.stream()
                .map(o -> new Option(o.code(), o.name(locale))).toList());
        model.addAttribute("allCategories", ProjectCategory.values());
        model.addAttribute("fundingSourceTypes", FundingSource.values());
        model.addAttribute("emergencyTypes", EmergencyType.values());
        return "project/new";
    }

    /** The form field an error of the service names; funding lines are counted among the filled rows only. */
    private static String formField(String serviceField, List<Integer> filledRows) {
        if (serviceField.startsWith("participatingOrganizationCodes")) {
            return "participatingOrganizationCodes";
        }
        var funding = java.util.regex.Pattern.compile("fundingSources\\[(\\d+)](\\.\\w+)?").matcher(serviceField);
        if (funding.matches()) {
            int line = Integer.parseInt(funding.group(1));
            return line < filledRows.size()
                    ? "fundingSources[" + filledRows.get(line) + "]" + (funding.group(2) == null ? "" : funding.group(2))
                    : "fundingSources";
        }
        return Arrays.asList("name", "categories", "summary", "estimatedInvestment", "constructionPeriodMonths",
                "fundingSources", "emergency").contains(serviceField) ? serviceField : null;
    }

    private static int parseInt(String value, int fallback) {
        try {
            return Integer.parseInt(value.strip());
        }
        catch (RuntimeException e) {
            return fallback;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A choice of a select or checkbox list: the value posted and the label shown. */
    record Option(String value, String label) {
    }
}
