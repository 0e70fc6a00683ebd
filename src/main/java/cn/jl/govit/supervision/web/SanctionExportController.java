package cn.jl.govit.supervision.web;

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
import cn.jl.govit.supervision.Sanction;
import cn.jl.govit.supervision.SanctionKind;
import cn.jl.govit.supervision.SanctionStatus;
import cn.jl.govit.supervision.Sanctions;

/**
 * The sanctions list as an Excel workbook, with the list's filters (kind, status) and scope, every matching row up to
 * {@code govit.export.max-rows}; audited.
 */
@Controller
@Tag(name = "sanctions")
class SanctionExportController {

    private static final List<String> HEADERS = List.of("project-code", "project", "lead", "kind", "rule", "body",
            "reason", "imposed-on", "status", "lifted-on", "lifted-reason");

    private final Sanctions sanctions;
    private final Organizations organizations;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    SanctionExportController(Sanctions sanctions, Organizations organizations, MessageSource messages, AuditLog audit,
            ListExports exports, @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.sanctions = sanctions;
        this.organizations = organizations;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/sanctions/export.xlsx", "/sanctions/export.xlsx"})
    @Operation(summary = "The sanctions the caller may see as .xlsx, filtered by kind and status (all rows, headers in the caller's language)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(required = false) String lang, Locale resolved) {
        Locale locale = SpreadsheetExport.language(lang, resolved);
        SanctionKind kindFilter = SupervisionApiController.parsed("kind", kind, SanctionKind::valueOf);
        SanctionStatus statusFilter = SupervisionApiController.parsed("status", status, SanctionStatus::valueOf);
        byte[] bytes = exports.export(() -> {
            List<Sanction> all = SpreadsheetExport.allPages(
                    page -> sanctions.page(kindFilter, statusFilter, page, Paging.MAX_SIZE), maxRows);
            Map<String, String> names = organizations.all().stream()
                    .collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a));
            Map<UUID, Project> projects = new HashMap<>();
            boolean chinese = !"en".equals(locale.getLanguage());
            List<List<?>> rows = all.stream().<List<?>>map(s -> {
                Project p = projects.computeIfAbsent(s.projectId(), sanctions::project);
                return Arrays.asList(p.code(), p.name(), names.getOrDefault(s.leadOrgCode(), s.leadOrgCode()),
                        label("enum.SanctionKind." + s.kind(), locale),
                        chinese ? cn.jl.govit.rulebook.Articles.chinese(s.rule()) + " " + s.rule() : s.rule(),
                        names.getOrDefault(s.bodyOrgCode(), s.bodyOrgCode()), s.reason(), s.imposedOn(),
                        label("enum.SanctionStatus." + s.status(), locale), s.liftedOn(), s.liftedReason());
            }).toList();
            audit.record("EXPORTED", "SanctionList", "sanctions.xlsx", null, "sanction list kind="
                    + (kindFilter == null ? "ALL" : kindFilter) + " status=" + (statusFilter == null ? "ALL" : statusFilter)
                    + " rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("sanction.export.sheet", locale),
                    HEADERS.stream().map(h -> label("sanction.export.col." + h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("sanctions-" + sanctions.today() + ".xlsx", bytes);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
