package cn.jl.govit.supervision.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.FormFields;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.supervision.Sanction;
import cn.jl.govit.supervision.SanctionKind;
import cn.jl.govit.supervision.SanctionRequests;
import cn.jl.govit.supervision.SanctionStatus;
import cn.jl.govit.supervision.Sanctions;
import cn.jl.govit.supervision.SupervisionFinding;
import cn.jl.govit.supervision.SupervisionFindings;

/**
 * The sanction pages: a project's sanctions ({@code /projects/{id}/sanctions}) with the form to impose one — the
 * kinds the body may impose, citing a finding whose rectification was refused or is overdue, or a violation record —
 * and the lifting form for the body that imposed it; the list across projects ({@code /sanctions}); and the public
 * criticism notices ({@code /sanctions/notices}) that every signed-in user reads. Authorisation is the service's.
 */
@Controller
class SanctionPagesController {

    private static final int LIST_SIZE = 20;

    private final Sanctions sanctions;
    private final SupervisionFindings findings;
    private final Organizations organizations;
    private final RequestValidator validator;
    private final FormRefusals refusals;

    SanctionPagesController(Sanctions sanctions, SupervisionFindings findings, Organizations organizations,
            RequestValidator validator, FormRefusals refusals) {
        this.sanctions = sanctions;
        this.findings = findings;
        this.organizations = organizations;
        this.validator = validator;
        this.refusals = refusals;
    }

    @GetMapping("/projects/{id}/sanctions")
    String page(@PathVariable String id, Model model, Locale locale) {
        return page(RecordNotFoundException.idOf("Project", id), model, locale, Map.of(), null);
    }

    private String page(UUID projectId, Model model, Locale locale, Map<String, String> form, String failed) {
        List<Sanction> all = sanctions.forProject(projectId);
        Project project = sanctions.project(projectId);
        Map<UUID, SupervisionFinding> cited = new HashMap<>();
        findings.forProject(projectId).forEach(f -> cited.put(f.id(), f));
        Map<UUID, Boolean> liftable = new LinkedHashMap<>();
        all.forEach(s -> liftable.put(s.id(), s.active() && s.kind() != SanctionKind.TERMINATE && sanctions.mayLift(s)));
        model.addAttribute("project", project);
        model.addAttribute("sanctions", all);
        model.addAttribute("findingsById", cited);
        model.addAttribute("liftable", liftable);
        model.addAttribute("kinds", sanctions.kindsFor(project));
        model.addAttribute("warranting", sanctions.warrantingFindings(projectId));
        model.addAttribute("recordedViolations", sanctions.recordedViolations(projectId));
        model.addAttribute("names", names(locale));
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        return "supervision/sanctions";
    }

    /** The basis is one select: {@code finding:<id>} (Art. 31) or {@code violation:<id>} (Art. 33). */
    @PostMapping("/projects/{id}/sanctions")
    String impose(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        sanctions.checkMayImpose(projectId);
        return act(projectId, "impose", form, model, locale, redirect, response, () -> {
            String basis = FormFields.text(form.get("basis"));
            UUID finding = basis != null && basis.startsWith("finding:")
                    ? FormFields.uuid("findingId", basis.substring("finding:".length())) : null;
            UUID violation = basis != null && basis.startsWith("violation:")
                    ? FormFields.uuid("violationId", basis.substring("violation:".length())) : null;
            return sanctions.impose(projectId, validator.valid(new SanctionRequests.NewSanction(
                    FormFields.enumValue(SanctionKind.class, "kind", form.get("kind")), finding, violation,
                    FormFields.text(form.get("reason")))));
        });
    }

    @PostMapping("/projects/{id}/sanctions/{sid}/lifting")
    String lift(@PathVariable String id, @PathVariable String sid, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID sanctionId = RecordNotFoundException.idOf("Sanction", sid);
        if (!sanctions.checkMayLift(sanctionId).projectId().equals(projectId)) {
            throw new RecordNotFoundException("Sanction", sanctionId);
        }
        return act(projectId, "lift-" + sanctionId, form, model, locale, redirect, response, () -> sanctions.lift(
                sanctionId, validator.valid(new SanctionRequests.Lifting(FormFields.text(form.get("reason"))))));
    }

    @GetMapping("/sanctions")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        SanctionKind kindFilter = FormFields.filter(SanctionKind.class, kind);
        SanctionStatus statusFilter = FormFields.filter(SanctionStatus.class, status);
        var result = sanctions.page(kindFilter, statusFilter, page, LIST_SIZE);
        Map<UUID, Project> projects = new LinkedHashMap<>();
        result.content().forEach(s -> projects.computeIfAbsent(s.projectId(), sanctions::project));
        model.addAttribute("result", result);
        model.addAttribute("projects", projects);
        model.addAttribute("kind", kindFilter == null ? "" : kindFilter.name());
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.name());
        model.addAttribute("allKinds", SanctionKind.values());
        model.addAttribute("statuses", SanctionStatus.values());
        model.addAttribute("names", names(locale));
        return "supervision/sanctions-list";
    }

    @GetMapping("/sanctions/notices")
    String notices(@RequestParam(defaultValue = "false") boolean includeLifted,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        model.addAttribute("result", sanctions.notices(includeLifted, page, LIST_SIZE));
        model.addAttribute("includeLifted", includeLifted);
        model.addAttribute("names", names(locale));
        return "supervision/sanction-notices";
    }

    private String act(UUID projectId, String section, Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response, Supplier<Object> action) {
        if (refusals.attempt(model, locale, response, FieldMessage::new, action)) {
            redirect.addFlashAttribute("done", section.replaceAll("-[0-9a-f-]{36}$", ""));
            return "redirect:/projects/" + projectId + "/sanctions";
        }
        return page(projectId, model, locale, form, section);
    }

    private Map<String, String> names(Locale locale) {
        Map<String, String> names = new HashMap<>();
        for (Organization o : organizations.all()) {
            names.put(o.code(), o.name(locale));
        }
        return names;
    }


    record FieldMessage(String field, String message) {

        public String labelKey() {
            return "sanction.field." + field;
        }
    }
}
