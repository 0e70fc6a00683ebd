package cn.jl.govit.archive.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jl.govit.archive.ArchiveAcceptances;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The Archives Bureau's queue of archive acceptance applications as an Excel workbook: the page's rows (the Archives
 * Bureau only, 403 for everyone else), all of them, audited.
 */
@Controller
@Tag(name = "archives")
class ArchiveApplicationExportController {

    private static final List<String> HEADERS = List.of("project.code", "archive.applications.project",
            "archive.applications.lead-organization", "archive.round", "archive.applied-on", "archive.entry-count");

    private final ArchiveAcceptances acceptances;
    private final Organizations organizations;
    private final Projects projects;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    ArchiveApplicationExportController(ArchiveAcceptances acceptances, Organizations organizations, Projects projects,
            MessageSource messages, AuditLog audit, ListExports exports,
            @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.acceptances = acceptances;
        this.organizations = organizations;
        this.projects = projects;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/archive-acceptance/applications/export.xlsx", "/archives/applications/export.xlsx"})
    @Operation(summary = "Archive acceptance applications awaiting the Archives Bureau as .xlsx (Archives Bureau only)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) String lang, Locale resolved) {
        Locale locale = SpreadsheetExport.language(lang, resolved);
        byte[] bytes = exports.export(() -> {
            List<ArchiveAcceptances.Pending> all = SpreadsheetExport.allPages(
                    page -> acceptances.pending(Paging.of(page, Paging.MAX_SIZE)), maxRows);
            Map<String, String> names = organizations.all().stream()
                    .collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a));
            List<List<?>> rows = all.stream().<List<?>>map(p -> Arrays.asList(p.project().code(), p.project().name(),
                    names.getOrDefault(p.project().leadOrganizationCode(), p.project().leadOrganizationCode()),
                    p.application().round(), p.application().appliedOn(), p.application().entryCount())).toList();
            audit.record("EXPORTED", "ArchiveAcceptanceQueue", "archive-applications.xlsx", null,
                    "archive acceptance queue rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("archive.applications.title", locale),
                    HEADERS.stream().map(h -> label(h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("archive-applications-" + projects.today() + ".xlsx", bytes);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
