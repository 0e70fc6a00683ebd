package cn.jl.govit.supervision.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;
import cn.jl.govit.supervision.FindingStatus;
import cn.jl.govit.supervision.SupervisionArea;
import cn.jl.govit.supervision.SupervisionFinding;
import cn.jl.govit.supervision.SupervisionFindingSource;
import cn.jl.govit.supervision.SupervisionFindings;
import cn.jl.govit.supervision.SupervisionRequests;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "supervision", description = "监督检查发现的问题及整改 Supervision findings and their rectification (Art. 30, 31)")
class SupervisionApiController {

    private final SupervisionFindings findings;
    private final RequestValidator validator;

    SupervisionApiController(SupervisionFindings findings, RequestValidator validator) {
        this.findings = findings;
        this.validator = validator;
    }

    @PostMapping("/projects/{id}/findings")
    @Operation(summary = "A supervising body raises a finding in its duty area (422 ART-31 outside it); opens a RECTIFICATION obligation of the lead department. "
            + "source DIRECT (default); EVALUATION (the project's approval authority only, 403 others; area PERFORMANCE; sourceRef the self-evaluation or post-evaluation, 422 ART-32 without its report); "
            + "OBLIGATION (sourceRef an obligation of this project overdue today, 422 ART-31 otherwise)")
    ResponseEntity<SupervisionFinding> raise(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = SupervisionRequests.NewFinding.class)))
            JsonBody<SupervisionRequests.NewFinding> body) {
        // any supervising body may go on to its body; whether it may raise from that source is known once read
        findings.checkMayRaise(id);
        SupervisionFinding finding = findings.raise(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/findings/" + finding.id()))
                .eTag(Versions.etag(finding.version())).body(finding);
    }

    @GetMapping("/projects/{id}/findings")
    @Operation(summary = "The project's supervision findings with their rectifications, latest first, withdrawn ones included (a JSON array)")
    List<SupervisionFinding> ofProject(@PathVariable UUID id) {
        return findings.forProject(id);
    }

    @GetMapping("/findings")
    @Operation(summary = "Findings across projects (provincial bodies: all; a department: its projects'), latest first, paged; filtered by status, area, overdue and source (DIRECT, EVALUATION, OBLIGATION)")
    PageOf<SupervisionFinding> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String area, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return findings.page(parsed("status", status, FindingStatus::valueOf), parsed("area", area, SupervisionArea::valueOf),
                overdue, parsed("source", source, SupervisionFindingSource::valueOf), page, size);
    }

    @GetMapping("/findings/{fid}")
    @Operation(summary = "One finding with its rectifications and reviews")
    ResponseEntity<SupervisionFinding> get(@PathVariable UUID fid) {
        SupervisionFinding finding = findings.get(fid);
        return ResponseEntity.ok().eTag(Versions.etag(finding.version())).body(finding);
    }

    @PostMapping("/findings/{fid}/rectification")
    @Operation(summary = "The construction unit reports its rectification of an open finding → RECTIFIED")
    ResponseEntity<SupervisionFinding> rectify(@PathVariable UUID fid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = SupervisionRequests.Rectification.class)))
            JsonBody<SupervisionRequests.Rectification> body) {
        findings.checkMayRectify(fid);
        SupervisionFinding finding = findings.rectify(fid, validator.valid(body));
        return ResponseEntity.ok().eTag(Versions.etag(finding.version())).body(finding);
    }

    @PostMapping("/findings/{fid}/review")
    @Operation(summary = "The raising body accepts the rectification (CLOSED, obligation met) or rejects it with an opinion (OPEN again)")
    ResponseEntity<SupervisionFinding> review(@PathVariable UUID fid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = SupervisionRequests.Review.class)))
            JsonBody<SupervisionRequests.Review> body) {
        findings.checkMayReview(fid);
        SupervisionFinding finding = findings.review(fid, validator.valid(body));
        return ResponseEntity.ok().eTag(Versions.etag(finding.version())).body(finding);
    }

    @PostMapping("/findings/{fid}/withdrawal")
    @Operation(summary = "The raising body withdraws its finding with a reason; it stays listed (Art. 30), its obligation is waived")
    ResponseEntity<SupervisionFinding> withdraw(@PathVariable UUID fid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = SupervisionRequests.Withdrawal.class)))
            JsonBody<SupervisionRequests.Withdrawal> body) {
        findings.checkMayReview(fid);
        SupervisionFinding finding = findings.withdraw(fid, validator.valid(body));
        return ResponseEntity.ok().eTag(Versions.etag(finding.version())).body(finding);
    }

    static <T> T parsed(String field, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "problem.field.invalid");
        }
    }
}
