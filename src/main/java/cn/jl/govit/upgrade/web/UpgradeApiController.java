package cn.jl.govit.upgrade.web;

import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.upgrade.UpgradeStatus;
import cn.jl.govit.upgrade.Upgrades;
import cn.jl.govit.upgrade.web.UpgradeRequests.AssessmentBody;
import cn.jl.govit.upgrade.web.UpgradeRequests.DecisionBody;
import cn.jl.govit.upgrade.web.UpgradeRequests.JointReviewBody;
import cn.jl.govit.upgrade.web.UpgradeRequests.UpgradeBody;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "upgrades", description = "升级改造 Upgrades of systems in operation: normal approval or joint review and the Leading Group (Art. 29)")
class UpgradeApiController {

    private final Upgrades upgrades;
    private final RequestValidator validator;
    private final CitationMessages citations;

    UpgradeApiController(Upgrades upgrades, RequestValidator validator, CitationMessages citations) {
        this.upgrades = upgrades;
        this.validator = validator;
        this.citations = citations;
    }

    @PostMapping("/projects/{id}/upgrades/assessment")
    @Operation(summary = "The route an upgrade with these facts would take, with every reason (nothing is stored)")
    UpgradeView.AssessmentView assess(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = AssessmentBody.class)))
            JsonBody<AssessmentBody> body, Locale locale) {
        upgrades.checkMayRequest(id);
        AssessmentBody request = validator.valid(body);
        return UpgradeView.AssessmentView.of(upgrades.assess(id, request.shareable(), request.catalogueCode()),
                citations, locale);
    }

    @PostMapping("/projects/{id}/upgrades")
    @Operation(summary = "The construction unit requests an upgrade of its system in operation (422 ART-29 otherwise); the normal route proposes the upgrade project at once")
    ResponseEntity<UpgradeView> request(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpgradeBody.class)))
            JsonBody<UpgradeBody> body, Locale locale) {
        upgrades.checkMayRequest(id);
        UpgradeBody request = validator.valid(body);
        UpgradeView view = UpgradeView.of(upgrades.request(id, request.proposal()), citations, locale);
        return ResponseEntity.created(URI.create("/api/v1/upgrades/" + view.id())).body(view);
    }

    @GetMapping("/projects/{id}/upgrades")
    @Operation(summary = "The project's upgrade requests, newest first (page, size)")
    PageOf<UpgradeView> forProject(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Locale locale) {
        return upgrades.forProject(id, Paging.of(page, size)).map(u -> UpgradeView.of(u, citations, locale));
    }

    @GetMapping("/upgrades")
    @Operation(summary = "The upgrade requests in the caller's scope, newest first; the Leading Group sees those awaiting it first (status, page, size)")
    PageOf<UpgradeView> list(@RequestParam(required = false) UpgradeStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Locale locale) {
        return upgrades.page(status, Paging.of(page, size)).map(u -> UpgradeView.of(u, citations, locale));
    }

    @GetMapping("/upgrades/{uid}")
    @Operation(summary = "An upgrade request with its route, joint review, Leading Group decision and upgrade project")
    UpgradeView get(@PathVariable UUID uid, Locale locale) {
        return UpgradeView.of(upgrades.get(uid), citations, locale);
    }

    @PostMapping("/upgrades/{uid}/joint-review")
    @Operation(summary = "The approval authority records the joint review with the departments concerned (403 for everyone else); the request then awaits the Leading Group")
    UpgradeView jointReview(@PathVariable UUID uid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = JointReviewBody.class)))
            JsonBody<JointReviewBody> body, Locale locale) {
        upgrades.checkMayReview(uid);
        JointReviewBody request = validator.valid(body);
        return UpgradeView.of(upgrades.recordJointReview(uid, request.input()), citations, locale);
    }

    @PostMapping("/upgrades/{uid}/leading-group-decision")
    @Operation(summary = "The Digital Jilin Leading Group decides after the joint review (403 for everyone else, 422 ART-29 before the review)")
    UpgradeView decide(@PathVariable UUID uid,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = DecisionBody.class)))
            JsonBody<DecisionBody> body, Locale locale) {
        upgrades.checkMayDecide(uid);
        DecisionBody request = validator.valid(body);
        return UpgradeView.of(upgrades.decide(uid, request.decision(), request.decidedOn(), request.opinion()),
                citations, locale);
    }

    @PostMapping("/upgrades/{uid}/project")
    @Operation(summary = "The construction unit proposes the upgrade project once the Leading Group approved (422 ART-29 before, after a rejection or twice)")
    ResponseEntity<UpgradeView> createProject(@PathVariable UUID uid, Locale locale) {
        UpgradeView view = UpgradeView.of(upgrades.createProject(uid), citations, locale);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + view.upgradeProjectId())).body(view);
    }
}
