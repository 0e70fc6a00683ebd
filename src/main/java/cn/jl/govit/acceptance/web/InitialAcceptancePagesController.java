package cn.jl.govit.acceptance.web;

import static cn.jl.govit.rulebook.FormFields.date;
import static cn.jl.govit.rulebook.FormFields.enumValue;
import static cn.jl.govit.rulebook.FormFields.text;
import static cn.jl.govit.rulebook.FormFields.uuid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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

import cn.jl.govit.acceptance.AcceptanceExtension;
import cn.jl.govit.acceptance.AcceptanceExtensionStatus;
import cn.jl.govit.acceptance.AcceptanceExtensions;
import cn.jl.govit.acceptance.AcceptanceKind;
import cn.jl.govit.acceptance.AcceptanceRectification;
import cn.jl.govit.acceptance.AcceptanceRectifications;
import cn.jl.govit.acceptance.InitialAcceptance;
import cn.jl.govit.acceptance.InitialAcceptanceResult;
import cn.jl.govit.acceptance.InitialAcceptances;
import cn.jl.govit.acceptance.SpecialAcceptanceCatalog;
import cn.jl.govit.acceptance.TrialRun;
import cn.jl.govit.acceptance.TrialRuns;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.obligation.Obligation;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;

/**
 * A project's acceptance overview (Art. 26, 27): the timeline from the start of construction to the final acceptance
 * application deadline, the initial acceptance attempts with their special acceptances, the trial run, extensions and
 * rectifications, with the forms of whoever acts on them (the unit records, the authority decides extensions); read
 * only for every other reader. Every decision is the services'.
 */
@Controller
class InitialAcceptancePagesController {

    private final InitialAcceptances initial;
    private final TrialRuns trialRuns;
    private final AcceptanceExtensions extensions;
    private final AcceptanceRectifications rectifications;
    private final SpecialAcceptanceCatalog catalog;
    private final Obligations obligations;
    private final Projects projects;
    private final Documents documents;
    private final FormRefusals refusals;
    private final RequestValidator validator;

    InitialAcceptancePagesController(InitialAcceptances initial, TrialRuns trialRuns, AcceptanceExtensions extensions,
            AcceptanceRectifications rectifications, SpecialAcceptanceCatalog catalog, Obligations obligations,
            Projects projects, Documents documents, FormRefusals refusals, RequestValidator validator) {
        this.initial = initial;
        this.trialRuns = trialRuns;
        this.extensions = extensions;
        this.rectifications = rectifications;
        this.catalog = catalog;
        this.obligations = obligations;
        this.projects = projects;
        this.documents = documents;
        this.refusals = refusals;
        this.validator = validator;
    }

    @GetMapping("/projects/{id}/acceptance")
    String overview(@PathVariable String id, Model model, Locale locale) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        return page(projectId, model, Map.of(), null);
    }

    @PostMapping("/projects/{id}/acceptance/initial")
    String recordInitial(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        initial.checkMayRecord(projectId);
        return act(projectId, "initial", form, model, locale, redirect, response, () -> {
            List<InitialPhaseRequests.SpecialAcceptanceBody> specials = new ArrayList<>();
            for (SpecialAcceptanceCatalog.SpecialAcceptance s : catalog.all()) {
                UUID doc = uuid("special." + s.code(), form.get("special." + s.code()));
                if (doc != null) {
                    specials.add(new InitialPhaseRequests.SpecialAcceptanceBody(s.code(), doc));
                }
            }
            InitialPhaseRequests.InitialAcceptanceBody body = validator.valid(new InitialPhaseRequests.InitialAcceptanceBody(
                    date("acceptedOn", form.get("acceptedOn")),
                    enumValue(InitialAcceptanceResult.class, "result", form.get("result")), specials,
                    uuid("reportDocumentId", form.get("reportDocumentId")), text(form.get("opinion"))));
            return initial.record(projectId, body.toCommand());
        });
    }

    @PostMapping("/projects/{id}/acceptance/trial-run")
    String recordTrialRun(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        trialRuns.checkMayRecord(projectId);
        return act(projectId, "trial-run", form, model, locale, redirect, response, () -> {
            InitialPhaseRequests.TrialRunBody body = validator.valid(new InitialPhaseRequests.TrialRunBody(
                    date("startedOn", form.get("startedOn")), date("stableSince", form.get("stableSince"))));
            return trialRuns.record(projectId, body.startedOn(), body.stableSince());
        });
    }

    @PostMapping("/projects/{id}/acceptance/extensions")
    String applyExtension(@PathVariable String id, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        extensions.checkMayApply(projectId);
        return act(projectId, "extension", form, model, locale, redirect, response, () -> {
            InitialPhaseRequests.ExtensionBody body = validator.valid(new InitialPhaseRequests.ExtensionBody(
                    enumValue(AcceptanceKind.class, "kind", form.get("kind")), text(form.get("reasons")),
                    date("newDate", form.get("newDate"))));
            return extensions.apply(projectId, body.kind(), body.reasons(), body.newDate());
        });
    }

    @PostMapping("/projects/{id}/acceptance/extensions/{extId}/decision")
    String decideExtension(@PathVariable String id, @PathVariable String extId, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID extensionId = RecordNotFoundException.idOf("AcceptanceExtension", extId);
        AcceptanceExtension extension = extensions.checkMayDecide(extensionId);
        if (!extension.projectId().equals(projectId)) {
            throw new RecordNotFoundException("AcceptanceExtension", extensionId);
        }
        return act(projectId, "decision-" + extensionId, form, model, locale, redirect, response, () -> {
            InitialPhaseRequests.ExtensionDecisionBody body = validator.valid(new InitialPhaseRequests.ExtensionDecisionBody(
                    enumValue(AcceptanceExtensionStatus.class, "decision", form.get("decision")),
                    text(form.get("opinion"))));
            return extensions.decide(extensionId, body.decision(), body.opinion());
        });
    }

    @PostMapping("/projects/{id}/acceptance/rectifications/{rectId}/completion")
    String completeRectification(@PathVariable String id, @PathVariable String rectId,
            @RequestParam Map<String, String> form, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        UUID rectificationId = RecordNotFoundException.idOf("AcceptanceRectification", rectId);
        rectifications.checkMayComplete(projectId, rectificationId);
        return act(projectId, "rectification-" + rectificationId, form, model, locale, redirect, response, () -> {
            InitialPhaseRequests.RectificationCompletionBody body = validator.valid(
                    new InitialPhaseRequests.RectificationCompletionBody(date("completedOn", form.get("completedOn")),
                            uuid("documentId", form.get("documentId")), text(form.get("summary"))));
            return rectifications.complete(projectId, rectificationId, body.completedOn(), body.documentId(),
                    body.summary());
        });
    }

    /** Runs the action; on success back to the page at the form's section, else the page with the refusal. */
    private String act(UUID projectId, String section, Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response, Supplier<Object> action) {
        if (refusals.attempt(model, locale, response, FieldMessage::new, action)) {
            redirect.addFlashAttribute("done", section);
            return "redirect:/projects/" + projectId + "/acceptance#" + anchor(section);
        }
        return page(projectId, model, form, section);
    }

    private static String anchor(String section) {
        return section.startsWith("decision-") ? "extensions" : section.startsWith("rectification-") ? "rectifications"
                : section;
    }

    private String page(UUID projectId, Model model, Map<String, String> form, String failed) {
        Project project = projects.get(projectId);
        LocalDate today = projects.today();
        List<InitialAcceptance> attempts = initial.attempts(projectId);
        TrialRun trialRun = trialRuns.get(projectId).orElse(null);
        List<AcceptanceExtension> extensionList = extensions.list(projectId);
        List<AcceptanceRectification> rectificationList = rectifications.list(projectId);
        Obligation finalDue = obligations.find(projectId, ObligationType.FINAL_ACCEPTANCE_APPLICATION,
                TrialRuns.FINAL_SUBJECT).orElse(null);
        List<StoredDocument> docs = documents.list(projectId);
        Map<UUID, StoredDocument> documentsById = new HashMap<>();
        docs.forEach(d -> documentsById.put(d.id(), d));
        model.addAttribute("project", project);
        model.addAttribute("today", today);
        model.addAttribute("attempts", attempts);
        model.addAttribute("trialRun", trialRun);
        model.addAttribute("extensions", extensionList);
        model.addAttribute("rectifications", rectificationList);
        model.addAttribute("finalDue", finalDue);
        model.addAttribute("specialAcceptances", catalog.all());
        model.addAttribute("documents", docs);
        model.addAttribute("documentsById", documentsById);
        model.addAttribute("documentNames", names(docs));
        model.addAttribute("timeline", timeline(project, attempts, trialRun, extensionList, rectificationList, finalDue));
        model.addAttribute("initialDeadline", extensions.currentDeadline(project, AcceptanceKind.INITIAL).orElse(null));
        model.addAttribute("canRecordInitial", initial.canRecord(project));
        model.addAttribute("canRecordTrialRun", trialRuns.canRecord(project));
        model.addAttribute("extensionKinds", extensions.applicableKinds(project));
        model.addAttribute("canDecide", extensions.canDecide(project));
        model.addAttribute("isUnit", projects.isConstructionUnit(project));
        model.addAttribute("results", InitialAcceptanceResult.values());
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        return "acceptance/overview";
    }

    /** The dated steps of the project's acceptance, in date order; an undated step (not yet reached) is left out. */
    static List<Step> timeline(Project project, List<InitialAcceptance> attempts, TrialRun trialRun,
            List<AcceptanceExtension> extensionList, List<AcceptanceRectification> rectificationList,
            Obligation finalDue) {
        List<Step> steps = new ArrayList<>();
        add(steps, project.constructionStartedOn(), "acceptance.initial.timeline.started", "done", "");
        // once the initial acceptance passed, its deadlines are history rather than something still due
        String initialDeadline = project.initialAcceptedOn() == null ? "deadline" : "closed";
        add(steps, project.plannedCompletion(), "acceptance.initial.timeline.planned-completion", initialDeadline, "");
        for (AcceptanceExtension e : extensionList) {
            if (e.status() == AcceptanceExtensionStatus.APPROVED) {
                add(steps, e.newDate(), "acceptance.initial.timeline.extended." + e.kind().name(),
                        e.kind() == AcceptanceKind.INITIAL ? initialDeadline : "deadline", "");
            }
        }
        for (InitialAcceptance a : attempts) {
            add(steps, a.acceptedOn(), "acceptance.initial.timeline.attempt." + a.result().name(),
                    a.passed() ? "done" : "failed", String.valueOf(a.attempt()));
        }
        for (AcceptanceRectification r : rectificationList) {
            add(steps, r.dueDate(), "acceptance.initial.timeline.rectification-due." + r.kind().name(),
                    r.open() ? "deadline" : "closed", String.valueOf(r.number()));
            add(steps, r.completedOn(), "acceptance.initial.timeline.rectified." + r.kind().name(), "done",
                    String.valueOf(r.number()));
        }
        if (trialRun != null) {
            add(steps, trialRun.startedOn(), "acceptance.initial.timeline.trial-started", "done", "");
            add(steps, trialRun.stableSince(), "acceptance.initial.timeline.trial-stable", "done", "");
        }
        if (finalDue != null) {
            add(steps, finalDue.dueDate(), "acceptance.initial.timeline.final-due", "deadline", "");
        }
        steps.sort(Comparator.comparing(Step::date));
        return steps;
    }

    private static void add(List<Step> steps, LocalDate date, String key, String kind, String arg) {
        if (date != null) {
            steps.add(new Step(date, key, kind, arg));
        }
    }

    /** One dated step of the timeline: {@code kind} is done, failed, deadline (still due) or closed (a past one). */
    record Step(LocalDate date, String labelKey, String kind, String arg) {
    }

    /** A field error as the page shows it: the field's label key is {@code acceptance.initial.field.<field>}. */
    record FieldMessage(String field, String message) {

        public String labelKey() {
            return "acceptance.initial.field." + field.replaceAll("\\[\\d+]", "").replaceAll("\\..*", "");
        }
    }





    /** The label of each document for the selects and tables: its title, else its file name. */
    static Map<UUID, String> names(List<StoredDocument> docs) {
        Map<UUID, String> names = new LinkedHashMap<>();
        docs.forEach(d -> names.put(d.id(), d.title() != null ? d.title() : d.filename()));
        return names;
    }
}
