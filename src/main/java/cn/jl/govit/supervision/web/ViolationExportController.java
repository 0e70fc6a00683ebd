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
import cn.jl.govit.supervision.ViolationKind;
import cn.jl.govit.supervision.ViolationRecord;
import cn.jl.govit.supervision.ViolationRecords;
import cn.jl.govit.supervision.ViolationStatus;

/**
 * The violation records list as an Excel workbook: the list's filters (kind, status) and scope (the provincial
 * bodies all records, a department its projects'), every matching row up to {@code govit.export.max-rows}, the
 * referrals of a record in one cell; the export is audited.
 */
@Controller
@Tag(name = "violations")
class ViolationExportController {

    private static final List<String> HEADERS = List.of("project-code", "project", "kind", "rule", "body", "facts",
            "occurred", "recorded", "status", "withdrawn-reason", "referrals");

    private final ViolationRecords violations;
    private final Organizations organizations;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    ViolationExportController(ViolationRecords violations, Organizations organizations, MessageSource messages,
            AuditLog audit, ListExports exports,
            @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.violations = violations;
        this.organizations = organizations;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/violations/export.xlsx", "/violations/export.xlsx"})
    @Operation(summary = "Violation records the caller may list as .xlsx, with the list's filters kind and status (all rows, headers in the caller's language, referrals in one cell)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String lang,
            Locale resolved) {
        ViolationKind kindFilter = ViolationApiController.parsed("kind", kind, ViolationKind::valueOf);
        ViolationStatus statusFilter = ViolationApiController.parsed("status", status, ViolationStatus::valueOf);
        Locale locale = SpreadsheetExport.language(lang, resolved);
        LocalDate today = violations.today();
        byte[] bytes = exports.export(() -> {
            List<ViolationRecord> all = SpreadsheetExport.allPages(
                    page -> violations.page(kindFilter, statusFilter, page, Paging.MAX_SIZE), maxRows);
            Map<String, String> names = organizations.all().stream()
                    .collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a));
            Map<UUID, Project> projectsById = new HashMap<>();
            List<List<?>> rows = all.stream().<List<?>>map(v -> {
                Project p = projectsById.computeIfAbsent(v.projectId(), violations::project);
                String referrals = v.referrals().stream()
                        .map(r -> r.seq() + ". " + r.referredOn() + " " + r.referredTo() + ": " + r.matter())
                        .collect(Collectors.joining("\n"));
                return Arrays.asList(p.code(), p.name(), label("enum.ViolationKind." + v.kind().name(), locale),
                        v.rule(), names.getOrDefault(v.bodyOrgCode(), v.bodyOrgCode()), v.facts(), v.occurredOn(),
                        v.recordedOn(), label("enum.ViolationStatus." + v.status().name(), locale),
                        v.withdrawnReason(), referrals);
            }).toList();
            audit.record("EXPORTED", "ViolationRecordList", "violations.xlsx", null, "violation records kind="
                    + (kindFilter == null ? "ALL" : kindFilter) + " status=" + (statusFilter == null ? "ALL" : statusFilter)
                    + " rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("violation.export.sheet", locale),
                    HEADERS.stream().map(h -> label("violation.export.col." + h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("violations-" + today + ".xlsx", bytes);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
