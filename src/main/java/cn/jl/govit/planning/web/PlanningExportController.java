package cn.jl.govit.planning.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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
import cn.jl.govit.planning.ConstructionPlans;
import cn.jl.govit.planning.Demand;
import cn.jl.govit.planning.DemandCall;
import cn.jl.govit.planning.DemandStatus;
import cn.jl.govit.planning.Demands;
import cn.jl.govit.planning.PlanVersion;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The planning lists as Excel workbooks — the demands (with the list's status filter; a department sees its own),
 * the demand calls and the construction plans in their current versions — each with every matching row up to
 * {@code govit.export.max-rows}, the list's scope ({@code 404} outside planning, as the pages) and an audit event,
 * as an export takes the records out of the platform.
 */
@Controller
@Tag(name = "planning")
class PlanningExportController {

    private final Demands demands;
    private final ConstructionPlans plans;
    private final Organizations organizations;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    PlanningExportController(Demands demands, ConstructionPlans plans, Organizations organizations,
            MessageSource messages, AuditLog audit, ListExports exports,
            @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.demands = demands;
        this.plans = plans;
        this.organizations = organizations;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/demands/export.xlsx", "/planning/demands/export.xlsx"})
    @Operation(summary = "The demands the caller may see as .xlsx (a department its own), with the list's status filter",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> demands(@RequestParam(required = false) DemandStatus status,
            @RequestParam(required = false) String lang, Locale resolved) {
        demands.checkReadsPlanning();
        Locale locale = SpreadsheetExport.language(lang, resolved);
        byte[] bytes = exports.export(() -> {
            List<Demand> all = SpreadsheetExport.allPages(page -> demands.visible(status, page, Paging.MAX_SIZE), maxRows);
            Map<String, String> names = names(locale);
            Function<String, String> name = code -> names.getOrDefault(code, code);
            List<List<?>> rows = all.stream().<List<?>>map(d -> Arrays.asList(d.year(), d.title(),
                    name.apply(d.organizationCode()), d.estimate(), d.planItemCode(),
                    d.participatingOrganizationCodes().stream().map(name).collect(Collectors.joining("、")),
                    d.score(), label("enum.DemandStatus." + d.status(), locale), d.declineReason(), d.filedBy(),
                    d.filedAt().atZone(Projects.ZONE).toLocalDate())).toList();
            audit.record("EXPORTED", "DemandList", "demands.xlsx", null,
                    "demand list status=" + (status == null ? "ALL" : status) + " rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("planning.export.sheet.demands", locale),
                    headers(locale, "field.year", "field.title", "field.organization", "field.estimate", "field.planItemCode",
                            "field.participatingOrganizationCodes", "field.score", "field.status", "field.reason",
                            "export.col.filedBy", "export.col.filedAt"), rows);
        });
        return SpreadsheetExport.attachment("demands-" + demands.today() + ".xlsx", bytes);
    }

    @GetMapping({"/api/v1/demand-calls/export.xlsx", "/planning/calls/export.xlsx"})
    @Operation(summary = "The demand calls as .xlsx, newest year first, with whether each is open today",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> calls(@RequestParam(required = false) String lang, Locale resolved) {
        demands.checkReadsPlanning();
        Locale locale = SpreadsheetExport.language(lang, resolved);
        LocalDate today = demands.today();
        byte[] bytes = exports.export(() -> {
            List<DemandCall> all = SpreadsheetExport.allPages(page -> demands.calls(page, Paging.MAX_SIZE), maxRows);
            List<List<?>> rows = all.stream().<List<?>>map(c -> Arrays.asList(c.year(), c.opensOn(), c.closesOn(),
                    String.join(" / ", c.focusAreas()),
                    label(c.isOpenOn(today) ? "planning.calls.status.open" : "planning.calls.status.closed", locale)))
                    .toList();
            audit.record("EXPORTED", "DemandCallList", "demand-calls.xlsx", null, "demand call list rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("planning.export.sheet.calls", locale),
                    headers(locale, "field.year", "field.opensOn", "field.closesOn", "field.focusAreas", "field.status"), rows);
        });
        return SpreadsheetExport.attachment("demand-calls-" + today + ".xlsx", bytes);
    }

    @GetMapping({"/api/v1/construction-plans/export.xlsx", "/planning/plans/export.xlsx"})
    @Operation(summary = "The construction plans in their current versions as .xlsx, newest period first",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> plans(@RequestParam(required = false) String lang, Locale resolved) {
        demands.checkReadsPlanning();
        Locale locale = SpreadsheetExport.language(lang, resolved);
        byte[] bytes = exports.export(() -> {
            List<PlanVersion> all = SpreadsheetExport.allPages(page -> plans.page(page, Paging.MAX_SIZE), maxRows);
            List<List<?>> rows = all.stream().<List<?>>map(p -> Arrays.asList(p.title(), p.periodFrom(), p.periodTo(),
                    p.number(), p.approvedOn(), p.approvalDocument(), p.items().size(), p.recordedBy(),
                    p.recordedAt().atZone(Projects.ZONE).toLocalDate())).toList();
            audit.record("EXPORTED", "ConstructionPlanList", "construction-plans.xlsx", null,
                    "construction plan list rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("planning.export.sheet.plans", locale),
                    headers(locale, "field.title", "field.periodFrom", "field.periodTo", "field.version", "field.approvedOn",
                            "field.approvalDocument", "export.col.itemCount", "export.col.recordedBy",
                            "export.col.recordedAt"), rows);
        });
        return SpreadsheetExport.attachment("construction-plans-" + demands.today() + ".xlsx", bytes);
    }

    private List<String> headers(Locale locale, String... keys) {
        return Arrays.stream(keys).map(k -> label("planning." + k, locale)).toList();
    }

    private Map<String, String> names(Locale locale) {
        return organizations.all().stream().collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a));
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
