package cn.jl.govit.performance.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.obligation.Obligation;
import cn.jl.govit.performance.PerformanceReport;
import cn.jl.govit.performance.PerformanceReportContent;
import cn.jl.govit.performance.PerformanceReportContent.UnitOpinion;
import cn.jl.govit.performance.PerformanceReportOutcome;
import cn.jl.govit.performance.PerformanceReports;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The annual performance report pages (Art. 20): a project's reports with the years that are due, and one report
 * with its form for the construction unit, the decision form for the approval authority and every submitted
 * version; read-only for everyone else who sees the project. Every decision is {@link PerformanceReports}'s.
 */
@Controller
class PerformanceReportPagesController {

    /** Rows for user-unit opinions beyond those already given, so that a unit can add more without script. */
    private static final int BLANK_OPINION_ROWS = 2;

    private final PerformanceReports reports;
    private final Projects projects;
    private final Documents documents;
    private final CitationMessages citations;
    private final MessageSource messages;

    PerformanceReportPagesController(PerformanceReports reports, Projects projects, Documents documents,
            CitationMessages citations, MessageSource messages) {
        this.reports = reports;
        this.projects = projects;
        this.documents = documents;
        this.citations = citations;
        this.messages = messages;
    }

    @GetMapping("/projects/{id}/performance-reports")
    String list(@PathVariable String id, Model model) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        Project project = projects.get(projectId);
        List<PerformanceReport> list = reports.forProject(projectId);
        Set<String> reported = list.stream().map(r -> String.valueOf(r.year())).collect(Collectors.toSet());
        List<Obligation> due = reports.obligations(projectId);
        model.addAttribute("project", project);
        model.addAttribute("reports", list);
        model.addAttribute("obligations", due);
        model.addAttribute("today", projects.today());
        model.addAttribute("canDraft", projects.isConstructionUnit(project));
        model.addAttribute("draftYears", due.stream().map(Obligation::subject).filter(y -> !reported.contains(y)).toList());
        return "performance/reports";
    }

    @PostMapping("/projects/{id}/performance-reports")
    String draft(@PathVariable String id, @RequestParam(required = false) String year, Model model, Locale locale,
            HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        reports.checkMayDraft(projectId);
        try {
            int chosen;
            try {
                chosen = Integer.parseInt(year == null ? "" : year.strip());
            }
            catch (NumberFormatException e) {
                throw new InvalidInputException("year", "problem.field.required");
            }
            PerformanceReport report = reports.draft(projectId, chosen, PerformanceReportContent.empty());
            return "redirect:/performance-reports/" + report.id();
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/performance-reports");
        return list(id, model);
    }

    @GetMapping("/performance-reports/{id}")
    String report(@PathVariable String id, Model model) {
        PerformanceReport report = reports.get(RecordNotFoundException.idOf("PerformanceReport", id));
        return page(report, report.content(), model);
    }

    /** Saves the form; with {@code action=submit} the saved report is then submitted to the authority. */
    @PostMapping("/performance-reports/{id}")
    String save(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID reportId = RecordNotFoundException.idOf("PerformanceReport", id);
        PerformanceReport current = reports.checkMayEdit(reportId);
        boolean submit = "submit".equals(form.getFirst("action"));
        PerformanceReportContent content = current.content();
        try {
            content = content(form);
            PerformanceReport saved = reports.revise(reportId, version(form), content);
            if (submit) {
                reports.submit(reportId, saved.version());
            }
            redirect.addFlashAttribute(submit ? "submitted" : "saved", true);
            return "redirect:/performance-reports/" + reportId;
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("canonicalUrl", "/performance-reports/" + reportId);
        return page(reports.get(reportId), content, model);
    }

    @PostMapping("/performance-reports/{id}/acceptance")
    String decide(@PathVariable String id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String opinion, @RequestParam(required = false) String version, Model model,
            Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID reportId = RecordNotFoundException.idOf("PerformanceReport", id);
        reports.checkMayDecide(reportId);
        try {
            PerformanceReportOutcome chosen = parseOutcome(outcome);
            reports.decide(reportId, parseVersion(version), chosen, opinion);
            redirect.addFlashAttribute("decided", chosen.name());
            return "redirect:/performance-reports/" + reportId;
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, locale));
            model.addAttribute("opinion", opinion);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("canonicalUrl", "/performance-reports/" + reportId);
        PerformanceReport report = reports.get(reportId);
        return page(report, report.content(), model);
    }

    private String page(PerformanceReport report, PerformanceReportContent shown, Model model) {
        Project project = projects.get(report.projectId());
        model.addAttribute("report", report);
        // "content" names the layout's fragment parameter, so the shown content goes by another name
        model.addAttribute("shown", shown);
        model.addAttribute("project", project);
        model.addAttribute("canEdit", reports.canEdit(report));
        model.addAttribute("canDecide", reports.canDecide(report));
        model.addAttribute("versions", reports.versions(report.id()));
        List<UnitOpinion> rows = new ArrayList<>(shown.userUnitOpinions());
        for (int i = 0; i < BLANK_OPINION_ROWS; i++) {
            rows.add(new UnitOpinion(null, null));
        }
        model.addAttribute("opinionRows", rows);
        List<StoredDocument> docs = documents.list(report.projectId());
        Map<UUID, String> names = new LinkedHashMap<>();
        docs.forEach(d -> names.put(d.id(), d.title() != null ? d.title() : d.filename()));
        model.addAttribute("documents", docs);
        model.addAttribute("documentNames", names);
        model.addAttribute("outcomes", PerformanceReportOutcome.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "performance/report";
    }

    /** The form's fields as report content; malformed amounts are field errors ({@code 400}). */
    private static PerformanceReportContent content(MultiValueMap<String, String> form) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        BigDecimal planned = amount(form.getFirst("plannedInvestment"), "plannedInvestment", errors);
        BigDecimal executed = amount(form.getFirst("executedInvestment"), "executedInvestment", errors);
        List<UnitOpinion> opinions = new ArrayList<>();
        for (int i = 0; form.containsKey("u" + i + ".name") || form.containsKey("u" + i + ".opinion"); i++) {
            String name = text(form.getFirst("u" + i + ".name"));
            String opinion = text(form.getFirst("u" + i + ".opinion"));
            if (name != null || opinion != null) {
                opinions.add(new UnitOpinion(name, opinion));
            }
        }
        String supervisionName = text(form.getFirst("supervisionName"));
        String supervisionOpinion = text(form.getFirst("supervisionOpinion"));
        List<UUID> attachments = new ArrayList<>();
        List<String> chosen = form.getOrDefault("attachments", List.of());
        for (int i = 0; i < chosen.size(); i++) {
            try {
                attachments.add(UUID.fromString(chosen.get(i)));
            }
            catch (IllegalArgumentException e) {
                errors.add(new InvalidInputException.FieldError("attachments[" + i + "]", "problem.field.invalid", List.of()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PerformanceReportContent(text(form.getFirst("constructionProgress")), planned, executed,
                text(form.getFirst("investmentExecution")), text(form.getFirst("trialRunEffect")),
                text(form.getFirst("problemsAndMeasures")), opinions,
                supervisionName == null && supervisionOpinion == null ? null : new UnitOpinion(supervisionName, supervisionOpinion),
                attachments);
    }

    private static BigDecimal amount(String value, String field, List<InvalidInputException.FieldError> errors) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", ""));
        }
        catch (NumberFormatException e) {
            errors.add(new InvalidInputException.FieldError(field, "performance.amount.invalid", List.of()));
            return null;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long version(MultiValueMap<String, String> form) {
        return parseVersion(form.getFirst("version"));
    }

    private static Long parseVersion(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(version.strip());
        }
        catch (NumberFormatException e) {
            throw new InvalidInputException("version", "problem.field.invalid");
        }
    }

    private static PerformanceReportOutcome parseOutcome(String outcome) {
        try {
            return PerformanceReportOutcome.valueOf(outcome == null ? "" : outcome.strip());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", "problem.field.required");
        }
    }

    private Map<String, String> errors(InvalidInputException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInputException.FieldError f : e.errors()) {
            errors.put(f.field(), messages.getMessage(f.messageKey(), MessageKey.arguments(f.args()), f.messageKey(), locale));
        }
        return errors;
    }
}
