package cn.jl.govit.construction.web;

import static cn.jl.govit.rulebook.FormFields.date;
import static cn.jl.govit.rulebook.FormFields.decimal;
import static cn.jl.govit.rulebook.FormFields.integer;
import static cn.jl.govit.rulebook.FormFields.longValue;
import static cn.jl.govit.rulebook.FormFields.parsed;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.construction.ConstructionRequests;
import cn.jl.govit.construction.ContractKind;
import cn.jl.govit.construction.Contracts;
import cn.jl.govit.construction.DelayFlags;
import cn.jl.govit.construction.IncidentKind;
import cn.jl.govit.construction.Incidents;
import cn.jl.govit.construction.Milestone;
import cn.jl.govit.construction.Milestones;
import cn.jl.govit.construction.PlannedMilestone;
import cn.jl.govit.construction.ProcurementMethod;
import cn.jl.govit.construction.Procurements;
import cn.jl.govit.construction.ProgressReports;
import cn.jl.govit.construction.ProjectParties;
import cn.jl.govit.construction.RectificationOrders;
import cn.jl.govit.document.Documents;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;

/**
 * The construction page of a project: the overview everyone who sees the project reads, the construction unit's
 * forms (start, parties, procurements, contracts, milestones, progress reports, incidents, rectification) and
 * the approval authority's (rectification orders and their review, suspension, resumption). Every decision is
 * the services'; a refusal renders the page again with the errors or the rules in place, next to the form.
 */
@Controller
@RequestMapping("/projects/{id}/construction")
class ConstructionPagesController {

    private static final int LIST_SIZE = 20;

    private final Projects projects;
    private final ProjectParties parties;
    private final Procurements procurements;
    private final Contracts contracts;
    private final ProgressReports reports;
    private final Milestones milestones;
    private final Incidents incidents;
    private final DelayFlags flags;
    private final RectificationOrders orders;
    private final Documents documents;
    private final RequestValidator validator;
    private final CitationMessages citations;
    private final FormRefusals refusals;

    ConstructionPagesController(Projects projects, ProjectParties parties, Procurements procurements,
            Contracts contracts, ProgressReports reports, Milestones milestones, Incidents incidents, DelayFlags flags,
            RectificationOrders orders, Documents documents, RequestValidator validator, CitationMessages citations, FormRefusals refusals) {
        this.refusals = refusals;
        this.projects = projects;
        this.parties = parties;
        this.procurements = procurements;
        this.contracts = contracts;
        this.reports = reports;
        this.milestones = milestones;
        this.incidents = incidents;
        this.flags = flags;
        this.orders = orders;
        this.documents = documents;
        this.validator = validator;
        this.citations = citations;
    }

    @GetMapping
    String page(@PathVariable String id, @RequestParam(defaultValue = "0") int contractPage,
            @RequestParam(defaultValue = "0") int procurementPage, @RequestParam(defaultValue = "0") int reportPage,
            Model model, Locale locale) {
        return page(RecordNotFoundException.idOf("Project", id), model, locale, Map.of(), null, contractPage,
                procurementPage, reportPage);
    }

    /**
     * Planned against actual for the project page, which loads it by htmx (the project module knows no construction
     * records): the latest progress report, the share of the period elapsed, open delay flags and the milestones.
     */
    @GetMapping("/summary")
    String summary(@PathVariable String id, Model model) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        Project project = projects.get(projectId);
        model.addAttribute("project", project);
        model.addAttribute("latestReport", reports.page(projectId, 0, 1).content().stream().findFirst().orElse(null));
        model.addAttribute("timeline", Timeline.of(project, milestones.current(projectId).milestones(), projects.today()));
        model.addAttribute("openFlags", flags.forProject(projectId).stream().filter(f -> !f.answered()).count());
        return "construction/summary :: summary";
    }

    private String page(UUID id, Model model, Locale locale, Map<String, String> form, String failed, int contractPage,
            int procurementPage, int reportPage) {
        Project project = projects.get(id);
        boolean unit = projects.isConstructionUnit(project);
        boolean authority = projects.isAuthority(project);
        LocalDate today = projects.today();
        model.addAttribute("project", project);
        model.addAttribute("today", today);
        model.addAttribute("unit", unit);
        model.addAttribute("authority", authority);
        model.addAttribute("started", project.constructionStartedOn() != null);
        model.addAttribute("open", project.status() == ProjectStatus.UNDER_CONSTRUCTION);
        model.addAttribute("suspended", project.status() == ProjectStatus.SUSPENDED);
        model.addAttribute("canStart", unit && project.status() == ProjectStatus.APPROVED);
        model.addAttribute("parties", parties.of(id).orElse(null));
        model.addAttribute("budget", contracts.budget(id));
        model.addAttribute("contracts", contracts.page(id, contractPage, LIST_SIZE));
        model.addAttribute("procurements", procurements.page(id, procurementPage, LIST_SIZE));
        model.addAttribute("reports", reports.page(id, reportPage, LIST_SIZE));
        model.addAttribute("nextPeriod", reports.nextPeriod(id).orElse(null));
        Milestones.Baseline baseline = milestones.current(id);
        model.addAttribute("baseline", baseline);
        model.addAttribute("canPlan", unit && !baseline.frozen()
                && (project.status() == ProjectStatus.APPROVED || project.status() == ProjectStatus.UNDER_CONSTRUCTION));
        model.addAttribute("timeline", Timeline.of(project, baseline.milestones(), today));
        model.addAttribute("incidents", incidents.page(id, 0, LIST_SIZE));
        model.addAttribute("flags", flags.forProject(id));
        model.addAttribute("orders", orders.page(id, 0, LIST_SIZE));
        model.addAttribute("documents", project.facts().classified() ? List.of() : documents.list(id));
        model.addAttribute("methods", ProcurementMethod.values());
        model.addAttribute("kinds", ContractKind.values());
        model.addAttribute("incidentKinds", IncidentKind.values());
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        return "construction/overview";
    }

    // the construction unit

    @PostMapping("/start")
    String start(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        projects.requireConstructionUnit(projects.get(projectId));
        return act(projectId, "start", params, model, locale, redirect, response, () -> {
            LocalDate startedOn = date("startedOn", params.get("startedOn"));
            if (startedOn == null) {
                throw new InvalidInputException("startedOn", "problem.field.required");
            }
            return projects.startConstruction(projectId, null, startedOn);
        });
    }

    @PostMapping("/legal-person")
    String legalPerson(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        return act(projectId, "parties", params, model, locale, redirect, response, () -> parties.recordLegalPerson(projectId,
                validator.valid(new ConstructionRequests.LegalPerson(params.get("name"), params.get("legalRepresentative"),
                        params.get("unifiedSocialCreditCode"), longValue("version", params.get("version"))))));
    }

    @PostMapping("/supervision-contractor")
    String supervisor(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        return act(projectId, "parties", params, model, locale, redirect, response, () -> parties.recordSupervisionContractor(
                projectId, validator.valid(new ConstructionRequests.SupervisionContractor(params.get("supervisorName"),
                        params.get("contractReference"), longValue("version", params.get("version"))))));
    }

    @PostMapping("/procurements")
    String procure(@PathVariable String id, @RequestParam MultiValueMap<String, String> all, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        Map<String, String> params = all.toSingleValueMap();
        return act(projectId, "procurements", params, model, locale, redirect, response, () -> procurements.record(projectId,
                validator.valid(new ConstructionRequests.NewProcurement(
                        parsed("method", params.get("method"), ProcurementMethod::valueOf), params.get("subject"),
                        decimal("budgetAmount", params.get("budgetAmount")), params.get("supplier"),
                        date("announcedOn", params.get("announcedOn")), date("awardedOn", params.get("awardedOn")),
                        all.getOrDefault("documentIds", List.of()).stream()
                                .map(d -> parsed("documentIds", d, UUID::fromString)).toList(),
                        params.get("offlineReference")))));
    }

    @PostMapping("/procurements/{procurementId}/award")
    String award(@PathVariable String id, @PathVariable String procurementId, @RequestParam Map<String, String> params,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        UUID procurement = RecordNotFoundException.idOf("Procurement", procurementId);
        return act(projectId, "procurements", params, model, locale, redirect, response, () -> procurements.award(projectId,
                procurement, validator.valid(new ConstructionRequests.Award(params.get("awardSupplier"),
                        date("awardedOn", params.get("awardedOn"))))));
    }

    @PostMapping("/contracts")
    String contract(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        return act(projectId, "contracts", params, model, locale, redirect, response, () -> {
            Contracts.Recorded recorded = contracts.record(projectId, validator.valid(new ConstructionRequests.NewContract(
                    params.get("contractor"), params.get("subject"), parsed("kind", params.get("kind"), ContractKind::valueOf),
                    decimal("amount", params.get("amount")), date("signedOn", params.get("signedOn")),
                    parsed("procurementId", params.get("procurementId"), UUID::fromString))));
            redirect.addFlashAttribute("warnings", recorded.warnings().stream().map(w -> citations.view(w, locale)).toList());
            return recorded;
        });
    }

    @PostMapping("/milestones")
    String plan(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        return act(projectId, "milestones", params, model, locale, redirect, response, () -> milestones.plan(projectId,
                validator.valid(new PlannedMilestone(params.get("name"), date("plannedOn", params.get("plannedOn"))))));
    }

    @PostMapping("/milestones/{milestoneId}/reached")
    String reached(@PathVariable String id, @PathVariable String milestoneId, @RequestParam Map<String, String> params,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        UUID milestone = RecordNotFoundException.idOf("Milestone", milestoneId);
        return act(projectId, "milestones", params, model, locale, redirect, response, () -> milestones.reach(projectId,
                milestone, validator.valid(new ConstructionRequests.MilestoneReached(date("reachedOn", params.get("reachedOn"))))
                        .reachedOn()));
    }

    @PostMapping("/milestones/{milestoneId}/delete")
    String unplan(@PathVariable String id, @PathVariable String milestoneId, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        UUID milestone = RecordNotFoundException.idOf("Milestone", milestoneId);
        return act(projectId, "milestones", Map.of(), model, locale, redirect, response, () -> {
            milestones.unplan(projectId, milestone);
            return milestone;
        });
    }

    @PostMapping("/progress-reports")
    String report(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        return act(projectId, "reports", params, model, locale, redirect, response, () -> reports.file(projectId,
                validator.valid(new ConstructionRequests.NewProgressReport(date("periodStart", params.get("periodStart")),
                        date("periodEnd", params.get("periodEnd")), integer("percentComplete", params.get("percentComplete")),
                        params.get("workDone"), params.get("problems"), params.get("nextSteps")))));
    }

    @PostMapping("/incidents")
    String incident(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        return act(projectId, "incidents", params, model, locale, redirect, response, () -> incidents.report(projectId,
                validator.valid(new ConstructionRequests.NewIncident(parsed("kind", params.get("kind"), IncidentKind::valueOf),
                        date("occurredOn", params.get("occurredOn")), params.get("facts"), params.get("measures")))));
    }

    @PostMapping("/rectification-orders/{orderId}/report")
    String rectified(@PathVariable String id, @PathVariable String orderId, @RequestParam Map<String, String> params,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = unit(id);
        UUID order = RecordNotFoundException.idOf("RectificationOrder", orderId);
        return act(projectId, "orders", params, model, locale, redirect, response, () -> orders.report(projectId, order,
                validator.valid(new ConstructionRequests.RectificationReport(params.get("rectification"),
                        longValue("version", params.get("version"))))));
    }

    // the approval authority

    @PostMapping("/rectification-orders")
    String order(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = authority(id);
        return act(projectId, "orders", params, model, locale, redirect, response, () -> orders.order(projectId,
                validator.valid(new ConstructionRequests.NewRectificationOrder(params.get("requirements"),
                        date("deadline", params.get("deadline")),
                        parsed("incidentId", params.get("incidentId"), UUID::fromString)))));
    }

    @PostMapping("/rectification-orders/{orderId}/review")
    String review(@PathVariable String id, @PathVariable String orderId, @RequestParam Map<String, String> params,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = authority(id);
        UUID order = RecordNotFoundException.idOf("RectificationOrder", orderId);
        return act(projectId, "orders", params, model, locale, redirect, response, () -> orders.review(projectId, order,
                validator.valid(new ConstructionRequests.RectificationReview(
                        parsed("accepted", params.get("accepted"), Boolean::valueOf), params.get("opinion"),
                        longValue("version", params.get("version"))))));
    }

    @PostMapping("/suspension")
    String suspend(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = authority(id);
        return act(projectId, "suspension", params, model, locale, redirect, response, () -> projects.suspend(projectId,
                validator.valid(new ConstructionRequests.Reasoned(params.get("reason"))).reason().strip()));
    }

    @PostMapping("/resumption")
    String resume(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = authority(id);
        return act(projectId, "suspension", params, model, locale, redirect, response, () -> projects.resume(projectId,
                validator.valid(new ConstructionRequests.Reasoned(params.get("reason"))).reason().strip()));
    }

    private UUID unit(String id) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        projects.requireConstructionUnit(projects.get(projectId));
        return projectId;
    }

    private UUID authority(String id) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        projects.requireAuthority(projects.get(projectId));
        return projectId;
    }

    /** Runs the action; on success back to the page at the form's section, else the page with the refusal. */
    private String act(UUID projectId, String section, Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response, Supplier<Object> action) {
        if (refusals.attempt(model, locale, response, FieldMessage::new, action)) {
            redirect.addFlashAttribute("done", section);
            return "redirect:/projects/" + projectId + "/construction#" + section;
        }
        return page(projectId, model, locale, form, section, 0, 0, 0);
    }

    /** A field error as the page shows it: the field's label key is {@code construction.field.<field>}. */
    record FieldMessage(String field, String message) {

        public String labelKey() {
            return "construction.field." + field.replaceAll("\\[\\d+]", "").replaceAll("\\..*", "");
        }
    }

    /**
     * The milestones on a bar from the start of construction (before it, the approval) to the planned
     * completion: where each was planned and where it was (or, unreached, now is) reached, in percent of the bar.
     */
    record Timeline(LocalDate from, LocalDate to, double todayPercent, List<Bar> bars) {

        static Timeline of(Project project, List<Milestone> milestones, LocalDate today) {
            LocalDate from = project.constructionStartedOn() != null ? project.constructionStartedOn() : project.approvedOn();
            LocalDate to = project.plannedCompletion() != null ? project.plannedCompletion()
                    : from == null ? null : from.plusMonths(project.approvedConstructionPeriodMonths());
            if (from == null || to == null || !to.isAfter(from)) {
                return null;
            }
            long span = ChronoUnit.DAYS.between(from, to);
            Function<LocalDate, Double> at = d -> Math.max(0, Math.min(100, ChronoUnit.DAYS.between(from, d) * 100.0 / span));
            List<Bar> bars = milestones.stream().map(m -> new Bar(m, at.apply(m.plannedOn()),
                    m.reached() ? at.apply(m.reachedOn()) : null, m.daysLate(today),
                    m.reached() ? (m.reachedOn().isAfter(m.plannedOn()) ? "late" : "on-time")
                            : today.isAfter(m.plannedOn()) ? "overdue" : "pending")).toList();
            return new Timeline(from, to, at.apply(today), bars);
        }

        /** One milestone: {@code state} is on-time, late, overdue or pending. */
        record Bar(Milestone milestone, double plannedPercent, Double actualPercent, long daysLate, String state) {

            public String plannedStyle() {
                return "left: " + String.format(Locale.ROOT, "%.2f", plannedPercent) + "%";
            }

            public String actualStyle() {
                return actualPercent == null ? null : "left: " + String.format(Locale.ROOT, "%.2f", actualPercent) + "%";
            }

            public String gapStyle() {
                if (actualPercent == null) {
                    return null;
                }
                double a = Math.min(plannedPercent, actualPercent);
                double b = Math.max(plannedPercent, actualPercent);
                return String.format(Locale.ROOT, "left: %.2f%%; width: %.2f%%", a, b - a);
            }
        }
    }





}
