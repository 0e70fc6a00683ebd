package cn.jl.govit.upgrade.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.SpreadsheetExport;
import cn.jl.govit.upgrade.UpgradeRequest;
import cn.jl.govit.upgrade.UpgradeStatus;
import cn.jl.govit.upgrade.Upgrades;

/**
 * The upgrade requests list as an Excel workbook: the list's status filter and the caller's scope, all matching rows
 * up to {@code govit.export.max-rows}, audited.
 */
@Controller
@Tag(name = "upgrades")
class UpgradeExportController {

    private static final List<String> HEADERS = List.of("upgrade.project", "upgrade.number", "upgrade.field.title",
            "upgrade.requested-on", "upgrade.route", "upgrade.status");

    private final Upgrades upgrades;
    private final Projects projects;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    UpgradeExportController(Upgrades upgrades, Projects projects, MessageSource messages,
            AuditLog audit, ListExports exports, @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.upgrades = upgrades;
        this.projects = projects;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/upgrades/export.xlsx", "/upgrades/export.xlsx"})
    @Operation(summary = "The upgrade requests in the caller's scope as .xlsx, filtered by status like the list",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) UpgradeStatus status,
            @RequestParam(required = false) String lang, Locale resolved) {
        Locale locale = SpreadsheetExport.language(lang, resolved);
        byte[] bytes = exports.export(() -> {
            List<UpgradeRequest> all = SpreadsheetExport.allPages(
                    page -> upgrades.page(status, Paging.of(page, Paging.MAX_SIZE)), maxRows);
            Map<UUID, Project> byId = new HashMap<>();
            List<List<?>> rows = all.stream().<List<?>>map(u -> {
                // The list shows only upgrades in scope, so their projects are visible to the caller too.
                Project p = byId.computeIfAbsent(u.projectId(), projects::get);
                return Arrays.asList(p.code() + " " + p.name(), u.number(), u.proposal().title(), u.requestedOn(),
                        label("enum.UpgradeRoute." + u.route(), locale), label("enum.UpgradeStatus." + u.status(), locale));
            }).toList();
            audit.record("EXPORTED", "UpgradeList", "upgrades.xlsx", null,
                    "upgrade list status=" + (status == null ? "ALL" : status) + " rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("upgrade.list.title", locale),
                    HEADERS.stream().map(h -> label(h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("upgrades-" + projects.today() + ".xlsx", bytes);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
