package cn.jl.govit.planning.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.planning.Demand;
import cn.jl.govit.planning.Demands;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The annual demand plan (年度需求计划) as an Excel file: the template of a call to download and the filled template
 * to import, all rows or none (Art. 6). Only those who may file demands in the call — its department staff —
 * download or import ({@code 404} outside planning, {@code 403} otherwise).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "planning")
class DemandImportApiController {

    private final Demands demands;
    private final DemandImporter importer;
    private final DemandImportTemplate template;
    private final MessageSource messages;
    private final CurrentUsers users;

    DemandImportApiController(Demands demands, DemandImporter importer, DemandImportTemplate template,
            MessageSource messages, CurrentUsers users) {
        this.users = users;
        this.demands = demands;
        this.importer = importer;
        this.template = template;
        this.messages = messages;
    }

    @GetMapping({"/demand-calls/{id}/demands/template.xlsx", "/calls/{id}/demands/template.xlsx"})
    @Operation(summary = "The Excel template of the annual demand plan for a call (department staff): headers in the "
            + "caller's language (or ?lang=), a drop-down of the plan items, an instructions sheet",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> template(@PathVariable UUID id, @RequestParam(required = false) String lang, Locale resolved) {
        return download(demands, users, importer, template, id, SpreadsheetExport.language(lang, resolved));
    }

    /** The template download; shared with the pages. */
    static ResponseEntity<byte[]> download(Demands demands, CurrentUsers users, DemandImporter importer, DemandImportTemplate template,
            UUID callId, Locale locale) {
        demands.checkMayFile(callId);
        var call = demands.call(callId);
        byte[] bytes = template.write(call, demands.planOf(call).orElse(null), users.current().organizationCode(), importer.maxRows(),
                importer, locale);
        return SpreadsheetExport.attachment("demand-plan-" + call.year() + "-template.xlsx", bytes);
    }

    @PostMapping(path = {"/demand-calls/{id}/demands/import", "/calls/{id}/demands/import"},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Department staff import their annual demand plan from the filled template (multipart `file`): "
            + "all rows are filed in one transaction, or none. Any refused row ⇒ 422 problem+json whose `errors` name "
            + "each row (as Excel numbers it, header = row 1), column and message; a file that is no .xlsx, has a wrong "
            + "header row or more rows than govit.planning.import.max-rows ⇒ 400 naming `file`")
    ResponseEntity<Imported> importPlan(@PathVariable UUID id,
            @RequestParam(name = "file", required = false) MultipartFile file, Locale locale) {
        List<Demand> filed = importer.importFile(id, file, locale);
        return ResponseEntity.created(URI.create("/api/v1/demand-calls/" + id + "/demands"))
                .body(new Imported(filed.size(), filed.stream().map(Demand::id).toList()));
    }

    /** What an import filed. */
    record Imported(int count, List<UUID> ids) {
    }

    @ExceptionHandler(DemandImporter.ImportRefused.class)
    ResponseEntity<ProblemDetail> refused(DemandImporter.ImportRefused e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(URI.create("/problems/import-refused"));
        problem.setTitle(messages.getMessage("planning.import.refused.title", null, locale));
        List<Integer> rows = e.errors().stream().map(DemandImporter.RowError::row).distinct().toList();
        problem.setDetail(messages.getMessage("planning.import.refused.detail",
                new Object[] {rows.size(), rows.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")}, locale));
        problem.setProperty("errors", e.errors());
        problem.setProperty("rejectedRows", rows);
        problem.setProperty("violations", e.violations());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
