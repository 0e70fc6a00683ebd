package cn.jl.govit.dossier.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.jl.govit.dossier.ArchivePackages;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;

/**
 * The archive package page of a project: what the package holds, its download, and a form that verifies an
 * uploaded package and shows what was changed, missing or added. For whoever may read the project.
 */
@Controller
class ArchivePackagePagesController {

    private final ArchivePackages packages;
    private final Projects projects;
    private final CitationMessages citations;

    ArchivePackagePagesController(ArchivePackages packages, Projects projects, CitationMessages citations) {
        this.packages = packages;
        this.projects = projects;
        this.citations = citations;
    }

    @GetMapping("/projects/{id}/archive-package")
    String page(@PathVariable String id, Model model) {
        return page(RecordNotFoundException.idOf("Project", id), model);
    }

    @GetMapping("/projects/{id}/archive-package/download")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        return ArchivePackageApiController.download(packages.export(RecordNotFoundException.idOf("Project", id)));
    }

    @PostMapping("/projects/{id}/archive-package/verification")
    String verify(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model, Locale locale, HttpServletResponse response) throws IOException {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        projects.get(projectId);
        try {
            model.addAttribute("result", ArchivePackageApiController.verify(packages, file));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors().stream()
                    .map(f -> citations.text(f.messageKey(), locale, f.args().toArray())).toList());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return page(projectId, model);
    }

    private String page(UUID projectId, Model model) {
        model.addAttribute("project", projects.get(projectId));
        return "dossier/archive-package";
    }
}
