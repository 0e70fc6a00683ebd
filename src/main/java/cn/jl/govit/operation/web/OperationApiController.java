package cn.jl.govit.operation.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.operation.Assessment;
import cn.jl.govit.operation.AssessmentKind;
import cn.jl.govit.operation.Assessments;
import cn.jl.govit.operation.Maintenance;
import cn.jl.govit.operation.MaintenanceContract;
import cn.jl.govit.operation.MaintenanceRecord;
import cn.jl.govit.operation.MaintenanceRecordKind;
import cn.jl.govit.operation.MlpsRecord;
import cn.jl.govit.operation.MlpsRecords;
import cn.jl.govit.operation.OperationRequests;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;

@RestController
@RequestMapping("/api/v1/projects/{id}")
@Tag(name = "operation", description = "运行维护 Operation and maintenance after final acceptance: periodic security and "
        + "cryptography assessments, MLPS evaluations, O&M contracts and the O&M log (Art. 16, 17, 35, 36)")
class OperationApiController {

    private final Assessments assessments;
    private final MlpsRecords mlps;
    private final Maintenance maintenance;
    private final RequestValidator validator;

    OperationApiController(Assessments assessments, MlpsRecords mlps, Maintenance maintenance,
            RequestValidator validator) {
        this.assessments = assessments;
        this.mlps = mlps;
        this.maintenance = maintenance;
        this.validator = validator;
    }

    @GetMapping("/security-assessments")
    @Operation(summary = "The project's security risk assessments, newest first (Art. 16, 36)")
    List<Assessment> securityAssessments(@PathVariable UUID id) {
        return assessments.list(id, AssessmentKind.SECURITY);
    }

    @PostMapping("/security-assessments")
    @Operation(summary = "The construction unit records a security risk assessment: meets the pending one, opens the "
            + "next due a period after it (422 ART-36 unless in operation); issues or a failure notify the approval "
            + "authority and the Cyberspace Affairs Office")
    ResponseEntity<Assessment> recordSecurity(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = OperationRequests.NewAssessment.class)))
            JsonBody<OperationRequests.NewAssessment> body) {
        return record(id, AssessmentKind.SECURITY, body, "security-assessments");
    }

    @GetMapping("/crypto-assessments")
    @Operation(summary = "The project's cryptography application security assessments, newest first (Art. 17, 36)")
    List<Assessment> cryptoAssessments(@PathVariable UUID id) {
        return assessments.list(id, AssessmentKind.CRYPTO);
    }

    @PostMapping("/crypto-assessments")
    @Operation(summary = "The construction unit records a cryptography application security assessment (密评) by a "
            + "certified assessor: meets the pending one, opens the next (422 ART-36 unless in operation); issues or a "
            + "failure notify the approval authority and the Cryptography Administration")
    ResponseEntity<Assessment> recordCrypto(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = OperationRequests.NewAssessment.class)))
            JsonBody<OperationRequests.NewAssessment> body) {
        return record(id, AssessmentKind.CRYPTO, body, "crypto-assessments");
    }

    private ResponseEntity<Assessment> record(UUID id, AssessmentKind kind, JsonBody<OperationRequests.NewAssessment> body,
            String path) {
        assessments.checkMayRecord(id);
        Assessment recorded = assessments.record(id, kind, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/" + path)).body(recorded);
    }

    @GetMapping("/mlps-records")
    @Operation(summary = "The project's MLPS evaluations (等级保护测评), newest first, with the next due date from level 3 on")
    List<MlpsRecord> mlpsRecords(@PathVariable UUID id) {
        return mlps.list(id);
    }

    @PostMapping("/mlps-records")
    @Operation(summary = "The construction unit records an MLPS evaluation (422 ART-8 for a classified project, "
            + "evaluated under 分级保护 offline; 422 ART-26 before the acceptance)")
    ResponseEntity<MlpsRecord> recordMlps(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = OperationRequests.NewMlpsRecord.class)))
            JsonBody<OperationRequests.NewMlpsRecord> body) {
        mlps.checkMayRecord(id);
        MlpsRecord recorded = mlps.record(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/mlps-records")).body(recorded);
    }

    @GetMapping("/om-contracts")
    @Operation(summary = "The project's O&M contracts, latest ending first, each flagged when it ends within the renewal notice period")
    List<ContractView> contracts(@PathVariable UUID id) {
        return maintenance.contracts(id).stream().map(c -> ContractView.of(c, maintenance.renewalDue(c))).toList();
    }

    @PostMapping("/om-contracts")
    @Operation(summary = "The construction unit records an O&M contract (Art. 35; 422 ART-35 unless in operation)")
    ResponseEntity<ContractView> recordContract(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = OperationRequests.NewContract.class)))
            JsonBody<OperationRequests.NewContract> body) {
        maintenance.checkMayRecord(id);
        MaintenanceContract contract = maintenance.recordContract(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/om-contracts"))
                .body(ContractView.of(contract, maintenance.renewalDue(contract)));
    }

    @GetMapping("/om-records")
    @Operation(summary = "The project's O&M log, newest first (page, size, kind)")
    PageOf<MaintenanceRecord> records(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) @Schema(implementation = MaintenanceRecordKind.class) String kind) {
        // scope first, then the paging and the filter: a caller outside scope learns nothing from a 400
        maintenance.checkMayRead(id);
        return maintenance.records(id, kind(kind), Paging.of(page, size));
    }

    private static MaintenanceRecordKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return MaintenanceRecordKind.valueOf(kind.strip());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "problem.field.invalid");
        }
    }

    @PostMapping("/om-records")
    @Operation(summary = "The construction unit adds an entry to the O&M log (Art. 35; 422 ART-35 unless in operation "
            + "or for a date before operation started)")
    ResponseEntity<MaintenanceRecord> recordEntry(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = OperationRequests.NewRecord.class)))
            JsonBody<OperationRequests.NewRecord> body) {
        maintenance.checkMayRecord(id);
        MaintenanceRecord record = maintenance.recordEntry(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/om-records")).body(record);
    }

    /** An O&M contract with its renewal flag. */
    record ContractView(UUID id, String contractor, String contractNumber, BigDecimal amount, LocalDate startsOn,
            LocalDate endsOn, String serviceLevel, UUID documentId, boolean renewalDue, String recordedBy,
            Instant recordedAt) {

        static ContractView of(MaintenanceContract c, boolean renewalDue) {
            return new ContractView(c.id(), c.contractor(), c.contractNumber(), c.amount(), c.startsOn(), c.endsOn(),
                    c.serviceLevel(), c.documentId(), renewalDue, c.recordedBy(), c.recordedAt());
        }
    }
}
