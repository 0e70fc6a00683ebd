package cn.jl.govit.acceptance.web;

import static cn.jl.govit.rulebook.FormFields.date;
import static cn.jl.govit.rulebook.FormFields.integer;
import static cn.jl.govit.rulebook.FormFields.text;
import static cn.jl.govit.rulebook.FormFields.uuid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.acceptance.AcceptanceExtensions;
import cn.jl.govit.acceptance.FinalAcceptanceOutcome;
import cn.jl.govit.acceptance.FinalAcceptances;
import cn.jl.govit.acceptance.FinalAcceptanceMaterial;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;

/**
 * The final acceptance page of a project (Art. 24, 26, 27, Annex 4): the conditions of Annex 4 §4, the materials
 * checklist and application form for the construction unit, the applications with their results, the committee with
 * its experts' opinions, and the forms of the approval authority (form the committee, delegate, decide) — or of the
 * unit deciding by delegation; read only for every other reader. And the authority's queue of pending applications.
 * Every decision is the service's.
 */
@Controller
class FinalAcceptancePagesController {

    static final String CHECKLIST_MARKER = "checklist";

    private final FinalAcceptances acceptances;
    private final AcceptanceExtensions extensions;
    private final Documents documents;
    private final Organizations organizations;
    private final FormRefusals refusals;

    FinalAcceptancePagesController(FinalAcceptances acceptances, AcceptanceExtensions extensions, Documents documents,
            Organizations organizations, FormRefusals refusals) {
        this.acceptances = acceptances;
        this.extensions = extensions;
        this.documents = documents;
        this.organizations = organizations;
        this.refusals = refusals;
    }

    /**
     * The page; an htmx request for the checklist alone (the software switch) gets the checklist with the unit's
     * selections kept.
     */
    @GetMapping("/projects/{id}/final-acceptance")
    String page(@PathVariable String id, @RequestParam Map<String, String> form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        String view = page(projectId, model, form, null);
        return htmx != null ? view + " :: checklist" : view;
    }

    @PostMapping("/projects/{id}/final-acceptance/application")
    String apply(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        acceptances.checkMayApply(projectId);
        return act(projectId, "application", form, model, locale, redirect, response, () -> {
            List<FinalAcceptances.MaterialInput> materials = new ArrayList<>();
            for (FinalAcceptanceMaterial m : acceptances.checklist(true, true).stream()
                    .map(FinalAcceptances.ChecklistItem::material).toList()) {
                UUID document = uuid("material." + m.code(), form.get("material." + m.code()));
                if (document != null) {
                    materials.add(new FinalAcceptances.MaterialInput(m.code(), document));
                }
            }
            return acceptances.apply(projectId, software(form), materials);
        });
    }

    @PostMapping("/projects/{id}/final-acceptance/committee")
    String committee(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        acceptances.checkAuthority(projectId);
        return act(projectId, "committee", form, model, locale, redirect, response, () -> {
            List<String> named = Arrays.stream(form.getOrDefault("experts", "").split("[,，\\s]+"))
                    .filter(s -> !s.isBlank()).toList();
            Integer size = named.isEmpty() ? integer("size", form.get("size")) : null;
            return acceptances.formCommittee(projectId, size, named.isEmpty() ? null : named);
        });
    }

    @PostMapping("/projects/{id}/final-acceptance/result")
    String result(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        acceptances.checkMayDecide(projectId);
        return act(projectId, "result", form, model, locale, redirect, response,
                () -> acceptances.decide(projectId, outcome(form.get("outcome")), date("decidedOn", form.get("decidedOn")),
                        text(form.get("opinion")), uuid("reportDocumentId", form.get("reportDocumentId"))));
    }

    @PostMapping("/projects/{id}/final-acceptance/delegation")
    String delegate(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        acceptances.checkAuthority(projectId);
        return act(projectId, "delegation", form, model, locale, redirect, response,
                () -> acceptances.delegate(projectId, form.get("reason")));
    }

    /** The authority's queue: pending final acceptance applications, and pending extension applications. */
    @GetMapping("/acceptance/applications")
    String queue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int extensionPage,
            Model model, Locale locale) {
        PageOf<FinalAcceptances.Pending> list = acceptances.pending(Paging.of(page, Paging.DEFAULT_SIZE));
        PageOf<AcceptanceExtensions.Pending> extensionList = extensions.pending(Paging.of(extensionPage, Paging.DEFAULT_SIZE));
        Map<String, String> units = new LinkedHashMap<>();
        list.content().forEach(p -> units.computeIfAbsent(p.project().leadOrganizationCode(),
                code -> organizations.find(code).map(o -> o.name(locale)).orElse(code)));
        extensionList.content().forEach(p -> units.computeIfAbsent(p.project().leadOrganizationCode(),
                code -> organizations.find(code).map(o -> o.name(locale)).orElse(code)));
        model.addAttribute("list", list);
        model.addAttribute("extensions", extensionList);
        model.addAttribute("units", units);
        return "acceptance/applications";
    }

    /** Runs the action; on success back to the page at the form's section, else the page with the refusal. */
    private String act(UUID projectId, String section, Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response, Supplier<Object> action) {
        if (refusals.attempt(model, locale, response, FieldMessage::new, action)) {
            redirect.addFlashAttribute("done", section);
            return "redirect:/projects/" + projectId + "/final-acceptance#" + section;
        }
        return page(projectId, model, form, section);
    }

    private String page(UUID projectId, Model model, Map<String, String> form, String failed) {
        FinalAcceptances.Overview overview = acceptances.overview(projectId);
        Project project = overview.project();
        // a first visit offers the full list (software developed); a submitted form says what the unit chose
        boolean software = form.containsKey(CHECKLIST_MARKER) ? Boolean.TRUE.equals(software(form)) : true;
        List<StoredDocument> docs = documents.list(projectId);
        Map<UUID, StoredDocument> documentsById = new HashMap<>();
        docs.forEach(d -> documentsById.put(d.id(), d));
        // a material's select starts at the latest document uploaded with the material's code
        Map<String, String> selected = new HashMap<>();
        docs.forEach(d -> {
            if (d.code() != null) {
                selected.putIfAbsent(d.code(), d.id().toString()); // newest first
            }
        });
        // a select the form sent wins, "(none)" included; a disabled (not applicable) one sends nothing
        form.forEach((k, v) -> {
            if (k.startsWith("material.")) {
                String code = k.substring("material.".length());
                if (v == null || v.isBlank()) {
                    selected.remove(code);
                }
                else {
                    selected.put(code, v);
                }
            }
        });
        model.addAttribute("selected", selected);
        model.addAttribute("project", project);
        model.addAttribute("overview", overview);
        model.addAttribute("today", acceptances.today());
        model.addAttribute("softwareDeveloped", software);
        model.addAttribute("checklist", acceptances.checklist(software, project.facts().classified()));
        model.addAttribute("documents", docs);
        model.addAttribute("documentsById", documentsById);
        model.addAttribute("canApply", acceptances.canApply(project));
        model.addAttribute("canFormCommittee", acceptances.canFormCommittee(project));
        model.addAttribute("canDecide", acceptances.canDecide(project));
        model.addAttribute("canDelegate", acceptances.canDelegate(project));
        model.addAttribute("outcomes", FinalAcceptanceOutcome.values());
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        return "acceptance/final";
    }

    /** A field error as the page shows it: the label key is {@code acceptance.final.field.<field>}. */
    record FieldMessage(String field, String message) {

        public String labelKey() {
            String base = field.replaceAll("\\[\\d+]", "").replaceAll("\\..*", "");
            return "acceptance.final.field." + base;
        }
    }

    /**
     * The checkbox is sent only when checked; the hidden marker of the checklist form tells an unchecked box ({@code
     * false}) from a request without the form ({@code null}, which the service refuses with {@code 400}).
     */
    private static Boolean software(Map<String, String> form) {
        if (!form.containsKey(CHECKLIST_MARKER)) {
            return null;
        }
        return "true".equals(form.get("softwareDeveloped"));
    }


    private static FinalAcceptanceOutcome outcome(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return FinalAcceptanceOutcome.valueOf(text.strip());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", "problem.field.invalid");
        }
    }



}
