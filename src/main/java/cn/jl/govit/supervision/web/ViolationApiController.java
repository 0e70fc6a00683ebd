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
import cn.jl.govit.supervision.ViolationKind;
import cn.jl.govit.supervision.ViolationRecord;
import cn.jl.govit.supervision.ViolationRecords;
import cn.jl.govit.supervision.ViolationRequests;
import cn.jl.govit.supervision.ViolationStatus;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "violations", description = "违规记录与移送 Violation records and their referrals (Art. 30, 33, 34)")
class ViolationApiController {

    private final ViolationRecords violations;
    private final RequestValidator validator;

    ViolationApiController(ViolationRecords violations, RequestValidator validator) {
        this.violations = violations;
        this.validator = validator;
    }

    @PostMapping("/projects/{id}/violations")
    @Operation(summary = "Records a violation of the project: the Art. 33 kinds by the project's approval authority (other supervising bodies 422 ART-33), "
            + "MISCONDUCT (Art. 34) by the authority or any supervising body; departments, experts and the Leading Group 403. "
            + "occurredOn not in the future (400 date.future) nor before the project was proposed (422). Tells the lead department.")
    ResponseEntity<ViolationRecord> record(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ViolationRequests.NewViolation.class)))
            JsonBody<ViolationRequests.NewViolation> body) {
        violations.checkMayRecord(id);
        ViolationRecord record = violations.record(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/violations/" + record.id()))
                .eTag(Versions.etag(record.version())).body(record);
    }

    @GetMapping("/projects/{id}/violations")
    @Operation(summary = "The project's violation records with their referrals, latest first, withdrawn ones included (a JSON array)")
    List<ViolationRecord> ofProject(@PathVariable UUID id) {
        return violations.forProject(id);
    }

    @GetMapping("/violations")
    @Operation(summary = "Violation records across projects (provincial bodies: all; a department: its projects'; others 403), latest first, paged; filtered by kind and status (RECORDED, WITHDRAWN)")
    PageOf<ViolationRecord> list(@RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return violations.page(ViolationApiController.parsed("kind", kind, ViolationKind::valueOf),
                ViolationApiController.parsed("status", status, ViolationStatus::valueOf), page, size);
    }

    @GetMapping("/violations/{vid}")
    @Operation(summary = "One violation record with its referrals")
    ResponseEntity<ViolationRecord> get(@PathVariable UUID vid) {
        ViolationRecord record = violations.get(vid);
        return ResponseEntity.ok().eTag(Versions.etag(record.version())).body(record);
    }

    @PostMapping("/violations/{vid}/referrals")
    @Operation(summary = "The recording body refers its record to a competent body (提请有关部门严肃处理); referrals are numbered in order and never changed; 422 once the record is withdrawn")
    ResponseEntity<ViolationRecord> refer(@PathVariable UUID vid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ViolationRequests.Referral.class)))
            JsonBody<ViolationRequests.Referral> body) {
        violations.checkMayAct(vid);
        ViolationRecord record = violations.refer(vid, validator.valid(body));
        return ResponseEntity.status(201).eTag(Versions.etag(record.version())).body(record);
    }

    @PostMapping("/violations/{vid}/withdrawal")
    @Operation(summary = "The recording body withdraws its record with a reason; it stays visible with the reason (Art. 30)")
    ResponseEntity<ViolationRecord> withdraw(@PathVariable UUID vid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ViolationRequests.Withdrawal.class)))
            JsonBody<ViolationRequests.Withdrawal> body) {
        violations.checkMayAct(vid);
        ViolationRecord record = violations.withdraw(vid, validator.valid(body));
        return ResponseEntity.ok().eTag(Versions.etag(record.version())).body(record);
    }

    /** A filter value of a list: blank is none, an unknown name {@code 400} naming the parameter. */
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
