package cn.jl.govit.obligation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.obligation.ObligationListFilter;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.project.ApprovalAuthority;
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
    private final Organizations organizations;

    ObligationApiController(Obligations obligations, ObligationScans scans, CurrentUsers users, RequestValidator validator,
            Organizations organizations) {
        this.validator = validator;
        this.organizations = organizations;
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
    @Operation(summary = "Obligations of the projects the caller may see, by due date, filtered by status, "
            + "responsible organisation, type, and the project's authority and year of approval (paged; always within the caller's scope)")
    PageOf<ObligationView> list(@RequestParam(required = false) ObligationStatus status,
            @Parameter(description = "Responsible organisation code, e.g. RST") @RequestParam(required = false) String department,
            @RequestParam(required = false) ObligationType type,
            @Parameter(description = "Approval authority of the project (Art. 5)") @RequestParam(required = false) ApprovalAuthority authority,
            @Parameter(description = "Year the project was approved") @RequestParam(required = false) Integer approvedYear,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size);
        ObligationListFilter filter = ObligationListParams.strict(organizations, status, department, type, authority,
                approvedYear);
        LocalDate today = obligations.today();
        return obligations.page(filter, paging.page(), paging.size()).map(l -> ObligationView.of(l, today));
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
