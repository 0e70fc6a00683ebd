package cn.jl.govit.evaluation.web;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.evaluation.EvaluationRequests;
import cn.jl.govit.evaluation.PostEvaluation;
import cn.jl.govit.evaluation.PostEvaluationStatus;
import cn.jl.govit.evaluation.PostEvaluations;
import cn.jl.govit.evaluation.SelfEvaluation;
import cn.jl.govit.evaluation.SelfEvaluationStatus;
import cn.jl.govit.evaluation.SelfEvaluationVersion;
import cn.jl.govit.evaluation.SelfEvaluations;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "evaluation", description = "自评价与第三方后评价 Self-evaluation and post-evaluation (Art. 28); findings raised from them are supervision findings with source EVALUATION (POST /projects/{id}/findings, Art. 32)")
class EvaluationApiController {

    private final SelfEvaluations selfEvaluations;
    private final PostEvaluations postEvaluations;
    private final RequestValidator validator;

    EvaluationApiController(SelfEvaluations selfEvaluations, PostEvaluations postEvaluations,
            RequestValidator validator) {
        this.selfEvaluations = selfEvaluations;
        this.postEvaluations = postEvaluations;
        this.validator = validator;
    }

    // self-evaluation

    @GetMapping("/projects/{id}/self-evaluation-window")
    @Operation(summary = "The project's self-evaluation window (12 to 24 months after operation started) and its state today; 404 before operation")
    EvaluationViews.WindowView window(@PathVariable UUID id) {
        return selfEvaluations.window(id).map(EvaluationViews.WindowView::of)
                .orElseThrow(() -> new RecordNotFoundException("SelfEvaluationWindow", id));
    }

    @PostMapping("/projects/{id}/self-evaluation")
    @Operation(summary = "The construction unit submits its self-evaluation report, or resubmits a returned one (201 first, 200 again); 422 ART-28 before the window opens or naming each missing part")
    ResponseEntity<EvaluationViews.SelfEvaluationView> submit(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = EvaluationRequests.SelfEvaluationReport.class)))
            JsonBody<EvaluationRequests.SelfEvaluationReport> body) {
        selfEvaluations.checkMaySubmit(id);
        EvaluationRequests.SelfEvaluationReport r = validator.valid(body);
        EvaluationRequests.SelfEvaluationReport request = new EvaluationRequests.SelfEvaluationReport(r.evaluatedOn(),
                r.goalsAchieved(), r.investmentAndBenefits(), r.operationAndUse(), r.sharingAndIntegration(),
                r.problemsAndMeasures(), r.documentId(), Versions.expected(ifMatch, r.version()));
        SelfEvaluations.Submitted submitted = selfEvaluations.submit(id, request);
        SelfEvaluation report = submitted.report();
        ResponseEntity.BodyBuilder answer = submitted.created()
                ? ResponseEntity.created(URI.create("/api/v1/self-evaluations/" + report.id()))
                : ResponseEntity.ok();
        return answer.eTag(Versions.etag(report.version())).body(EvaluationViews.SelfEvaluationView.of(report));
    }

    @GetMapping("/projects/{id}/self-evaluations")
    @Operation(summary = "The project's self-evaluation report (at most one; a JSON array)")
    List<EvaluationViews.SelfEvaluationView> selfEvaluations(@PathVariable UUID id) {
        return selfEvaluations.forProject(id).stream().map(EvaluationViews.SelfEvaluationView::of).toList();
    }

    @GetMapping("/self-evaluations")
    @Operation(summary = "The self-evaluation reports of the projects the caller sees, latest first, paged")
    PageOf<EvaluationViews.SelfEvaluationView> allSelfEvaluations(@RequestParam(required = false) SelfEvaluationStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return selfEvaluations.page(status, page, size).map(l -> EvaluationViews.SelfEvaluationView.of(l.report()));
    }

    @GetMapping("/self-evaluations/{id}")
    @Operation(summary = "One self-evaluation report as it stands")
    ResponseEntity<EvaluationViews.SelfEvaluationView> selfEvaluation(@PathVariable UUID id) {
        SelfEvaluation report = selfEvaluations.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(report.version())).body(EvaluationViews.SelfEvaluationView.of(report));
    }

    @GetMapping("/self-evaluations/{id}/versions")
    @Operation(summary = "Every submitted version of the report with the authority's decision on it, oldest first")
    List<SelfEvaluationVersion> versions(@PathVariable UUID id) {
        return selfEvaluations.versions(id);
    }

    @PostMapping("/self-evaluations/{id}/decision")
    @Operation(summary = "The approval authority accepts the submitted report or returns it, with its opinion")
    ResponseEntity<EvaluationViews.SelfEvaluationView> decide(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = EvaluationRequests.Decision.class)))
            JsonBody<EvaluationRequests.Decision> body) {
        selfEvaluations.checkMayDecide(id);
        EvaluationRequests.Decision r = validator.valid(body);
        SelfEvaluation report = selfEvaluations.decide(id, new EvaluationRequests.Decision(r.outcome(), r.opinion(),
                Versions.expected(ifMatch, r.version())));
        return ResponseEntity.ok().eTag(Versions.etag(report.version())).body(EvaluationViews.SelfEvaluationView.of(report));
    }

    // post-evaluation

    @PostMapping("/projects/{id}/post-evaluations")
    @Operation(summary = "The approval authority commissions a third-party post-evaluation of a project in operation")
    ResponseEntity<PostEvaluation> commission(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = EvaluationRequests.Commission.class)))
            JsonBody<EvaluationRequests.Commission> body) {
        postEvaluations.checkMayCommission(id);
        PostEvaluation evaluation = postEvaluations.commission(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/post-evaluations/" + evaluation.id()))
                .eTag(Versions.etag(evaluation.version())).body(evaluation);
    }

    @GetMapping("/projects/{id}/post-evaluations")
    @Operation(summary = "The project's post-evaluations, latest first (a JSON array)")
    List<PostEvaluation> postEvaluations(@PathVariable UUID id) {
        return postEvaluations.forProject(id);
    }

    @GetMapping("/post-evaluations")
    @Operation(summary = "The post-evaluations of the projects the caller sees, latest first, paged")
    PageOf<PostEvaluation> allPostEvaluations(@RequestParam(required = false) PostEvaluationStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return postEvaluations.page(status, page, size).map(PostEvaluations.Listed::evaluation);
    }

    @GetMapping("/post-evaluations/{id}")
    @Operation(summary = "One post-evaluation")
    ResponseEntity<PostEvaluation> postEvaluation(@PathVariable UUID id) {
        PostEvaluation evaluation = postEvaluations.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(evaluation.version())).body(evaluation);
    }

    @PostMapping("/post-evaluations/{id}/report")
    @Operation(summary = "The approval authority records the post-evaluation's report; 422 ART-28 naming a missing summary or document")
    ResponseEntity<PostEvaluation> report(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = EvaluationRequests.PostEvaluationReport.class)))
            JsonBody<EvaluationRequests.PostEvaluationReport> body) {
        postEvaluations.checkMayReport(id);
        EvaluationRequests.PostEvaluationReport r = validator.valid(body);
        PostEvaluation evaluation = postEvaluations.report(id, new EvaluationRequests.PostEvaluationReport(r.reportedOn(),
                r.conclusion(), r.summary(), r.documentId(), Versions.expected(ifMatch, r.version())));
        return ResponseEntity.ok().eTag(Versions.etag(evaluation.version())).body(evaluation);
    }
}
