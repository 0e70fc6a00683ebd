package cn.jl.govit.document.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.document.DocumentContent;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.DocumentKind;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.document.UploadRefusedException;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * The documents page of a project: the list with SM3 digests for whoever sees the project, the upload form (or, for
 * a classified project, the offline registration form) for its construction unit, and downloads as attachments.
 */
@Controller
class DocumentPagesController {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Documents documents;
    private final Projects projects;
    private final CitationMessages citations;

    DocumentPagesController(Documents documents, Projects projects, CitationMessages citations) {
        this.documents = documents;
        this.projects = projects;
        this.citations = citations;
    }

    @GetMapping("/projects/{id}/documents")
    String list(@PathVariable String id, Model model) {
        return page(RecordNotFoundException.idOf("Document", id), model);
    }

    @PostMapping("/projects/{id}/documents")
    String upload(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "kind", required = false) String kind, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        UUID projectId = RecordNotFoundException.idOf("Document", id);
        documents.checkMayAdd(projectId);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "document.file.empty");
            }
            StoredDocument stored = documents.store(projectId, DocumentApiController.kind(kind), code,
                    file.getOriginalFilename(), file.getContentType(), file.getBytes());
            redirect.addFlashAttribute("stored", stored.filename());
            return "redirect:/projects/" + projectId + "/documents";
        }
        catch (UploadRefusedException e) {
            if (e.status() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                // the same 413 error page as when the multipart limit stops the request
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.CONTENT_TOO_LARGE);
            }
            model.addAttribute("errors", List.of(citations.text(e.messageKey(), locale, e.messageArgs())));
            response.setStatus(e.status());
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors().stream()
                    .map(f -> citations.text(f.messageKey(), locale, f.args().toArray())).toList());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        catch (RuleViolationException e) {
            model.addAttribute("violations", e.violations().stream().map(v -> citations.view(v, locale)).toList());
            response.setStatus(422);
        }
        return page(projectId, model);
    }

    @PostMapping("/projects/{id}/documents/offline")
    String registerOffline(@PathVariable String id, @RequestParam(required = false) String code,
            @RequestParam(required = false) String title, @RequestParam(required = false) String offlineReference,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Document", id);
        documents.checkMayAdd(projectId);
        try {
            if (title != null && title.length() > 200 || offlineReference != null && offlineReference.length() > 200) {
                throw new InvalidInputException("title", "problem.field.too-long", 200);
            }
            StoredDocument stored = documents.registerOffline(projectId, code, title, offlineReference);
            redirect.addFlashAttribute("stored", stored.title());
            return "redirect:/projects/" + projectId + "/documents";
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors().stream()
                    .map(f -> citations.text(f.messageKey(), locale, f.args().toArray())).toList());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return page(projectId, model);
    }

    @GetMapping("/documents/{id}/content")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        DocumentContent content = documents.download(RecordNotFoundException.idOf("Document", id));
        StoredDocument document = content.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .contentLength(content.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(content.bytes());
    }

    private String page(UUID projectId, Model model) {
        Project project = projects.get(projectId);
        model.addAttribute("project", project);
        model.addAttribute("documents", documents.list(projectId).stream().map(Row::of).toList());
        model.addAttribute("canAdd", documents.canAdd(projectId));
        model.addAttribute("classified", project.facts().classified());
        model.addAttribute("kinds", DocumentKind.values());
        return "document/list";
    }

    /** A line of the list. */
    record Row(UUID id, String code, String name, boolean offline, String offlineReference, String contentType,
            Long size, String sm3, String uploadedBy, String uploadedAt) {

        static Row of(StoredDocument d) {
            return new Row(d.id(), d.code(), d.offline() ? d.title() : d.filename(), d.offline(), d.offlineReference(),
                    d.contentType(), d.size(), d.sm3(), d.uploadedBy(),
                    FORMAT.format(d.uploadedAt().atZone(java.time.ZoneId.of("Asia/Shanghai"))));
        }
    }
}
