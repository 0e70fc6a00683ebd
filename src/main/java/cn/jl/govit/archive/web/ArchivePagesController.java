package cn.jl.govit.archive.web;

import static cn.jl.govit.rulebook.FormFields.date;
import static cn.jl.govit.rulebook.FormFields.enumValue;
import static cn.jl.govit.rulebook.FormFields.text;
import static cn.jl.govit.rulebook.FormFields.uuid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.archive.ArchiveAcceptances;
import cn.jl.govit.archive.ArchiveCategory;
import cn.jl.govit.archive.ArchiveEntries;
import cn.jl.govit.archive.ArchiveEntry;
import cn.jl.govit.archive.ArchiveResult;
import cn.jl.govit.archive.Carrier;
import cn.jl.govit.archive.Retention;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The archive pages (Art. 24): a project's archive by category with the registration form and the application for
 * the construction unit, the result form for the Archives Bureau, read-only for every other reader; and the Archives
 * Bureau's list of applications awaiting it. Every decision is the services'.
 */
@Controller
class ArchivePagesController {

    private final ArchiveEntries entries;
    private final ArchiveAcceptances acceptances;
    private final Projects projects;
    private final Documents documents;
    private final CitationMessages citations;
    private final MessageSource messages;
    private final Organizations organizations;

    ArchivePagesController(ArchiveEntries entries, ArchiveAcceptances acceptances, Projects projects,
            Documents documents, CitationMessages citations, MessageSource messages, Organizations organizations) {
        this.organizations = organizations;
        this.entries = entries;
        this.acceptances = acceptances;
        this.projects = projects;
        this.documents = documents;
        this.citations = citations;
        this.messages = messages;
    }

    @GetMapping("/projects/{id}/archives")
    String archive(@PathVariable String id, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        Project project = projects.get(projectId);
        PageOf<ArchiveEntry> list = entries.page(projectId, Paging.of(page, Paging.DEFAULT_SIZE));
        List<StoredDocument> docs = documents.list(projectId);
        Map<UUID, String> names = new LinkedHashMap<>();
        docs.forEach(d -> names.put(d.id(), d.title() != null ? d.title() : d.filename()));
        Map<String, String> categoryNames = new LinkedHashMap<>();
        List<ArchiveCategory> categories = entries.categories();
        categories.forEach(c -> categoryNames.put(c.code(), c.name(locale)));
        boolean canRegister = entries.canRegister(project);
        model.addAttribute("project", project);
        model.addAttribute("entries", list);
        model.addAttribute("categories", categories);
        model.addAttribute("categoryNames", categoryNames);
        model.addAttribute("documentNames", names);
        if (canRegister) {
            // the register form offers only documents not yet in the archive
            Set<UUID> registered = entries.registeredDocuments(projectId);
            model.addAttribute("documents", docs.stream().filter(d -> !registered.contains(d.id())).toList());
        }
        model.addAttribute("retentions", Retention.values());
        model.addAttribute("carriers", Carrier.values());
        model.addAttribute("results", ArchiveResult.values());
        model.addAttribute("status", acceptances.status(projectId));
        model.addAttribute("rounds", acceptances.rounds(projectId));
        model.addAttribute("canRegister", canRegister);
        model.addAttribute("canApply", acceptances.canApply(project));
        model.addAttribute("canRecord", acceptances.canRecord(project));
        model.addAttribute("today", projects.today());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "archive/archive";
    }

    @PostMapping("/projects/{id}/archives/entries")
    String register(@PathVariable String id, @RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) String documentId, @RequestParam(required = false) String offlineReference,
            @RequestParam(required = false) String title, @RequestParam(required = false) String retention,
            @RequestParam(required = false) String carrier, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        entries.checkMayRegister(projectId);
        try {
            entries.register(projectId, new ArchiveEntries.NewEntry(text(categoryCode), uuid("documentId", documentId),
                    text(offlineReference), title, enumValue(Retention.class, "retention", retention),
                    enumValue(Carrier.class, "carrier", carrier)));
            redirect.addFlashAttribute("registered", true);
            return "redirect:/projects/" + projectId + "/archives";
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e, locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("form", Map.of("title", title == null ? "" : title,
                "offlineReference", offlineReference == null ? "" : offlineReference));
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/archives");
        return archive(id, 0, model, locale);
    }

    @PostMapping("/projects/{id}/archives/application")
    String apply(@PathVariable String id, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        acceptances.checkMayApply(projectId);
        try {
            acceptances.apply(projectId);
            redirect.addFlashAttribute("applied", true);
            return "redirect:/projects/" + projectId + "/archives";
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/archives");
        return archive(id, 0, model, locale);
    }

    @PostMapping("/projects/{id}/archives/acceptance")
    String record(@PathVariable String id, @RequestParam(required = false) String result,
            @RequestParam(required = false) String acceptedOn, @RequestParam(required = false) String opinion,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        acceptances.checkMayRecord(projectId);
        try {
            acceptances.record(projectId, enumValue(ArchiveResult.class, "result", result), date("acceptedOn", acceptedOn), opinion);
            redirect.addFlashAttribute("recorded", true);
            return "redirect:/projects/" + projectId + "/archives";
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
        model.addAttribute("opinion", opinion);
        model.addAttribute("canonicalUrl", "/projects/" + projectId + "/archives");
        return archive(id, 0, model, locale);
    }

    /** The Archives Bureau's queue: applications awaiting its acceptance, oldest first. */
    @GetMapping("/archives/applications")
    String applications(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        PageOf<ArchiveAcceptances.Pending> list = acceptances.pending(Paging.of(page, Paging.DEFAULT_SIZE));
        Map<String, String> units = new LinkedHashMap<>();
        list.content().forEach(p -> units.computeIfAbsent(p.project().leadOrganizationCode(),
                code -> organizations.find(code).map(o -> o.name(locale)).orElse(code)));
        model.addAttribute("list", list);
        model.addAttribute("units", units);
        return "archive/applications";
    }





    private Map<String, String> errors(InvalidInputException e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInputException.FieldError f : e.errors()) {
            errors.put(f.field(), messages.getMessage(f.messageKey(), MessageKey.arguments(f.args()), f.messageKey(), locale));
        }
        return errors;
    }
}
