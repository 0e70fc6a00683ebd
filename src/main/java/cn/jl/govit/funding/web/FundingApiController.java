package cn.jl.govit.funding.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.funding.Disbursement;
import cn.jl.govit.funding.FundPlan;
import cn.jl.govit.funding.FundPlans;
import cn.jl.govit.funding.Funds;
import cn.jl.govit.funding.LevelShares;
import cn.jl.govit.funding.Spending;
import cn.jl.govit.funding.SurplusReturn;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;

/**
 * A project's funds over the API (Art. 21, 25): Finance issues fund plans and disburses, the construction unit
 * records spending, surplus returns and the split by level; everyone who sees the project reads them.
 */
@RestController
@RequestMapping("/api/v1/projects/{id}")
@Tag(name = "funding", description = "资金 Funding: fund plans, disbursements, spending, surplus (Art. 21), split by level (Art. 25)")
class FundingApiController {

    private final FundPlans plans;
    private final Funds funds;
    private final RequestValidator validator;

    FundingApiController(FundPlans plans, Funds funds, RequestValidator validator) {
        this.plans = plans;
        this.funds = funds;
        this.validator = validator;
    }

    @PostMapping("/fund-plans")
    @Operation(summary = "Finance issues a fund plan for one of the project's funding sources (Art. 21, 23 (3))")
    ResponseEntity<FundPlan> issue(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = FundingRequests.IssueFundPlan.class)))
            JsonBody<FundingRequests.IssueFundPlan> body) {
        plans.checkMayIssue(id);
        FundingRequests.IssueFundPlan request = validator.valid(body);
        FundPlan plan = plans.issue(id, request.source(), request.amount(), request.issuedOn());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/fund-plans/" + plan.id())).body(plan);
    }

    @GetMapping("/fund-plans")
    @Operation(summary = "The project's fund plans with what was disbursed against each (a short list)")
    List<FundPlan> fundPlans(@PathVariable UUID id) {
        return plans.forProject(id);
    }

    @PostMapping("/fund-plans/{planId}/disbursements")
    @Operation(summary = "Finance disburses against a fund plan, at most the plan in sum (Art. 21)")
    ResponseEntity<Disbursement> disburse(@PathVariable UUID id, @PathVariable UUID planId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = FundingRequests.Disburse.class)))
            JsonBody<FundingRequests.Disburse> body) {
        plans.checkMayIssue(id);
        FundingRequests.Disburse request = validator.valid(body);
        Disbursement disbursement = plans.disburse(id, planId, request.amount(), request.disbursedOn());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/disbursements/" + disbursement.id()))
                .body(disbursement);
    }

    @GetMapping("/disbursements")
    @Operation(summary = "The project's disbursements, oldest first (a short list)")
    List<Disbursement> disbursements(@PathVariable UUID id) {
        return plans.disbursements(id);
    }

    @PostMapping("/spending")
    @Operation(summary = "The construction unit records spending, within what was disbursed and the approved estimate "
            + "(Art. 21); refused while suspended (Art. 22)")
    ResponseEntity<Spending> spend(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = FundingRequests.RecordSpending.class)))
            JsonBody<FundingRequests.RecordSpending> body) {
        funds.checkMayRecord(id);
        FundingRequests.RecordSpending request = validator.valid(body);
        Spending spending = funds.recordSpending(id, request.amount(), request.spentOn(), request.purpose(),
                request.contractReference(), request.voucherDocumentId());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/spending/" + spending.id())).body(spending);
    }

    @GetMapping("/spending")
    @Operation(summary = "The project's spending, newest first, paged")
    PageOf<Spending> spending(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size);
        return funds.spending(id, paging.page(), paging.size());
    }

    @PostMapping("/surplus-returns")
    @Operation(summary = "The construction unit records a return of surplus funds (Art. 21)")
    ResponseEntity<SurplusReturn> returnSurplus(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = FundingRequests.ReturnSurplus.class)))
            JsonBody<FundingRequests.ReturnSurplus> body) {
        funds.checkMayRecord(id);
        FundingRequests.ReturnSurplus request = validator.valid(body);
        SurplusReturn returned = funds.recordReturn(id, request.amount(), request.returnedOn());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/surplus-returns/" + returned.id()))
                .eTag(Versions.etag(returned.version())).body(returned);
    }

    @PostMapping("/surplus-returns/{returnId}/confirmation")
    @Operation(summary = "Finance confirms that a returned surplus arrived")
    ResponseEntity<SurplusReturn> confirm(@PathVariable UUID id, @PathVariable UUID returnId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = FundingRequests.ConfirmReturn.class)))
            JsonBody<FundingRequests.ConfirmReturn> body) {
        funds.checkMayConfirm(id);
        FundingRequests.ConfirmReturn request = validator.valid(body);
        SurplusReturn confirmed = funds.confirmReturn(id, returnId, Versions.expected(ifMatch, request.version()),
                request.confirmedOn());
        return ResponseEntity.ok().eTag(Versions.etag(confirmed.version())).body(confirmed);
    }

    @GetMapping("/surplus-returns")
    @Operation(summary = "The project's surplus returns, oldest first (a short list)")
    List<SurplusReturn> returns(@PathVariable UUID id) {
        return funds.returns(id);
    }

    @PutMapping("/level-shares")
    @Operation(summary = "The construction unit replaces the split of content and funds by level; the shares add up "
            + "to the approved estimate exactly (Art. 25)")
    ResponseEntity<LevelShares> replaceLevelShares(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = FundingRequests.ReplaceLevelShares.class)))
            JsonBody<FundingRequests.ReplaceLevelShares> body) {
        funds.checkMayRecord(id);
        FundingRequests.ReplaceLevelShares request = validator.valid(body);
        LevelShares shares = funds.replaceLevelShares(id, Versions.expected(ifMatch, request.version()), request.toShares());
        return ResponseEntity.ok().eTag(Versions.etag(shares.version())).body(shares);
    }

    @GetMapping("/level-shares")
    @Operation(summary = "The current split by level (version 0 and no shares when none was recorded)")
    ResponseEntity<LevelShares> levelShares(@PathVariable UUID id) {
        LevelShares shares = funds.levelShares(id);
        return ResponseEntity.ok().eTag(Versions.etag(shares.version())).body(shares);
    }

    @GetMapping("/funds")
    @Operation(summary = "The investment funnel: approved → contracted → planned → disbursed → spent → returned, the "
            + "surplus and the split by level")
    FundsView funds(@PathVariable UUID id) {
        return FundsView.of(funds.summary(id));
    }
}
