package cn.jl.govit.expert.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
import cn.jl.govit.expert.Expert;
import cn.jl.govit.expert.ExpertPool;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The expert pool as an Excel workbook for those who manage it (403 for everyone else), audited. It holds what the
 * pool page shows — account, name, organisation, fields, whether active — and no personal data: no ID number, phone
 * or e-mail address leaves the platform this way.
 */
@Controller
@Tag(name = "experts")
class ExpertExportController {

    private static final List<String> HEADERS = List.of("expert.username", "expert.name", "expert.organization",
            "expert.fields", "expert.active");

    private final ExpertPool pool;
    private final Organizations organizations;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final Clock clock;
    private final int maxRows;

    ExpertExportController(ExpertPool pool, Organizations organizations, MessageSource messages, AuditLog audit,
            ListExports exports, Clock clock, @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.pool = pool;
        this.organizations = organizations;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/experts/export.xlsx", "/experts/export.xlsx"})
    @Operation(summary = "The expert pool as .xlsx (administrator, Digital Bureau and DRC approvers; no ID numbers, phones or e-mails)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) String lang, Locale resolved) {
        pool.checkMayManage();
        Locale locale = SpreadsheetExport.language(lang, resolved);
        byte[] bytes = exports.export(() -> {
            List<Expert> all = pool.all();
            SpreadsheetExport.requireWithin(all.size(), maxRows);
            Map<String, String> names = organizations.all().stream()
                    .collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a));
            List<List<?>> rows = all.stream().<List<?>>map(e -> Arrays.asList(e.username(), e.displayName(),
                    e.organizationCode() == null ? null : names.getOrDefault(e.organizationCode(), e.organizationCode()),
                    e.fields().stream().sorted().map(f -> label("enum.ExpertField." + f, locale))
                            .collect(Collectors.joining("、")),
                    label(e.active() ? "yes" : "no", locale))).toList();
            audit.record("EXPORTED", "ExpertPool", "experts.xlsx", null, "expert pool rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("expert.pool.heading", locale),
                    HEADERS.stream().map(h -> label(h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("experts-" + LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")))
                + ".xlsx", bytes);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
