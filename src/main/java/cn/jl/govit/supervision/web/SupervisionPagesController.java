package cn.jl.govit.supervision.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.obligation.Obligation;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.FormFields;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.supervision.FindingStatus;
import cn.jl.govit.supervision.ReviewDecision;
import cn.jl.govit.supervision.SupervisionArea;
import cn.jl.govit.supervision.SupervisionFinding;
import cn.jl.govit.supervision.SupervisionFindingSource;
import cn.jl.govit.supervision.SupervisionFindings;
import cn.jl.govit.supervision.SupervisionRequests;

/**
 * The supervision pages: a project's findings ({@code /projects/{id}/findings}) for everyone who sees the project,
 * with the raise form for a supervising body (its own areas only), the unit's rectification form and the raising
 * body's review and withdrawal forms; and the list across projects ({@code /findings}). Authorisation is the
 * service's; a refused form renders the page again with its errors or rules next to it, input kept.
 */
@Controller
class SupervisionPagesController {

    private static final int LIST_SIZE = 20;

    private final SupervisionFindings findings;
    private final Documents documents;
    private final RequestValidator validator;
    private final FormRefusals refusals;
    private final MessageSource messages;

    SupervisionPagesController(SupervisionFindings findings, Documents documents, RequestValidator validator,
            FormRefusals refusals, MessageSource messages) {
        this.messages = messages;
        this.findings = findings;
        this.documents = documents;
        this.validator = validator;
        this.refusals = refusals;
    }

    /**
     * {@code ?obligation=<id>} (the link on an overdue row of the obligations list) prefills the raise form: the
     * finding cites that obligation, its facts say which one and since when, in the reader's language.
     */
    @GetMapping("/projects/{id}/findings")
    String page(@PathVariable String id, @RequestParam(required = false) String obligation, Model model,
            Locale locale) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        Map<String, String> form = Map.of();
        String failed = null;
        UUID cited = obligation == null ? null : parsedId(obligation);
        if (cited != null && !findings.myAreas().isEmpty()) {
            Obligation o = findings.obligationsOf(projectId).get(cited);
            if (o != null) {
                form = Map.of("sourceRef", o.id().toString(), "facts", messages.getMessage("supervision.obligation.facts",
                        new Object[] {messages.getMessage("enum.ObligationType." + o.type().name(), null, o.type().name(), locale),
                                o.subject(), o.dueDate().toString(), o.rule()}, locale));
                failed = "prefill";
            }
        }
        return page(projectId, model, form, failed);
    }

    private static UUID parsedId(String value) {
        try {
            return UUID.fromString(value.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String page(UUID projectId, Model model, Map<String, String> form, String failed) {
        List<SupervisionFinding> found = findings.forProject(projectId);
        Project project = findings.project(projectId);
        List<StoredDocument> docs = documents.list(projectId);
        Map<UUID, String> names = new LinkedHashMap<>();
        docs.forEach(d -> names.put(d.id(), d.title() != null ? d.title() : d.filename()));
        Map<UUID, Boolean> raiser = new LinkedHashMap<>();
        found.forEach(f -> raiser.put(f.id(), findings.isRaiser(f)));
        model.addAttribute("project", project);
        model.addAttribute("findings", found);
        model.addAttribute("raiser", raiser);
        model.addAttribute("unit", findings.isUnit(project));
        model.addAttribute("areas", findings.myAreas());
        model.addAttribute("decisions", ReviewDecision.values());
        model.addAttribute("documents", docs);
        model.addAttribute("documentNames", names);
        model.addAttribute("today", findings.today());
        model.addAttribute("defaultDue", findings.defaultRectificationDue());
        Map<UUID, Obligation> obligations = findings.obligationsOf(projectId);
        model.addAttribute("obligations", obligations);
        List<Obligation> overdue = findings.myAreas().isEmpty() ? List.of() : findings.overdueObligations(projectId);
        model.addAttribute("overdueObligations", overdue);
        UUID chosen = form.get("sourceRef") == null ? null : parsedId(form.get("sourceRef"));
        Obligation other = chosen == null ? null : obligations.get(chosen);
        model.addAttribute("citedOther", other != null && !overdue.contains(other) ? other : null);
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        return "supervision/project";
    }

    @PostMapping("/projects/{id}/findings")
    String raise(@PathVariable String id, @RequestParam Map<String, String> form,
            @RequestParam(name = "evidenceDocumentIds", required = false) List<String> evidence, Model model,
            Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        // citing an overdue obligation of the project makes it an OBLIGATION finding; else the body's own
        String ref = FormFields.text(form.get("sourceRef"));
        SupervisionFindingSource source = ref == null ? SupervisionFindingSource.DIRECT : SupervisionFindingSource.OBLIGATION;
        findings.checkMayRaise(projectId, source);
        return act(projectId, "raise", form, model, locale, redirect, response, () -> findings.raise(projectId,
                validator.valid(new SupervisionRequests.NewFinding(
                        FormFields.enumValue(SupervisionArea.class, "area", form.get("area")), FormFields.text(form.get("facts")),
                        ids(evidence), FormFields.date("rectificationDue", form.get("rectificationDue")), source,
                        ref == null ? null : FormFields.uuid("sourceRef", ref)))));
    }

    @PostMapping("/projects/{id}/findings/{fid}/rectification")
    String rectify(@PathVariable String id, @PathVariable String fid, @RequestParam Map<String, String> form,
            @RequestParam(name = "evidenceDocumentIds", required = false) List<String> evidence, Model model,
            Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID finding = ofProject(projectId, fid);
        findings.checkMayRectify(finding);
        return act(projectId, "rectify-" + finding, form, model, locale, redirect, response, () -> findings.rectify(finding,
                validator.valid(new SupervisionRequests.Rectification(
                        FormFields.date("rectifiedOn", form.get("rectifiedOn")), FormFields.text(form.get("summary")),
                        ids(evidence)))));
    }

    @PostMapping("/projects/{id}/findings/{fid}/review")
    String review(@PathVariable String id, @PathVariable String fid, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID finding = ofProject(projectId, fid);
        findings.checkMayReview(finding);
        return act(projectId, "review-" + finding, form, model, locale, redirect, response, () -> findings.review(finding,
                validator.valid(new SupervisionRequests.Review(
                        FormFields.enumValue(ReviewDecision.class, "decision", form.get("decision")),
                        FormFields.text(form.get("opinion"))))));
    }

    @PostMapping("/projects/{id}/findings/{fid}/withdrawal")
    String withdraw(@PathVariable String id, @PathVariable String fid, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID finding = ofProject(projectId, fid);
        findings.checkMayReview(finding);
        return act(projectId, "withdraw-" + finding, form, model, locale, redirect, response, () -> findings.withdraw(finding,
                validator.valid(new SupervisionRequests.Withdrawal(FormFields.text(form.get("reason"))))));
    }

    /** The provincial bodies (all findings) and the departments (their projects'), filtered by status and area. */
    @GetMapping("/findings")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String area,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "0") int page, Model model) {
        FindingStatus statusFilter = FormFields.filter(FindingStatus.class, status);
        SupervisionArea areaFilter = FormFields.filter(SupervisionArea.class, area);
        SupervisionFindingSource sourceFilter = FormFields.filter(SupervisionFindingSource.class, source);
        var result = findings.page(statusFilter, areaFilter, overdue, sourceFilter, page, LIST_SIZE);
        Map<UUID, Project> projectsById = new LinkedHashMap<>();
        result.content().forEach(f -> projectsById.computeIfAbsent(f.projectId(), findings::project));
        model.addAttribute("result", result);
        model.addAttribute("projects", projectsById);
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.name());
        model.addAttribute("area", areaFilter == null ? "" : areaFilter.name());
        model.addAttribute("overdue", overdue);
        model.addAttribute("source", sourceFilter == null ? "" : sourceFilter.name());
        model.addAttribute("sources", SupervisionFindingSource.values());
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("allAreas", SupervisionArea.values());
        return "supervision/list";
    }

    private String act(UUID projectId, String section, Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response, Supplier<Object> action) {
        if (refusals.attempt(model, locale, response, FieldMessage::new, action)) {
            redirect.addFlashAttribute("done", section.replaceAll("-[0-9a-f-]{36}$", ""));
            return "redirect:/projects/" + projectId + "/findings";
        }
        return page(projectId, model, form, section);
    }

    private UUID ofProject(UUID projectId, String findingId) {
        UUID id = RecordNotFoundException.idOf("SupervisionFinding", findingId);
        if (!findings.get(id).projectId().equals(projectId)) {
            throw new RecordNotFoundException("SupervisionFinding", id);
        }
        return id;
    }

    private static List<UUID> ids(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> FormFields.uuid("evidenceDocumentIds", v)).toList();
    }


    /** A field error as the page shows it: the field's label key is {@code supervision.field.<field>}. */
    record FieldMessage(String field, String message) {

        public String labelKey() {
            return "supervision.field." + field.replaceAll("\\[\\d+\\]$", "");
        }
    }
}
