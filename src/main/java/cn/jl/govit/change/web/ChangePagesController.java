package cn.jl.govit.change.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.change.Baseline;
import cn.jl.govit.change.ChangeCommand;
import cn.jl.govit.change.ChangeReason;
import cn.jl.govit.change.ChangeRequests;
import cn.jl.govit.change.GovernmentDecision;
import cn.jl.govit.change.StoredChange;
import cn.jl.govit.change.web.ChangeViews.AssessmentView;
import cn.jl.govit.change.web.ChangeViews.ChangeRequestView;
import cn.jl.govit.change.web.ChangeViews.ComparisonView;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The change page of a project (Art. 23): the construction unit's assessment form with the live route (htmx as it
 * types), its change requests with their status, the authority's actions — acknowledge a filing, record the
 * provincial government's decision, decide the re-approval on the decision page — and the baselines with their
 * comparison. Every decision is the {@link ChangeRequests} service's.
 */
@Controller
class ChangePagesController {

    private static final int PAGE_SIZE = 10;

    private final ChangeRequests changes;
    private final Projects projects;
    private final CitationMessages citations;

    ChangePagesController(ChangeRequests changes, Projects projects, CitationMessages citations) {
        this.changes = changes;
        this.projects = projects;
        this.citations = citations;
    }

    @GetMapping("/projects/{id}/changes")
    String page(@PathVariable String id, @RequestParam(required = false) String page,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            Locale locale) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        Project project = projects.get(projectId);
        int pageNumber = Math.max(0, Math.min(10_000_000, parseInt(page, 0)));
        model.addAttribute("project", project);
        model.addAttribute("list", changes.forProject(projectId, pageNumber, PAGE_SIZE)
                .map(c -> ChangeRequestView.of(c, citations, locale)));
        List<Baseline> baselines = changes.baselines(projectId);
        model.addAttribute("baselines", baselines);
        model.addAttribute("mayRequest", changes.mayRequest(project));
        model.addAttribute("isAuthority", changes.isAuthority(project));
        model.addAttribute("reasons", ChangeReason.values());
        model.addAttribute("today", projects.today());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ChangeForm(null, null, "true", null, null));
        }
        int high = baselines.size();
        Integer compareFrom = from == null ? null : parseInt(from, -1);
        Integer compareTo = to == null ? null : parseInt(to, -1);
        if (compareFrom == null && compareTo == null && high > 1) {
            compareFrom = high - 1;
            compareTo = high;
        }
        if (compareFrom != null && compareTo != null) {
            try {
                model.addAttribute("comparison", ComparisonView.of(changes.compare(projectId, compareFrom, compareTo),
                        citations, locale));
            }
            catch (RecordNotFoundException e) {
                model.addAttribute("comparisonMissing", true);
            }
        }
        model.addAttribute("compareFrom", compareFrom == null ? 1 : compareFrom);
        model.addAttribute("compareTo", compareTo == null ? high : compareTo);
        return "change/changes";
    }

    /** The live route of the form as the unit types it; an htmx request gets the fragment only. */
    @PostMapping("/projects/{id}/changes/assessment")
    String assess(@PathVariable String id, ChangeForm form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale,
            HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        changes.checkMayAssess(projectId);
        model.addAttribute("project", projects.get(projectId));
        try {
            model.addAttribute("assessment", AssessmentView.of(changes.assess(projectId, form.toCommand(false)),
                    citations, locale));
        }
        catch (InvalidInputException e) {
            model.addAttribute("assessmentIncomplete", true);
        }
        if ("true".equals(htmx)) {
            return "change/changes :: assessment";
        }
        model.addAttribute("form", form);
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/changes");
        return page(id, null, null, null, model, locale);
    }

    @PostMapping("/projects/{id}/changes")
    String request(@PathVariable String id, ChangeForm form, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        changes.checkMayRequest(projectId);
        try {
            StoredChange change = changes.request(projectId, form.toCommand(true));
            redirect.addFlashAttribute("requested", change.request().number());
            redirect.addFlashAttribute("requestedRoute", change.request().route().name());
            return "redirect:/projects/" + projectId + "/changes";
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", e.errors().stream().map(InvalidInputException.FieldError::field).toList());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("form", form);
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/changes");
        return page(id, null, null, null, model, locale);
    }

    @PostMapping("/change-requests/{id}/acknowledge")
    String acknowledge(@PathVariable String id, @RequestParam(required = false) String version, Model model,
            Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID changeId = RecordNotFoundException.idOf("ChangeRequest", id);
        StoredChange change = changes.checkAuthority(changeId);
        UUID projectId = change.request().projectId();
        try {
            changes.acknowledge(changeId, parseLong(version));
            redirect.addFlashAttribute("acknowledged", change.request().number());
            return "redirect:/projects/" + projectId + "/changes";
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/changes");
        return page(projectId.toString(), null, null, null, model, locale);
    }

    @PostMapping("/change-requests/{id}/government-decision")
    String governmentDecision(@PathVariable String id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String documentNumber, @RequestParam(required = false) String decidedOn,
            @RequestParam(required = false) String approvedTotalInvestment, @RequestParam(required = false) String version,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID changeId = RecordNotFoundException.idOf("ChangeRequest", id);
        StoredChange change = changes.checkAuthority(changeId);
        UUID projectId = change.request().projectId();
        try {
            changes.recordGovernmentDecision(changeId, parseLong(version),
                    governmentDecision(outcome, documentNumber, decidedOn, approvedTotalInvestment));
            redirect.addFlashAttribute("governmentRecorded", change.request().number());
            return "redirect:/projects/" + projectId + "/changes";
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (InvalidInputException e) {
            model.addAttribute("decisionErrors", e.errors().stream().map(InvalidInputException.FieldError::field).toList());
            model.addAttribute("decisionFor", changeId);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/changes");
        return page(projectId.toString(), null, null, null, model, locale);
    }

    private static GovernmentDecision governmentDecision(String outcome, String documentNumber, String decidedOn,
            String approvedTotal) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        boolean approved = "APPROVED".equals(outcome);
        if (!approved && !"REFUSED".equals(outcome)) {
            errors.add(new InvalidInputException.FieldError("outcome", "problem.field.required", List.of()));
        }
        String number = documentNumber == null ? "" : documentNumber.strip();
        if (number.isEmpty() || number.length() > 200 || number.indexOf('\u0000') >= 0) {
            errors.add(new InvalidInputException.FieldError("documentNumber", "problem.field.invalid", List.of()));
        }
        LocalDate date = field(errors, "decidedOn", decidedOn, LocalDate::parse);
        BigDecimal total = approved ? amount(errors, "approvedTotalInvestment", approvedTotal, false) : null;
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new GovernmentDecision(approved, number, date, total);
    }

    /** An amount as the API accepts it: at most 2 decimals, below 10^13, positive (or ≥ 0 for an adjustment). */
    static BigDecimal amount(List<InvalidInputException.FieldError> errors, String field, String value, boolean zeroAllowed) {
        BigDecimal amount = field(errors, field, value, v -> new BigDecimal(v.replace(",", "")));
        if (amount != null && (amount.scale() > 2 || amount.precision() - amount.scale() > 13
                || (zeroAllowed ? amount.signum() < 0 : amount.signum() <= 0))) {
            errors.add(new InvalidInputException.FieldError(field, "problem.field.invalid", List.of()));
            return null;
        }
        return amount;
    }

    /** A required form value read by {@code parser}; blank or unreadable is an error naming the field. */
    static <T> T field(List<InvalidInputException.FieldError> errors, String field, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            errors.add(new InvalidInputException.FieldError(field, "problem.field.required", List.of()));
            return null;
        }
        try {
            return parser.apply(value.strip());
        }
        catch (RuntimeException e) {
            errors.add(new InvalidInputException.FieldError(field, "problem.field.invalid", List.of()));
            return null;
        }
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        }
        catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Long parseLong(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        }
        catch (NumberFormatException e) {
            throw new InvalidInputException("version", "problem.field.invalid");
        }
    }

    /** The assessment form as the browser sends it; {@link #toCommand} reads it as the API would (400 otherwise). */
    record ChangeForm(String adjustmentAmount, String newTotalInvestment, String goalsUnchanged, String reason,
            String description) {

        ChangeCommand toCommand(boolean descriptionRequired) {
            List<InvalidInputException.FieldError> errors = new ArrayList<>();
            BigDecimal adjustment = amount(errors, "adjustmentAmount", adjustmentAmount, true);
            BigDecimal total = amount(errors, "newTotalInvestment", newTotalInvestment, false);
            ChangeReason ground = field(errors, "reason", reason, ChangeReason::valueOf);
            Boolean goals = field(errors, "goalsUnchanged", goalsUnchanged, v -> switch (v) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(v);
            });
            String text = description == null ? "" : description.strip();
            if ((descriptionRequired && text.isEmpty()) || text.length() > 20_000 || text.indexOf('\u0000') >= 0) {
                errors.add(new InvalidInputException.FieldError("description",
                        text.isEmpty() ? "problem.field.required" : "problem.field.invalid", List.of()));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new ChangeCommand(adjustment, total, goals, ground, text);
        }
    }
}
