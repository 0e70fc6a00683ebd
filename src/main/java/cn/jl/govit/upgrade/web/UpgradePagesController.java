package cn.jl.govit.upgrade.web;

import static cn.jl.govit.rulebook.FormFields.date;
import static cn.jl.govit.rulebook.FormFields.decimal;
import static cn.jl.govit.rulebook.FormFields.enumValue;
import static cn.jl.govit.rulebook.FormFields.text;
import static cn.jl.govit.rulebook.FormFields.integer;
import static cn.jl.govit.rulebook.FormFields.uuid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.document.Documents;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.upgrade.LeadingGroupVerdict;
import cn.jl.govit.upgrade.Recommendation;
import cn.jl.govit.upgrade.UpgradeRequest;
import cn.jl.govit.upgrade.UpgradeStatus;
import cn.jl.govit.upgrade.Upgrades;
import cn.jl.govit.upgrade.web.UpgradeRequests.DecisionBody;
import cn.jl.govit.upgrade.web.UpgradeRequests.JointReviewBody;
import cn.jl.govit.upgrade.web.UpgradeRequests.UpgradeBody;

/**
 * The upgrade pages (Art. 29): a project's upgrades with the construction unit's request form and its live route;
 * the list of upgrades in the user's scope; an upgrade's detail with the authority's joint-review form, the Leading
 * Group's decision form and the unit's button that creates the upgrade project. Every decision is the
 * {@link Upgrades} service's; a refused form comes back with its input and the reasons in place.
 */
@Controller
class UpgradePagesController {

    private final Upgrades upgrades;
    private final Projects projects;
    private final Documents documents;
    private final Organizations organizations;
    private final CitationMessages citations;
    private final FormRefusals refusals;
    private final RequestValidator validator;

    UpgradePagesController(Upgrades upgrades, Projects projects, Documents documents, Organizations organizations,
            CitationMessages citations, FormRefusals refusals, RequestValidator validator) {
        this.upgrades = upgrades;
        this.projects = projects;
        this.documents = documents;
        this.organizations = organizations;
        this.citations = citations;
        this.refusals = refusals;
        this.validator = validator;
    }

    @GetMapping("/projects/{id}/upgrades")
    String project(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        Project project = projects.get(projectId);
        boolean canRequest = upgrades.canRequest(project);
        model.addAttribute("project", project);
        model.addAttribute("list", upgrades.forProject(projectId, Paging.of(Math.max(0, page), Paging.DEFAULT_SIZE))
                .map(u -> UpgradeView.of(u, citations, locale)));
        model.addAttribute("canRequest", canRequest);
        model.addAttribute("isUnit", projects.isConstructionUnit(project));
        if (canRequest) {
            model.addAttribute("documents", documents.list(projectId));
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RequestForm(null, null, null, null, null, null, null, null));
        }
        RequestForm form = (RequestForm) model.getAttribute("form");
        model.addAttribute("assessment", UpgradeView.AssessmentView.of(
                upgrades.assess(projectId, form.isShareable(), form.catalogueCode()), citations, locale));
        return "upgrade/project";
    }

    /** The route of the form's facts as the unit ticks them; an htmx request gets the fragment only. */
    @PostMapping("/projects/{id}/upgrades/assessment")
    String assess(@PathVariable String id, RequestForm form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        upgrades.checkMayRequest(projectId);
        model.addAttribute("form", form);
        if ("true".equals(htmx)) {
            model.addAttribute("assessment", UpgradeView.AssessmentView.of(
                    upgrades.assess(projectId, form.isShareable(), form.catalogueCode()), citations, locale));
            return "upgrade/project :: assessment";
        }
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/upgrades");
        return project(id, 0, model, locale);
    }

    @PostMapping("/projects/{id}/upgrades")
    String request(@PathVariable String id, RequestForm form, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        upgrades.checkMayRequest(projectId);
        UpgradeRequest[] done = new UpgradeRequest[1];
        if (refusals.attempt(model, locale, response, FieldMessage::new,
                () -> done[0] = upgrades.request(projectId, validator.valid(form.body()).proposal()))) {
            redirect.addFlashAttribute("requested", done[0].number());
            redirect.addFlashAttribute("requestedRoute", done[0].route().name());
            return "redirect:/upgrades/" + done[0].id();
        }
        model.addAttribute("form", form);
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/upgrades");
        return project(id, 0, model, locale);
    }

    /** The upgrades in the user's scope; the Leading Group's awaiting ones first. */
    @GetMapping("/upgrades")
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model,
            Locale locale) {
        UpgradeStatus filter = parse(UpgradeStatus.class, status);
        PageOf<UpgradeRequest> list = upgrades.page(filter, Paging.of(Math.max(0, page), Paging.DEFAULT_SIZE));
        Map<UUID, Project> projectsById = new LinkedHashMap<>();
        list.content().forEach(u -> projectsById.computeIfAbsent(u.projectId(), projects::get));
        model.addAttribute("list", list.map(u -> UpgradeView.of(u, citations, locale)));
        model.addAttribute("projects", projectsById);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", UpgradeStatus.values());
        return "upgrade/list";
    }

    @GetMapping("/upgrades/{uid}")
    String detail(@PathVariable String uid, Model model, Locale locale) {
        UUID upgradeId = RecordNotFoundException.idOf("UpgradeRequest", uid);
        UpgradeRequest upgrade = upgrades.get(upgradeId);
        Project project = projects.get(upgrade.projectId());
        boolean canReview = upgrades.canReview(upgrade, project);
        model.addAttribute("upgrade", UpgradeView.of(upgrade, citations, locale));
        model.addAttribute("project", project);
        model.addAttribute("upgradeProject", upgrade.createdProject() == null ? null
                : projects.find(upgrade.createdProject().projectId()));
        model.addAttribute("canReview", canReview);
        model.addAttribute("canDecide", upgrades.canDecide(upgrade));
        model.addAttribute("canCreateProject", upgrades.canCreateProject(upgrade, project));
        Map<String, String> names = new LinkedHashMap<>();
        organizations.all().forEach(o -> names.put(o.code(), o.name(locale)));
        model.addAttribute("organizationNames", names);
        if (canReview) {
            model.addAttribute("organizations", organizations.all().stream().filter(Organization::active)
                    .filter(o -> !o.code().equals(project.leadOrganizationCode())).toList());
            model.addAttribute("documents", documents.list(project.id()));
            model.addAttribute("recommendations", Recommendation.values());
        }
        model.addAttribute("verdicts", LeadingGroupVerdict.values());
        model.addAttribute("today", projects.today());
        if (!model.containsAttribute("review")) {
            model.addAttribute("review", new ReviewForm(null, List.of(), null, null, null));
        }
        if (!model.containsAttribute("decision")) {
            model.addAttribute("decision", new DecisionForm(null, null, null));
        }
        return "upgrade/detail";
    }

    @PostMapping("/upgrades/{uid}/joint-review")
    String jointReview(@PathVariable String uid, ReviewForm review, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID upgradeId = RecordNotFoundException.idOf("UpgradeRequest", uid);
        upgrades.checkMayReview(upgradeId);
        if (refusals.attempt(model, locale, response, FieldMessage::new,
                () -> upgrades.recordJointReview(upgradeId, validator.valid(review.body()).input()))) {
            redirect.addFlashAttribute("reviewed", true);
            return "redirect:/upgrades/" + upgradeId;
        }
        model.addAttribute("review", review);
        model.addAttribute("canonicalUrl", "/upgrades/" + upgradeId);
        return detail(uid, model, locale);
    }

    @PostMapping("/upgrades/{uid}/leading-group-decision")
    String decide(@PathVariable String uid, DecisionForm decision, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID upgradeId = RecordNotFoundException.idOf("UpgradeRequest", uid);
        upgrades.checkMayDecide(upgradeId);
        if (refusals.attempt(model, locale, response, FieldMessage::new, () -> {
            DecisionBody body = validator.valid(decision.body());
            return upgrades.decide(upgradeId, body.decision(), body.decidedOn(), body.opinion());
        })) {
            redirect.addFlashAttribute("decided", true);
            return "redirect:/upgrades/" + upgradeId;
        }
        model.addAttribute("decision", decision);
        model.addAttribute("canonicalUrl", "/upgrades/" + upgradeId);
        return detail(uid, model, locale);
    }

    @PostMapping("/upgrades/{uid}/project")
    String createProject(@PathVariable String uid, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID upgradeId = RecordNotFoundException.idOf("UpgradeRequest", uid);
        upgrades.checkMayCreateProject(upgradeId);
        if (refusals.attempt(model, locale, response, FieldMessage::new, () -> upgrades.createProject(upgradeId))) {
            redirect.addFlashAttribute("projectCreated", true);
            return "redirect:/upgrades/" + upgradeId;
        }
        model.addAttribute("canonicalUrl", "/upgrades/" + upgradeId);
        return detail(uid, model, locale);
    }

    /** A field error as the page shows it. */
    record FieldMessage(String field, String message) {

        /** The label of the field, an element of a list ({@code departments[1]}) by its list's label. */
        public String labelKey() {
            return "upgrade.field." + field.replaceAll("\\[.*", "");
        }
    }

    /** The request form as typed; {@link #body()} parses it into the API's body (400 for what does not parse). */
    record RequestForm(String title, String reasons, String scope, String estimatedInvestment,
            String constructionPeriodMonths, String shareable, String catalogueCode, String documentId) {

        public boolean isShareable() {
            return "true".equals(shareable);
        }

        UpgradeBody body() {
            return new UpgradeBody(title, reasons, scope, decimal("estimatedInvestment", estimatedInvestment),
                    integer("constructionPeriodMonths", constructionPeriodMonths), isShareable(), catalogueCode,
                    uuid("documentId", documentId));
        }
    }

    /** The joint-review form as typed. */
    record ReviewForm(String reviewedOn, List<String> departments, String opinion, String recommendation,
            String documentId) {

        ReviewForm {
            departments = departments == null ? List.of() : departments;
        }

        JointReviewBody body() {
            return new JointReviewBody(date("reviewedOn", reviewedOn), departments, opinion,
                    enumValue(Recommendation.class, "recommendation", recommendation), uuid("documentId", documentId));
        }
    }

    /** The Leading Group's decision form as typed. */
    record DecisionForm(String decision, String decidedOn, String opinion) {

        DecisionBody body() {
            return new DecisionBody(enumValue(LeadingGroupVerdict.class, "decision", decision),
                    date("decidedOn", decidedOn), opinion);
        }
    }







    /** A list filter that does not parse shows everything rather than failing. */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}
