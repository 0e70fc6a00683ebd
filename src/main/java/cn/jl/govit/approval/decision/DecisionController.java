package cn.jl.govit.approval.decision;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.expert.ConsolidatedReview;
import cn.jl.govit.expert.ReviewPanel;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.RequestValidator;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "decisions", description = "审批决定 Review panels, consolidated review, decisions with SM2-signed approval replies")
class DecisionController {

    private final Decisions decisions;
    private final RequestValidator validator;

    DecisionController(Decisions decisions, RequestValidator validator) {
        this.decisions = decisions;
        this.validator = validator;
    }

    @PostMapping("/submissions/{id}/review-panel")
    @Operation(summary = "The approval authority forms an expert panel: drawn at random ({\"size\": 3}) or named (Art. 10)")
    ResponseEntity<PanelView> panel(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PanelRequest.class))) JsonBody<PanelRequest> body) {
        decisions.checkAuthority(id);
        PanelRequest request = validator.valid(body);
        if ((request.size() == null) == (request.expertUsernames() == null || request.expertUsernames().isEmpty())) {
            throw new InvalidInputException("size", "decision.panel.size-or-names");
        }
        ReviewPanel panel = request.size() != null ? decisions.drawPanel(id, request.size())
                : decisions.namePanel(id, request.expertUsernames());
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + id + "/review-report")).body(PanelView.of(panel));
    }

    @GetMapping("/me/awaiting-decision")
    @Operation(summary = "The filed submissions that await the caller's decision as approval authority")
    List<Decisions.AwaitingDecision> awaiting() {
        return decisions.awaitingDecision();
    }

    @GetMapping("/submissions/{id}/review-report")
    @Operation(summary = "The consolidated review report of a submission, for the approval authority")
    ReportView report(@PathVariable UUID id) {
        return ReportView.of(decisions.reviewReport(id));
    }

    @PostMapping("/submissions/{id}/decision")
    @Operation(summary = "The project's approval authority decides: APPROVED, RETURNED or REJECTED, with a signed reply")
    ResponseEntity<DecisionView> decide(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = DecisionRequest.class))) JsonBody<DecisionRequest> body) {
        decisions.checkAuthority(id);
        DecisionRequest request = validator.valid(body);
        Decision decision = decisions.decide(id, new Decisions.DecisionCommand(request.outcome(),
                request.approvedInvestment(), request.constructionPeriodMonths(), request.sharingOpinion(), request.opinion()));
        return ResponseEntity.created(URI.create("/api/v1/decisions/" + decision.id())).body(DecisionView.of(decision));
    }

    @GetMapping("/decisions/{id}")
    @Operation(summary = "One decision, for whoever sees the project")
    DecisionView decision(@PathVariable UUID id) {
        return DecisionView.of(decisions.get(id));
    }

    @GetMapping("/projects/{id}/decisions")
    @Operation(summary = "A project's decisions with the investment funnel (requested, recommended, approved) per stage")
    List<DecisionView> forProject(@PathVariable UUID id) {
        return decisions.forProject(id).stream().map(DecisionView::of).toList();
    }

    @GetMapping("/decisions/{id}/document")
    @Operation(summary = "The approval reply as PDF; its SM2 signature in the X-Signature header")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        Decision decision = decisions.get(id);
        byte[] pdf = decisions.reply(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(decision.documentNumber() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Signature-Algorithm", "SM3withSM2")
                .header("X-Signature", decision.signature())
                .header("X-Signing-Key-Id", decision.signingKeyId())
                .header("X-Content-SM3", decision.replySm3())
                .body(pdf);
    }

    @GetMapping(value = "/decisions/{id}/signature", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The reply's SM2 signature (Base64), for the command-line verifier")
    String signature(@PathVariable UUID id) {
        return decisions.get(id).signature();
    }

    record PanelRequest(@Min(1) @Max(25) Integer size, @Size(max = 25) List<@NotBlank @Size(max = 50) String> expertUsernames) {
    }

    record DecisionRequest(@NotNull DecisionOutcome outcome,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal approvedInvestment,
            @Min(1) @Max(120) Integer constructionPeriodMonths,
            @Size(max = 20000) String sharingOpinion,
            @NotBlank @Size(max = 20000) String opinion) {
    }

    record PanelView(UUID id, List<Map<String, Object>> reviews) {
        static PanelView of(ReviewPanel panel) {
            return new PanelView(panel.id(), panel.reviews().stream()
                    .map(r -> Map.<String, Object>of("id", r.id(), "expertUsername", r.expertUsername(), "status", r.status()))
                    .toList());
        }
    }

    /** The consolidated review report: each expert's review with the opinion, counts, the investment spread. */
    record ReportView(UUID panelId, UUID submissionId, UUID projectId, List<ReviewView> reviews,
            Map<cn.jl.govit.expert.Conclusion, Long> conclusions, BigDecimal minRecommendedInvestment,
            BigDecimal medianRecommendedInvestment, BigDecimal maxRecommendedInvestment, boolean complete) {

        static ReportView of(ConsolidatedReview r) {
            return new ReportView(r.panelId(), r.submissionId(), r.projectId(),
                    r.reviews().stream().map(ReviewView::of).toList(), r.conclusions(), r.minRecommendedInvestment(),
                    r.medianRecommendedInvestment(), r.maxRecommendedInvestment(), r.complete());
        }
    }

    record ReviewView(UUID id, String expertUsername, String status, cn.jl.govit.expert.ReviewOpinion opinion,
            java.time.Instant submittedAt) {

        static ReviewView of(cn.jl.govit.expert.ExpertReview review) {
            return new ReviewView(review.id(), review.expertUsername(), review.status().name(), review.opinion(),
                    review.submittedAt());
        }
    }

    record DecisionView(UUID id, UUID submissionId, UUID projectId, String stage, DecisionOutcome outcome,
            String documentNumber, LocalDate issuedOn, String documentUrl, Map<String, String> signature,
            Map<String, BigDecimal> investment, Integer constructionPeriodMonths, String sharingOpinion, String opinion,
            String decidedBy) {
        static DecisionView of(Decision d) {
            Map<String, BigDecimal> funnel = new java.util.LinkedHashMap<>();
            funnel.put("requested", d.requestedInvestment());
            funnel.put("recommended", d.recommendedInvestment());
            funnel.put("approved", d.approvedInvestment());
            return new DecisionView(d.id(), d.submissionId(), d.projectId(), d.stage().name(), d.outcome(),
                    d.documentNumber(), d.issuedOn(), d.documentUrl(),
                    Map.of("algorithm", "SM2", "digest", "SM3", "value", d.signature(), "keyId", d.signingKeyId(),
                            "publicKeyUrl", "/api/v1/signing-keys/" + d.authority().organizationCode(),
                            "documentSm3", d.replySm3()),
                    funnel, d.constructionPeriodMonths(), d.sharingOpinion(), d.opinion(), d.decidedBy());
        }
    }
}
