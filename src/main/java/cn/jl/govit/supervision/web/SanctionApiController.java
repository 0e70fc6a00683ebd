package cn.jl.govit.supervision.web;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;
import cn.jl.govit.supervision.Sanction;
import cn.jl.govit.supervision.SanctionKind;
import cn.jl.govit.supervision.SanctionNotice;
import cn.jl.govit.supervision.SanctionRequests;
import cn.jl.govit.supervision.SanctionStatus;
import cn.jl.govit.supervision.Sanctions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "sanctions", description = "通报批评、暂缓拨付资金、暂停项目建设、终止项目 The sanction ladder (Art. 31) and the public criticism of Art. 33")
class SanctionApiController {

    private final Sanctions sanctions;
    private final RequestValidator validator;

    SanctionApiController(Sanctions sanctions, RequestValidator validator) {
        this.sanctions = sanctions;
        this.validator = validator;
    }

    @PostMapping("/projects/{id}/sanctions")
    @Operation(summary = "A supervising body imposes a sanction citing a finding whose rectification was refused or is overdue (ART-31) "
            + "or, public criticism only, a violation record (ART-33). PUBLIC_CRITICISM: the raising body or the approval authority; "
            + "SUSPEND_FUNDS: Finance (further disbursements are refused with 422 ART-31); SUSPEND_CONSTRUCTION: the approval authority "
            + "(construction records and changes refused); TERMINATE: the approval authority after an earlier sanction on the same finding "
            + "(the project becomes TERMINATED, read-only). 422 otherwise, 403 for anyone but a supervising body")
    ResponseEntity<Sanction> impose(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = SanctionRequests.NewSanction.class)))
            JsonBody<SanctionRequests.NewSanction> body) {
        sanctions.checkMayImpose(id);
        Sanction sanction = sanctions.impose(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/sanctions/" + sanction.id()))
                .eTag(Versions.etag(sanction.version())).body(sanction);
    }

    @GetMapping("/projects/{id}/sanctions")
    @Operation(summary = "The project's sanctions, latest first, lifted ones included (a JSON array)")
    List<Sanction> ofProject(@PathVariable UUID id) {
        return sanctions.forProject(id);
    }

    @GetMapping("/sanctions")
    @Operation(summary = "Sanctions across projects (provincial bodies: all; a department: its projects'), latest first, paged; filtered by kind and status")
    PageOf<Sanction> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return sanctions.page(SupervisionApiController.parsed("kind", kind, SanctionKind::valueOf),
                SupervisionApiController.parsed("status", status, SanctionStatus::valueOf), page, size);
    }

    @GetMapping("/sanctions/notices")
    @Operation(summary = "The public criticism notices (通报批评), readable by every signed-in user; in force only unless includeLifted")
    PageOf<SanctionNotice> notices(@RequestParam(defaultValue = "false") boolean includeLifted,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return sanctions.notices(includeLifted, page, size);
    }

    @GetMapping("/sanctions/{sid}")
    @Operation(summary = "One sanction")
    ResponseEntity<Sanction> get(@PathVariable UUID sid) {
        Sanction sanction = sanctions.get(sid);
        return ResponseEntity.ok().eTag(Versions.etag(sanction.version())).body(sanction);
    }

    @PostMapping("/sanctions/{sid}/lifting")
    @Operation(summary = "The imposing body lifts a sanction with a reason (422 for a termination, which is final); funds flow and "
            + "construction resumes once no other sanction of that kind holds the project")
    ResponseEntity<Sanction> lift(@PathVariable UUID sid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = SanctionRequests.Lifting.class)))
            JsonBody<SanctionRequests.Lifting> body) {
        sanctions.checkMayLift(sid);
        Sanction sanction = sanctions.lift(sid, validator.valid(body));
        return ResponseEntity.ok().eTag(Versions.etag(sanction.version())).body(sanction);
    }
}
