package cn.jl.govit.acceptance.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.acceptance.FinalAcceptanceApplication;
import cn.jl.govit.acceptance.FinalAcceptanceCondition;
import cn.jl.govit.acceptance.FinalAcceptanceDelegation;
import cn.jl.govit.acceptance.FinalAcceptanceOutcome;
import cn.jl.govit.acceptance.FinalAcceptanceStatus;
import cn.jl.govit.acceptance.FinalAcceptances;
import cn.jl.govit.acceptance.MaterialApplicability;
import cn.jl.govit.expert.AcceptanceCommittee;
import cn.jl.govit.expert.AcceptanceConclusion;
import cn.jl.govit.expert.AcceptanceOpinion;
import cn.jl.govit.expert.CommitteeReport;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "final-acceptance", description = "竣工验收 Final acceptance: application with the Annex 4 materials, committee, result, delegation (Art. 24, 26, 27)")
class FinalAcceptanceApiController {

    private final FinalAcceptances acceptances;
    private final RequestValidator validator;
    private final MessageSource messages;

    FinalAcceptanceApiController(FinalAcceptances acceptances, RequestValidator validator, MessageSource messages) {
        this.acceptances = acceptances;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/final-acceptance/materials")
    @Operation(summary = "The final acceptance materials checklist (Annex 4 and Art. 26) and how each item applies to a project with these facts")
    List<ChecklistView> checklist(@RequestParam(defaultValue = "true") boolean softwareDeveloped,
            @RequestParam(defaultValue = "false") boolean classified, Locale locale) {
        return acceptances.checklist(softwareDeveloped, classified).stream()
                .map(i -> new ChecklistView(i.material().code(), title(i.material().titleKey(), locale), i.applicability()))
                .toList();
    }

    @GetMapping("/projects/{id}/final-acceptance")
    @Operation(summary = "Where the project's final acceptance stands: the conditions of Annex 4 section 4, every application, the delegation and the latest committee's opinions")
    OverviewView overview(@PathVariable UUID id, Locale locale) {
        FinalAcceptances.Overview o = acceptances.overview(id);
        return new OverviewView(o.project().id(), o.project().status(), o.status(), o.archivePassed(),
                o.conditions().stream().map(c -> ConditionView.of(c, messages, locale)).toList(),
                o.applications().stream().map(ApplicationView::of).toList(),
                o.delegation() == null ? null : DelegationView.of(o.delegation()),
                o.committee() == null ? null : CommitteeView.of(o.committee(), o.committeeDisclosed()));
    }

    @PostMapping("/projects/{id}/final-acceptance/application")
    @Operation(summary = "The construction unit applies for final acceptance with the Annex 4 materials (422 with one violation per missing material, item = its code)")
    ResponseEntity<ApplicationView> apply(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApplicationBody.class)))
            JsonBody<ApplicationBody> body) {
        acceptances.checkMayApply(id);
        ApplicationBody request = validator.valid(body);
        FinalAcceptanceApplication application = acceptances.apply(id, request.softwareDeveloped(),
                request.materials().stream().map(m -> new FinalAcceptances.MaterialInput(m.code(), m.documentId())).toList());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/final-acceptance"))
                .body(ApplicationView.of(application));
    }

    @PostMapping("/projects/{id}/final-acceptance/committee")
    @Operation(summary = "The approval authority forms the acceptance committee of the pending application: size experts drawn at random, or the named experts")
    ResponseEntity<CommitteeView> committee(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = CommitteeBody.class)))
            JsonBody<CommitteeBody> body) {
        acceptances.checkAuthority(id);
        CommitteeBody request = validator.valid(body);
        AcceptanceCommittee committee = acceptances.formCommittee(id, request.size(), request.experts());
        return ResponseEntity.status(HttpStatus.CREATED).body(CommitteeView.of(CommitteeReport.of(committee)));
    }

    @PostMapping("/projects/{id}/final-acceptance/result")
    @Operation(summary = "The approval authority (or, by delegation, the construction unit with its report) records the result; PASSED moves the project to IN_OPERATION, 422 ART-24 while the archive acceptance has not passed; FAILED opens the rectification (Art. 27)")
    ApplicationView result(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ResultBody.class)))
            JsonBody<ResultBody> body) {
        acceptances.checkMayDecide(id);
        ResultBody request = validator.valid(body);
        return ApplicationView.of(acceptances.decide(id, request.outcome(), request.decidedOn(), request.opinion(),
                request.reportDocumentId()));
    }

    @PostMapping("/projects/{id}/final-acceptance/delegation")
    @Operation(summary = "The approval authority delegates the final acceptance of a simple or equipment-only project to the construction unit (Annex 4 section 5)")
    ResponseEntity<DelegationView> delegate(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = DelegationBody.class)))
            JsonBody<DelegationBody> body) {
        acceptances.checkAuthority(id);
        DelegationBody request = validator.valid(body);
        return ResponseEntity.status(HttpStatus.CREATED).body(DelegationView.of(acceptances.delegate(id, request.reason())));
    }

    @GetMapping("/final-acceptance/applications")
    @Operation(summary = "Final acceptance applications awaiting the caller's decision as approval authority, oldest first (approvers only)")
    PageOf<PendingView> pending(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return acceptances.pending(Paging.of(page, size)).map(p -> new PendingView(p.project().id(), p.project().code(),
                p.project().name(), p.project().leadOrganizationCode(), p.committeeFormed(), p.opinionsComplete(),
                ApplicationView.of(p.application())));
    }

    private String title(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    @Schema(description = "A final acceptance application: whether software was developed (AM13.1–13.5 then apply) and one document of the project per material code")
    record ApplicationBody(@NotNull Boolean softwareDeveloped,
            @NotNull @Size(max = 50) List<@NotNull @Valid MaterialBody> materials) {
    }

    @Schema(description = "A material of the application: its checklist code and a document stored for the project")
    record MaterialBody(@NotBlank @Size(max = 32) String code, @NotNull UUID documentId) {
    }

    @Schema(description = "Either size (experts drawn at random) or experts (usernames named by the authority)")
    record CommitteeBody(@Min(1) @Max(50) Integer size, @Size(min = 1, max = 50) List<@NotBlank @Size(max = 64) String> experts) {
    }

    @Schema(description = "The final acceptance result; opinion required for FAILED and by delegation, reportDocumentId (the unit's acceptance report) by delegation")
    record ResultBody(@NotNull FinalAcceptanceOutcome outcome, @NotNull LocalDate decidedOn,
            @Size(max = 20000) String opinion, UUID reportDocumentId) {
    }

    @Schema(description = "Why the authority delegates the acceptance to the construction unit")
    record DelegationBody(@NotBlank @Size(max = 20000) String reason) {
    }

    record ChecklistView(String code, String title, MaterialApplicability applicability) {
    }

    record ConditionView(String number, FinalAcceptanceCondition.Status status, String text, List<String> basis,
            boolean blocking) {

        static ConditionView of(FinalAcceptanceCondition c, MessageSource messages, Locale locale) {
            return new ConditionView(c.number(), c.status(), messages.getMessage(c.messageKey(), null, c.messageKey(), locale),
                    c.basis(), c.blocking());
        }
    }

    record MaterialView(String code, UUID documentId, String sm3) {
    }

    record ApplicationView(UUID id, int number, FinalAcceptanceStatus status, boolean softwareDeveloped,
            LocalDate appliedOn, String appliedBy, List<MaterialView> materials, LocalDate decidedOn, String opinion,
            String decidedBy, boolean delegated, UUID reportDocumentId, long version) {

        static ApplicationView of(FinalAcceptanceApplication a) {
            return new ApplicationView(a.id(), a.number(), a.status(), a.softwareDeveloped(), a.appliedOn(),
                    a.appliedBy(), a.materials().stream().map(m -> new MaterialView(m.code(), m.documentId(), m.sm3()))
                            .toList(),
                    a.decidedOn(), a.opinion(), a.decidedBy(), a.delegated(), a.reportDocumentId(), a.version());
        }
    }

    record DelegationView(String reason, LocalDate delegatedOn, String delegatedBy) {

        static DelegationView of(FinalAcceptanceDelegation d) {
            return new DelegationView(d.reason(), d.delegatedOn(), d.delegatedBy());
        }
    }

    record OpinionView(String expert, AcceptanceConclusion conclusion, String overallOpinion, Instant filedAt) {
    }

    record CommitteeView(UUID applicationId, AcceptanceCommittee.Method method, String formedBy, Instant formedAt,
            List<String> experts, int filed, boolean complete, List<OpinionView> opinions) {

        static CommitteeView of(CommitteeReport r) {
            return of(r, true);
        }

        /** Without the experts' names and opinions unless {@code disclosed}: only the counts. */
        static CommitteeView of(CommitteeReport r, boolean disclosed) {
            AcceptanceCommittee c = r.committee();
            return new CommitteeView(c.applicationId(), c.method(), c.formedBy(), c.formedAt(),
                    disclosed ? c.members().stream().map(m -> m.expertUsername()).toList() : List.of(), r.filed(),
                    r.complete(), disclosed ? c.opinions().stream().map(FinalAcceptanceApiController::opinion).toList()
                            : List.of());
        }
    }

    private static OpinionView opinion(AcceptanceOpinion o) {
        return new OpinionView(o.expertUsername(), o.conclusion(), o.overallOpinion(), o.filedAt());
    }

    record OverviewView(UUID projectId, ProjectStatus projectStatus, FinalAcceptanceStatus status, boolean archivePassed,
            List<ConditionView> conditions, List<ApplicationView> applications, DelegationView delegation,
            CommitteeView committee) {
    }

    record PendingView(UUID projectId, String projectCode, String projectName, String leadOrganizationCode,
            boolean committeeFormed, boolean opinionsComplete, ApplicationView application) {
    }
}
