package cn.jl.govit.supervision.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.SpreadsheetExport;
import cn.jl.govit.supervision.FindingStatus;
import cn.jl.govit.supervision.SupervisionArea;
import cn.jl.govit.supervision.SupervisionFinding;
import cn.jl.govit.supervision.SupervisionFindingSource;
import cn.jl.govit.supervision.SupervisionFindings;

/**
 * The findings list as an Excel workbook: the list's filters (status, area, overdue, source) and scope (the
 * provincial bodies all findings, a department its projects'), every matching row up to
 * {@code govit.export.max-rows}, overdue as read today; the export is audited.
 */
@Controller
@Tag(name = "supervision")
class SupervisionExportController {

    private static final List<String> HEADERS = List.of("project-code", "project", "area", "source", "body", "subject",
            "facts", "raised", "due", "status", "overdue", "rounds", "closed");

    private final SupervisionFindings findings;
    private final Organizations organizations;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    SupervisionExportController(SupervisionFindings findings, Organizations organizations, MessageSource messages,
            AuditLog audit, ListExports exports,
            @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.findings = findings;
        this.organizations = organizations;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/findings/export.xlsx", "/findings/export.xlsx"})
    @Operation(summary = "Findings the caller may list as .xlsx, with the list's filters status, area, overdue and source (all rows, headers in the caller's language)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) String status,
            @RequestParam(required = false) String area, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String source, @RequestParam(required = false) String lang,
            Locale resolved) {
        FindingStatus statusFilter = SupervisionApiController.parsed("status", status, FindingStatus::valueOf);
        SupervisionArea areaFilter = SupervisionApiController.parsed("area", area, SupervisionArea::valueOf);
        SupervisionFindingSource sourceFilter = SupervisionApiController.parsed("source", source, SupervisionFindingSource::valueOf);
        Locale locale = SpreadsheetExport.language(lang, resolved);
        LocalDate today = findings.today();
        byte[] bytes = exports.export(() -> {
            List<SupervisionFinding> all = SpreadsheetExport.allPages(
                    page -> findings.page(statusFilter, areaFilter, overdue, sourceFilter, page, Paging.MAX_SIZE), maxRows);
            Map<String, String> names = organizations.all().stream()
                    .collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a));
            Map<UUID, Project> projectsById = new HashMap<>();
            List<List<?>> rows = all.stream().<List<?>>map(f -> {
                Project p = projectsById.computeIfAbsent(f.projectId(), findings::project);
                return Arrays.asList(p.code(), p.name(), label("enum.SupervisionArea." + f.area().name(), locale),
                        label("enum.SupervisionFindingSource." + f.source().name(), locale),
                        names.getOrDefault(f.bodyOrgCode(), f.bodyOrgCode()), f.obligationSubject(), f.facts(),
                        f.raisedOn(), f.rectificationDue(), label("enum.FindingStatus." + f.status().name(), locale),
                        label(f.overdue() ? "supervision.export.yes" : "supervision.export.no", locale),
                        f.rounds(), f.closedOn());
            }).toList();
            audit.record("EXPORTED", "SupervisionFindingList", "findings.xlsx", null, "findings list status="
                    + (statusFilter == null ? "ALL" : statusFilter) + " area=" + (areaFilter == null ? "ALL" : areaFilter)
                    + " overdue=" + overdue + " source=" + (sourceFilter == null ? "ALL" : sourceFilter)
                    + " rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("supervision.export.sheet", locale),
                    HEADERS.stream().map(h -> label("supervision.export.col." + h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("findings-" + today + ".xlsx", bytes);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
