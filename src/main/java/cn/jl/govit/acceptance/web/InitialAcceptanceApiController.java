package cn.jl.govit.acceptance.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
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
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.acceptance.AcceptanceExtension;
import cn.jl.govit.acceptance.AcceptanceExtensions;
import cn.jl.govit.acceptance.AcceptanceRectification;
import cn.jl.govit.acceptance.AcceptanceRectifications;
import cn.jl.govit.acceptance.InitialAcceptance;
import cn.jl.govit.acceptance.InitialAcceptances;
import cn.jl.govit.acceptance.SpecialAcceptanceCatalog;
import cn.jl.govit.acceptance.TrialRun;
import cn.jl.govit.acceptance.TrialRuns;
import cn.jl.govit.document.Documents;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.RequestValidator;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "initial-acceptance", description = "初步验收、试运行、延期与整改 Initial acceptance, trial run, extensions and rectification (Art. 26, 27, Annex 4)")
class InitialAcceptanceApiController {

    private final InitialAcceptances initial;
    private final TrialRuns trialRuns;
    private final AcceptanceExtensions extensions;
    private final AcceptanceRectifications rectifications;
    private final SpecialAcceptanceCatalog catalog;
    private final Documents documents;
    private final RequestValidator validator;

    InitialAcceptanceApiController(InitialAcceptances initial, TrialRuns trialRuns, AcceptanceExtensions extensions,
            AcceptanceRectifications rectifications, SpecialAcceptanceCatalog catalog, Documents documents,
            RequestValidator validator) {
        this.initial = initial;
        this.trialRuns = trialRuns;
        this.extensions = extensions;
        this.rectifications = rectifications;
        this.catalog = catalog;
        this.documents = documents;
        this.validator = validator;
    }

    @GetMapping("/projects/{id}/initial-acceptance")
    @Operation(summary = "Every initial acceptance attempt, oldest first, with its special acceptances and their SM3")
    List<InitialPhaseViews.InitialAcceptanceView> attempts(@PathVariable UUID id) {
        return initial.attempts(id).stream()
                .map(a -> InitialPhaseViews.InitialAcceptanceView.of(a, catalog, documents)).toList();
    }

    @PostMapping("/projects/{id}/initial-acceptance")
    @Operation(summary = "The construction unit records an initial acceptance: PASSED moves the project into acceptance; "
            + "FAILED opens a rectification due within the rectification window (422 ART-26 naming each missing special "
            + "acceptance, late without an extension; ART-27 before the rectification is complete)")
    ResponseEntity<InitialPhaseViews.InitialAcceptanceView> record(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = InitialPhaseRequests.InitialAcceptanceBody.class)))
            JsonBody<InitialPhaseRequests.InitialAcceptanceBody> body) {
        initial.checkMayRecord(id);
        InitialPhaseRequests.InitialAcceptanceBody request = validator.valid(body);
        InitialAcceptance attempt = initial.record(id, request.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/initial-acceptance"))
                .body(InitialPhaseViews.InitialAcceptanceView.of(attempt, catalog, documents));
    }

    @GetMapping("/projects/{id}/trial-run")
    @Operation(summary = "The trial run as last recorded (404 before one is recorded)")
    ResponseEntity<InitialPhaseViews.TrialRunView> trialRun(@PathVariable UUID id) {
        Optional<TrialRun> run = trialRuns.get(id);
        return run.map(r -> ResponseEntity.ok(InitialPhaseViews.TrialRunView.of(r)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/projects/{id}/trial-run")
    @Operation(summary = "The construction unit records the trial run (again to set stableSince); with a passed initial "
            + "acceptance a stable run opens the final acceptance application deadline (Art. 26)")
    ResponseEntity<InitialPhaseViews.TrialRunView> recordTrialRun(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = InitialPhaseRequests.TrialRunBody.class)))
            JsonBody<InitialPhaseRequests.TrialRunBody> body) {
        trialRuns.checkMayRecord(id);
        InitialPhaseRequests.TrialRunBody request = validator.valid(body);
        TrialRun run = trialRuns.record(id, request.startedOn(), request.stableSince());
        return ResponseEntity.ok(InitialPhaseViews.TrialRunView.of(run));
    }

    @GetMapping("/projects/{id}/acceptance-extensions")
    @Operation(summary = "The project's extension applications, oldest first")
    List<InitialPhaseViews.ExtensionView> extensions(@PathVariable UUID id) {
        return extensions.list(id).stream().map(InitialPhaseViews.ExtensionView::of).toList();
    }

    @PostMapping("/projects/{id}/acceptance-extensions")
    @Operation(summary = "The construction unit applies to extend the initial acceptance or the final acceptance "
            + "application deadline (409 while one of the kind is pending; 422 ART-27 when no deadline runs or the "
            + "new date is not later)")
    ResponseEntity<InitialPhaseViews.ExtensionView> apply(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = InitialPhaseRequests.ExtensionBody.class)))
            JsonBody<InitialPhaseRequests.ExtensionBody> body) {
        extensions.checkMayApply(id);
        InitialPhaseRequests.ExtensionBody request = validator.valid(body);
        AcceptanceExtension extension = extensions.apply(id, request.kind(), request.reasons(), request.newDate());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/acceptance-extensions"))
                .body(InitialPhaseViews.ExtensionView.of(extension));
    }

    @PostMapping("/acceptance-extensions/{extId}/decision")
    @Operation(summary = "The project's approval authority approves (re-dating the deadline) or rejects an extension")
    InitialPhaseViews.ExtensionView decide(@PathVariable UUID extId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = InitialPhaseRequests.ExtensionDecisionBody.class)))
            JsonBody<InitialPhaseRequests.ExtensionDecisionBody> body) {
        extensions.checkMayDecide(extId);
        InitialPhaseRequests.ExtensionDecisionBody request = validator.valid(body);
        return InitialPhaseViews.ExtensionView.of(extensions.decide(extId, request.decision(), request.opinion()));
    }

    @GetMapping("/projects/{id}/acceptance-rectifications")
    @Operation(summary = "Rectifications after failed initial or final acceptances, oldest first")
    List<InitialPhaseViews.RectificationView> rectifications(@PathVariable UUID id) {
        return rectifications.list(id).stream().map(InitialPhaseViews.RectificationView::of).toList();
    }

    @PostMapping("/projects/{id}/acceptance-rectifications/{rectId}/completion")
    @Operation(summary = "The construction unit records a rectification completed; the acceptance may then be tried again")
    InitialPhaseViews.RectificationView complete(@PathVariable UUID id, @PathVariable UUID rectId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = InitialPhaseRequests.RectificationCompletionBody.class)))
            JsonBody<InitialPhaseRequests.RectificationCompletionBody> body) {
        rectifications.checkMayComplete(id, rectId);
        InitialPhaseRequests.RectificationCompletionBody request = validator.valid(body);
        AcceptanceRectification r = rectifications.complete(id, rectId, request.completedOn(), request.documentId(),
                request.summary());
        return InitialPhaseViews.RectificationView.of(r);
    }
}
