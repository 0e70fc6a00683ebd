package cn.jl.govit.obligation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.obligation.ObligationScans;
import cn.jl.govit.obligation.ObligationScans.ScanReport;
import cn.jl.govit.obligation.ObligationStatus;
import cn.jl.govit.obligation.Obligations;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Paging;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "obligations", description = "应办事项 Obligations: every deadline the measures create, computed from the facts")
class ObligationApiController {

    private final Obligations obligations;
    private final ObligationScans scans;
    private final CurrentUsers users;
    private final RequestValidator validator;

    ObligationApiController(Obligations obligations, ObligationScans scans, CurrentUsers users, RequestValidator validator) {
        this.validator = validator;
        this.obligations = obligations;
        this.scans = scans;
        this.users = users;
    }

    @GetMapping("/projects/{id}/obligations")
    @Operation(summary = "The project's obligations by due date; an open one past its due date reads OVERDUE")
    List<ObligationView> forProject(@PathVariable UUID id) {
        LocalDate today = obligations.today();
        return obligations.forProject(id).stream().map(o -> ObligationView.of(o, today)).toList();
    }

    @GetMapping("/obligations")
    @Operation(summary = "Obligations of the projects the caller may see, by due date, filtered by status (paged)")
    PageOf<ObligationView> list(@RequestParam(required = false) ObligationStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size);
        LocalDate today = obligations.today();
        return obligations.page(status, paging.page(), paging.size()).map(l -> ObligationView.of(l, today));
    }

    @PostMapping("/obligations/{id}/waiver")
    @Operation(summary = "The project's approval authority lifts a pending obligation with its reason (kept as WAIVED)")
    ObligationView waive(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Waiver.class)))
            JsonBody<Waiver> body) {
        obligations.checkMayWaive(id);
        Waiver waiver = validator.valid(body);
        return ObligationView.of(obligations.waive(id, waiver.reason()), obligations.today());
    }

    /** Why the obligation is lifted. */
    record Waiver(@NotBlank @Size(max = 20000) String reason) {
    }

    @PostMapping("/obligations/scan")
    @Operation(summary = "The administrator runs today's obligation scan now (once per day across all nodes)")
    ScanReport scan() {
        if (!users.current().has(Role.ADMIN)) {
            throw new AccessDeniedException("only the administrator runs the scan");
        }
        return scans.scan(scans.today());
    }
}
