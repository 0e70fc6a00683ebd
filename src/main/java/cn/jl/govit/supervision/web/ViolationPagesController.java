package cn.jl.govit.supervision.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.FormFields;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.supervision.ViolationKind;
import cn.jl.govit.supervision.ViolationRecord;
import cn.jl.govit.supervision.ViolationRecords;
import cn.jl.govit.supervision.ViolationRequests;
import cn.jl.govit.supervision.ViolationStatus;

/**
 * The violation pages: a project's records with their referrals ({@code /projects/{id}/violations}) for everyone
 * who sees the project, with the record form for whoever has standing (the kinds it may record) and the referral
 * and withdrawal forms for the recording body; and the list across projects ({@code /violations}). Authorisation
 * is the service's; a refused form renders the page again with its errors or rules next to it, input kept.
 */
@Controller
class ViolationPagesController {

    private static final int LIST_SIZE = 20;

    private final ViolationRecords violations;
    private final Documents documents;
    private final RequestValidator validator;
    private final FormRefusals refusals;
    private final Organizations organizations;

    ViolationPagesController(ViolationRecords violations, Documents documents, RequestValidator validator,
            FormRefusals refusals, Organizations organizations) {
        this.organizations = organizations;
        this.violations = violations;
        this.documents = documents;
        this.validator = validator;
        this.refusals = refusals;
    }

    @GetMapping("/projects/{id}/violations")
    String page(@PathVariable String id, Model model, Locale locale) {
        return page(RecordNotFoundException.idOf("Project", id), model, Map.of(), null, locale);
    }

    /** The bodies' names in the reader's language, by organisation code. */
    private Map<String, String> bodyNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        organizations.all().forEach(o -> names.put(o.code(), o.name(locale)));
        return names;
    }

    private String page(UUID projectId, Model model, Map<String, String> form, String failed, Locale locale) {
        List<ViolationRecord> records = violations.forProject(projectId);
        Project project = violations.project(projectId);
        List<StoredDocument> docs = documents.list(projectId);
        Map<UUID, String> names = new LinkedHashMap<>();
        docs.forEach(d -> names.put(d.id(), d.title() != null ? d.title() : d.filename()));
        Map<UUID, Boolean> recorder = new LinkedHashMap<>();
        records.forEach(r -> recorder.put(r.id(), violations.isRecorder(r)));
        model.addAttribute("project", project);
        model.addAttribute("records", records);
        model.addAttribute("recorder", recorder);
        model.addAttribute("kinds", violations.kindsFor(project));
        model.addAttribute("documents", docs);
        model.addAttribute("documentNames", names);
        model.addAttribute("today", violations.today());
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        model.addAttribute("bodyNames", bodyNames(locale));
        return "supervision/violations";
    }

    @PostMapping("/projects/{id}/violations")
    String record(@PathVariable String id, @RequestParam Map<String, String> form,
            @RequestParam(name = "evidenceDocumentIds", required = false) List<String> evidence, Model model,
            Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        violations.checkMayRecord(projectId);
        return act(projectId, "record", form, model, locale, redirect, response, () -> violations.record(projectId,
                validator.valid(new ViolationRequests.NewViolation(
                        FormFields.enumValue(ViolationKind.class, "kind", form.get("kind")),
                        FormFields.text(form.get("facts")), ids(evidence),
                        FormFields.date("occurredOn", form.get("occurredOn"))))));
    }

    @PostMapping("/projects/{id}/violations/{vid}/referrals")
    String refer(@PathVariable String id, @PathVariable String vid, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID record = ofProject(projectId, vid);
        violations.checkMayAct(record);
        return act(projectId, "refer-" + record, form, model, locale, redirect, response, () -> violations.refer(record,
                validator.valid(new ViolationRequests.Referral(FormFields.text(form.get("referredTo")),
                        FormFields.text(form.get("matter")), FormFields.date("referredOn", form.get("referredOn"))))));
    }

    @PostMapping("/projects/{id}/violations/{vid}/withdrawal")
    String withdraw(@PathVariable String id, @PathVariable String vid, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID record = ofProject(projectId, vid);
        violations.checkMayAct(record);
        return act(projectId, "withdraw-" + record, form, model, locale, redirect, response, () -> violations.withdraw(record,
                validator.valid(new ViolationRequests.Withdrawal(FormFields.text(form.get("reason"))))));
    }

    /** The provincial bodies (all records) and the departments (their projects'), filtered by kind and status. */
    @GetMapping("/violations")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        ViolationKind kindFilter = FormFields.filter(ViolationKind.class, kind);
        ViolationStatus statusFilter = FormFields.filter(ViolationStatus.class, status);
        PageOf<ViolationRecord> result = violations.page(kindFilter, statusFilter, page, LIST_SIZE);
        Map<UUID, Project> projectsById = new LinkedHashMap<>();
        result.content().forEach(v -> projectsById.computeIfAbsent(v.projectId(), violations::project));
        model.addAttribute("result", result);
        model.addAttribute("projects", projectsById);
        model.addAttribute("kind", kindFilter == null ? "" : kindFilter.name());
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.name());
        model.addAttribute("allKinds", ViolationKind.values());
        model.addAttribute("statuses", ViolationStatus.values());
        model.addAttribute("bodyNames", bodyNames(locale));
        return "supervision/violations-list";
    }

    private String act(UUID projectId, String section, Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response, Supplier<Object> action) {
        if (refusals.attempt(model, locale, response, FieldMessage::new, action)) {
            redirect.addFlashAttribute("done", section.replaceAll("-[0-9a-f-]{36}$", ""));
            return "redirect:/projects/" + projectId + "/violations";
        }
        return page(projectId, model, form, section, locale);
    }

    private UUID ofProject(UUID projectId, String recordId) {
        UUID id = RecordNotFoundException.idOf("ViolationRecord", recordId);
        if (!violations.get(id).projectId().equals(projectId)) {
            throw new RecordNotFoundException("ViolationRecord", id);
        }
        return id;
    }

    private static List<UUID> ids(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> FormFields.uuid("evidenceDocumentIds", v)).toList();
    }


    /** A field error as the page shows it: the field's label key is {@code violation.field.<field>}. */
    record FieldMessage(String field, String message) {

        public String labelKey() {
            return "violation.field." + field.replaceAll("\\[\\d+\\]$", "");
        }
    }
}
