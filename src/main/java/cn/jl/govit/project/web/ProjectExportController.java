package cn.jl.govit.project.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.ApprovalPathType;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectListFilter;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The project list as an Excel workbook, with the list's filters and scope (a department sees only its
 * projects), all matching rows rather than one page, up to {@code govit.export.max-rows}. The export is
 * audited, as it takes the register out of the platform.
 */
@Controller
@Tag(name = "projects")
class ProjectExportController {

    private static final List<String> HEADERS = List.of("code", "name", "lead", "status", "authority", "estimate",
            "approved-estimate", "period", "started", "planned-completion", "created");

    private final Projects projects;
    private final Organizations organizations;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    ProjectExportController(Projects projects, Organizations organizations, MessageSource messages, AuditLog audit,
            ListExports exports, @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.projects = projects;
        this.organizations = organizations;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/projects/export.xlsx", "/projects/export.xlsx"})
    @Operation(summary = "The project list the caller may see as .xlsx, with the list's filters (all rows of the filter, headers in the caller's language)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) ProjectStatus status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String department,
            @RequestParam(required = false) ApprovalAuthority authority,
            @RequestParam(required = false) ApprovalPathType path,
            @RequestParam(required = false) Integer approvedYear, @RequestParam(required = false) String lang,
            Locale resolved) {
        Locale locale = SpreadsheetExport.language(lang, resolved);
        ProjectListFilter filter = ProjectListParams.strict(organizations, status, q, department, authority, path,
                approvedYear);
        byte[] bytes = exports.export(() -> {
            List<Project> all = SpreadsheetExport.allPages(page -> projects.page(filter, page, Paging.MAX_SIZE), maxRows);
            var names = ProjectPageViews.OrganizationNames.of(organizations.all(), locale);
            List<List<?>> rows = all.stream().<List<?>>map(p -> Arrays.asList(p.code(), p.name(),
                    names.of(p.leadOrganizationCode()), label("enum.ProjectStatus." + p.status(), locale),
                    label("enum.ApprovalAuthority." + p.approvalAuthority(), locale), p.estimatedInvestment(),
                    p.approvedEstimate(), p.constructionPeriodMonths(), p.constructionStartedOn(),
                    p.plannedCompletion(),
                    p.createdAt().atZone(Projects.ZONE).toLocalDate())).toList();
            audit.record("EXPORTED", "ProjectList", "projects.xlsx", null,
                    "project list " + describe(filter) + " rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("project.export.sheet", locale),
                    HEADERS.stream().map(h -> label("project.export.col." + h, locale)).toList(), rows);
        });
        String filename = "projects-" + projects.today() + ".xlsx";
        return SpreadsheetExport.attachment(filename, bytes);
    }

    /** The filter as the audit trail records it: every criterion, "ALL" for none. */
    static String describe(ProjectListFilter f) {
        return "status=" + (f.status() == null ? "ALL" : f.status()) + " q=" + f.query()
                + " department=" + (f.department() == null ? "ALL" : f.department())
                + " authority=" + (f.authority() == null ? "ALL" : f.authority())
                + " path=" + (f.path() == null ? "ALL" : f.path())
                + " approvedYear=" + (f.approvedYear() == null ? "ALL" : f.approvedYear());
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
