package cn.jl.govit.change.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.change.ChangeRequests;
import cn.jl.govit.change.StoredChange;
import cn.jl.govit.change.web.ChangeApiRequests.AcknowledgeBody;
import cn.jl.govit.change.web.ChangeApiRequests.ChangeBody;
import cn.jl.govit.change.web.ChangeApiRequests.GovernmentDecisionBody;
import cn.jl.govit.change.web.ChangeViews.AssessmentView;
import cn.jl.govit.change.web.ChangeViews.BaselineView;
import cn.jl.govit.change.web.ChangeViews.ChangeRequestView;
import cn.jl.govit.change.web.ChangeViews.ComparisonView;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "changes", description = "变更 Change requests and their route: filing, re-approval, government approval (Art. 23); baselines")
class ChangeApiController {

    private final ChangeRequests changes;
    private final CitationMessages messages;
    private final RequestValidator validator;

    ChangeApiController(ChangeRequests changes, CitationMessages messages, RequestValidator validator) {
        this.changes = changes;
        this.messages = messages;
        this.validator = validator;
    }

    @PostMapping("/projects/{id}/change-requests/assessment")
    @Operation(summary = "The route Art. 23 gives a change, with every reason; changes nothing (construction unit or "
            + "approval authority). On a suspended project (ART-22), one not under construction (ART-14) or with a "
            + "change pending (ART-23) the route is still answered, with mayRequest false and those refusals")
    AssessmentView assess(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeBody.class)))
            JsonBody<ChangeBody> body,
            Locale locale) {
        changes.checkMayAssess(id);
        ChangeBody request = validator.valid(body);
        return AssessmentView.of(changes.assess(id, request.toCommand(false)), messages, locale);
    }

    @PostMapping("/projects/{id}/change-requests")
    @Operation(summary = "The construction unit files a change request; it takes its route: FILING is in force at once, "
            + "REAPPROVAL opens a revised submission of the path's last stage, GOVERNMENT_APPROVAL waits for the "
            + "provincial government (Art. 23); 422 ART-22 on a suspended project")
    ResponseEntity<ChangeRequestView> request(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChangeBody.class)))
            JsonBody<ChangeBody> body,
            Locale locale) {
        changes.checkMayRequest(id);
        ChangeBody request = validator.valid(body);
        StoredChange change = changes.request(id, request.toCommand(true));
        return ResponseEntity.created(URI.create("/api/v1/change-requests/" + change.request().id()))
                .eTag(Versions.etag(change.request().version()))
                .body(ChangeRequestView.of(change, messages, locale));
    }

    @GetMapping("/projects/{id}/change-requests")
    @Operation(summary = "A project's change requests, newest first")
    PageOf<ChangeRequestView> list(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Locale locale) {
        Paging paging = Paging.of(page, size);
        return changes.forProject(id, paging.page(), paging.size()).map(c -> ChangeRequestView.of(c, messages, locale));
    }

    @GetMapping("/change-requests/{id}")
    @Operation(summary = "One change request with its route, reasons and outcome")
    ResponseEntity<ChangeRequestView> get(@PathVariable UUID id, Locale locale) {
        StoredChange change = changes.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(change.request().version()))
                .body(ChangeRequestView.of(change, messages, locale));
    }

    @PostMapping("/change-requests/{id}/acknowledgement")
    @Operation(summary = "The approval authority acknowledges a filing (备案, Art. 23)")
    ResponseEntity<ChangeRequestView> acknowledge(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AcknowledgeBody.class)))
            JsonBody<AcknowledgeBody> body,
            Locale locale) {
        changes.checkAuthority(id);
        AcknowledgeBody request = validator.valid(body);
        StoredChange change = changes.acknowledge(id, Versions.expected(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(Versions.etag(change.request().version()))
                .body(ChangeRequestView.of(change, messages, locale));
    }

    @PostMapping("/change-requests/{id}/government-decision")
    @Operation(summary = "The approval authority records the provincial government's decision on an increase of a "
            + "Digital Jilin fund project (Art. 23 (3)); APPROVED revises the approved estimate and adds a baseline")
    ResponseEntity<ChangeRequestView> governmentDecision(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = GovernmentDecisionBody.class)))
            JsonBody<GovernmentDecisionBody> body,
            Locale locale) {
        changes.checkAuthority(id);
        GovernmentDecisionBody request = validator.valid(body);
        StoredChange change = changes.recordGovernmentDecision(id, Versions.expected(ifMatch, request.version()),
                request.toDecision());
        return ResponseEntity.ok().eTag(Versions.etag(change.request().version()))
                .body(ChangeRequestView.of(change, messages, locale));
    }

    @GetMapping("/projects/{id}/baselines")
    @Operation(summary = "A project's baselines in order: 1 is the approval, then one per filing and approved change")
    List<BaselineView> baselines(@PathVariable UUID id) {
        return changes.baselines(id).stream().map(BaselineView::of).toList();
    }

    @GetMapping("/projects/{id}/baselines/compare")
    @Operation(summary = "Two baselines compared field by field, with the change requests between them")
    ComparisonView compare(@PathVariable UUID id, @RequestParam int from, @RequestParam int to, Locale locale) {
        return ComparisonView.of(changes.compare(id, from, to), messages, locale);
    }
}
