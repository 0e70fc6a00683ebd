package cn.jl.govit.performance.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.performance.PerformanceReport;
import cn.jl.govit.performance.PerformanceReports;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "performance-reports", description = "年度绩效评价报告 Annual performance evaluation reports (Art. 20)")
class PerformanceReportApiController {

    private final PerformanceReports reports;
    private final RequestValidator validator;

    PerformanceReportApiController(PerformanceReports reports, RequestValidator validator) {
        this.reports = reports;
        this.validator = validator;
    }

    @GetMapping("/projects/{id}/performance-reports")
    @Operation(summary = "The project's annual performance reports, by year")
    List<PerformanceReportView> list(@PathVariable UUID id) {
        return reports.forProject(id).stream().map(PerformanceReportView::of).toList();
    }

    @PostMapping("/projects/{id}/performance-reports")
    @Operation(summary = "The construction unit drafts the report of a due year (422 ART-20 naming the due years otherwise)")
    ResponseEntity<PerformanceReportView> draft(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PerformanceReportRequests.ReportBody.class)))
            JsonBody<PerformanceReportRequests.ReportBody> body) {
        reports.checkMayDraft(id);
        PerformanceReportRequests.ReportBody request = validator.valid(body);
        if (request.year() == null) {
            throw new InvalidInputException("year", "problem.field.required");
        }
        PerformanceReport report = reports.draft(id, request.year(), request.toContent());
        return ResponseEntity.created(URI.create("/api/v1/performance-reports/" + report.id()))
                .eTag(Versions.etag(report.version())).body(PerformanceReportView.of(report));
    }

    @GetMapping("/performance-reports/{id}")
    @Operation(summary = "One report as it stands")
    ResponseEntity<PerformanceReportView> get(@PathVariable UUID id) {
        PerformanceReport report = reports.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(report.version())).body(PerformanceReportView.of(report));
    }

    @PutMapping("/performance-reports/{id}")
    @Operation(summary = "Replaces the content of a draft or returned report (version or If-Match)")
    ResponseEntity<PerformanceReportView> revise(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PerformanceReportRequests.ReportBody.class)))
            JsonBody<PerformanceReportRequests.ReportBody> body) {
        PerformanceReport current = reports.checkMayEdit(id);
        PerformanceReportRequests.ReportBody request = validator.valid(body);
        if (request.year() != null && request.year() != current.year()) {
            throw new InvalidInputException("year", "performance.year.fixed");
        }
        PerformanceReport report = reports.revise(id, Versions.expected(ifMatch, request.version()), request.toContent());
        return ResponseEntity.ok().eTag(Versions.etag(report.version())).body(PerformanceReportView.of(report));
    }

    @PostMapping("/performance-reports/{id}/submit")
    @Operation(summary = "Submits the report to the approval authority (If-Match optional); 422 ART-20 naming every missing part")
    ResponseEntity<PerformanceReportView> submit(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        reports.checkMayEdit(id);
        PerformanceReport report = reports.submit(id, Versions.expected(ifMatch, null));
        return ResponseEntity.ok().eTag(Versions.etag(report.version())).body(PerformanceReportView.of(report));
    }

    @PostMapping("/performance-reports/{id}/acceptance")
    @Operation(summary = "The approval authority accepts the submitted report or returns it for revision, with its opinion")
    ResponseEntity<PerformanceReportView> acceptance(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PerformanceReportRequests.DecisionBody.class)))
            JsonBody<PerformanceReportRequests.DecisionBody> body) {
        reports.checkMayDecide(id);
        PerformanceReportRequests.DecisionBody request = validator.valid(body);
        PerformanceReport report = reports.decide(id, Versions.expected(ifMatch, request.version()), request.outcome(),
                request.opinion());
        return ResponseEntity.ok().eTag(Versions.etag(report.version())).body(PerformanceReportView.of(report));
    }

    @GetMapping("/performance-reports/{id}/versions")
    @Operation(summary = "Every submitted version of the report with the authority's decision on it, oldest first")
    List<PerformanceReportView.VersionView> versions(@PathVariable UUID id) {
        return reports.versions(id).stream().map(PerformanceReportView.VersionView::of).toList();
    }
}
