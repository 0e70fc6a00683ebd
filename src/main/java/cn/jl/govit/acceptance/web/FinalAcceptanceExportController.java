package cn.jl.govit.acceptance.web;

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

import cn.jl.govit.acceptance.FinalAcceptances;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The authority's queue of pending final acceptance applications as an Excel workbook: the page's rows in the same
 * scope (the approvers of the projects' authority; 403 for everyone else), all of them, audited.
 */
@Controller
@Tag(name = "final-acceptance")
class FinalAcceptanceExportController {

    private static final List<String> HEADERS = List.of("project.code", "acceptance.queue.project",
            "acceptance.queue.unit", "acceptance.final.number", "acceptance.final.applied-on",
            "acceptance.final.materials", "acceptance.final.committee");

    private final FinalAcceptances acceptances;
    private final Organizations organizations;
    private final Projects projects;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    FinalAcceptanceExportController(FinalAcceptances acceptances, Organizations organizations, Projects projects,
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

    @GetMapping({"/api/v1/final-acceptance/applications/export.xlsx", "/acceptance/applications/export.xlsx"})
    @Operation(summary = "Pending final acceptance applications of the caller's authority as .xlsx (approvers only)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) String lang, Locale resolved) {
        Locale locale = SpreadsheetExport.language(lang, resolved);
        byte[] bytes = exports.export(() -> {
            List<FinalAcceptances.Pending> all = SpreadsheetExport.allPages(
                    page -> acceptances.pending(Paging.of(page, Paging.MAX_SIZE)), maxRows);
            Map<String, String> names = organizations.all().stream()
                    .collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a));
            List<List<?>> rows = all.stream().<List<?>>map(p -> Arrays.asList(p.project().code(), p.project().name(),
                    names.getOrDefault(p.project().leadOrganizationCode(), p.project().leadOrganizationCode()),
                    p.application().number(), p.application().appliedOn(), p.application().materials().size(),
                    label(p.opinionsComplete() ? "acceptance.queue.committee.complete"
                            : p.committeeFormed() ? "acceptance.queue.committee.pending"
                            : "acceptance.queue.committee.none", locale))).toList();
            audit.record("EXPORTED", "FinalAcceptanceQueue", "acceptance-applications.xlsx", null,
                    "final acceptance queue rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("acceptance.queue.final", locale),
                    HEADERS.stream().map(h -> label(h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("acceptance-applications-" + projects.today() + ".xlsx", bytes);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
