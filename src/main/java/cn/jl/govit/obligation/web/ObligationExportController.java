package cn.jl.govit.obligation.web;

import java.time.LocalDate;
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

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.obligation.ObligationListing;
import cn.jl.govit.obligation.ObligationStatus;
import cn.jl.govit.obligation.ObligationListFilter;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The obligations list as an Excel workbook: the same status filter and scope as the list, all matching rows
 * up to {@code govit.export.max-rows}, statuses as read today; the export is audited.
 */
@Controller
@Tag(name = "obligations")
class ObligationExportController {

    private static final List<String> HEADERS = List.of("project-code", "project", "type", "subject", "due",
            "window-start", "days", "status", "met-on", "article", "responsible");

    private final Obligations obligations;
    private final Organizations organizations;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    ObligationExportController(Obligations obligations, Organizations organizations, MessageSource messages,
            AuditLog audit, ListExports exports,
            @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.obligations = obligations;
        this.organizations = organizations;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/obligations/export.xlsx", "/obligations/export.xlsx"})
    @Operation(summary = "Obligations of the projects the caller may see as .xlsx, with the list's filters (all rows, headers in the caller's language)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) ObligationStatus status,
            @RequestParam(required = false) String department, @RequestParam(required = false) ObligationType type,
            @RequestParam(required = false) ApprovalAuthority authority,
            @RequestParam(required = false) Integer approvedYear,
            @RequestParam(required = false) String lang, Locale resolved) {
        Locale locale = SpreadsheetExport.language(lang, resolved);
        ObligationListFilter filter = ObligationListParams.strict(organizations, status, department, type, authority,
                approvedYear);
        LocalDate today = obligations.today();
        byte[] bytes = exports.export(() -> {
            List<ObligationListing> all = SpreadsheetExport.allPages(page -> obligations.page(filter, page, Paging.MAX_SIZE), maxRows);
            Map<String, String> names = organizations.all().stream()
                    .collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a));
            boolean chinese = !"en".equals(locale.getLanguage());
            List<List<?>> rows = all.stream().map(l -> ObligationView.of(l, today)).<List<?>>map(o ->
                    Arrays.asList(o.projectCode(), o.projectName(), label("enum.ObligationType." + o.type(), locale),
                            o.subject(), o.dueDate(), o.windowStart(), o.daysLeft(),
                            label("enum.ObligationStatus." + o.status(), locale), o.metOn(),
                            chinese && o.article() != null ? o.article() + " " + o.rule() : o.rule(),
                            names.getOrDefault(o.responsibleOrganizationCode(), o.responsibleOrganizationCode())))
                    .toList();
            audit.record("EXPORTED", "ObligationList", "obligations.xlsx", null,
                    "obligation list status=" + or(status) + " department=" + or(filter.department())
                            + " type=" + or(type) + " authority=" + or(authority) + " approvedYear=" + or(approvedYear)
                            + " rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("obligation.export.sheet", locale),
                    HEADERS.stream().map(h -> label("obligation.export.col." + h, locale)).toList(), rows);
        });
        String filename = "obligations-" + today + ".xlsx";
        return SpreadsheetExport.attachment(filename, bytes);
    }

    private static String or(Object criterion) {
        return criterion == null ? "ALL" : criterion.toString();
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
