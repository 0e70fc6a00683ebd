package cn.jl.govit.construction.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.construction.Contract;
import cn.jl.govit.construction.Contracts;
import cn.jl.govit.construction.ConstructionRequests;
import cn.jl.govit.construction.DelayFlag;
import cn.jl.govit.construction.DelayFlags;
import cn.jl.govit.construction.Incident;
import cn.jl.govit.construction.Incidents;
import cn.jl.govit.construction.Milestone;
import cn.jl.govit.construction.Milestones;
import cn.jl.govit.construction.PlannedMilestone;
import cn.jl.govit.construction.Procurement;
import cn.jl.govit.construction.Procurements;
import cn.jl.govit.construction.ProgressReport;
import cn.jl.govit.construction.ProgressReports;
import cn.jl.govit.construction.ProjectParties;
import cn.jl.govit.construction.RectificationOrder;
import cn.jl.govit.construction.RectificationOrders;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;

/**
 * The construction phase over the API (Art. 14, 21, 22): records of the construction unit, the approval
 * authority's orders, suspension and resumption, and the overview everyone who sees the project reads. Every
 * write checks scope ({@code 404}) and role ({@code 403}) before it reads the body ({@code 400}).
 */
@RestController
@RequestMapping("/api/v1/projects/{id}")
@Tag(name = "construction", description = "建设管理 Construction: records (Art. 14), contracts within the estimate (Art. 21), "
        + "progress, milestones, incidents, rectification and suspension (Art. 22)")
class ConstructionApiController {

    private final Projects projects;
    private final ProjectParties parties;
    private final Procurements procurements;
    private final Contracts contracts;
    private final ProgressReports reports;
    private final Milestones milestones;
    private final Incidents incidents;
    private final DelayFlags flags;
    private final RectificationOrders orders;
    private final RequestValidator validator;
    private final CitationMessages messages;

    ConstructionApiController(Projects projects, ProjectParties parties, Procurements procurements, Contracts contracts,
            ProgressReports reports, Milestones milestones, Incidents incidents, DelayFlags flags,
            RectificationOrders orders, RequestValidator validator, CitationMessages messages) {
        this.projects = projects;
        this.parties = parties;
        this.procurements = procurements;
        this.contracts = contracts;
        this.reports = reports;
        this.milestones = milestones;
        this.incidents = incidents;
        this.flags = flags;
        this.orders = orders;
        this.validator = validator;
        this.messages = messages;
    }

    // overview

    @GetMapping("/construction")
    @Operation(summary = "The construction overview: status, period, parties, contract budget, baseline, next report period")
    Overview overview(@PathVariable UUID id, Locale locale) {
        Project project = projects.get(id);
        return new Overview(id, project.status(), project.approvedOn(), project.constructionStartedOn(),
                project.approvedConstructionPeriodMonths(), project.plannedCompletion(),
                parties.of(id).orElse(null), BudgetView.of(contracts.budget(id), messages, locale),
                milestones.current(id), reports.nextPeriod(id).orElse(null));
    }

    record Overview(UUID projectId, ProjectStatus status, LocalDate approvedOn, LocalDate constructionStartedOn,
            int constructionPeriodMonths, LocalDate plannedCompletion, ProjectParties.Parties parties, BudgetView budget,
            Milestones.Baseline baseline, ProgressReports.Period nextReportPeriod) {
    }

    // parties

    @PutMapping("/legal-person")
    @Operation(summary = "The construction unit records the project legal person (项目法人, Art. 14)")
    ProjectParties.Parties legalPerson(@PathVariable UUID id,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.LegalPerson.class)))
            JsonBody<ConstructionRequests.LegalPerson> body) {
        unit(id);
        return parties.recordLegalPerson(id, validator.valid(body));
    }

    @PutMapping("/supervision-contractor")
    @Operation(summary = "The construction unit records the supervision contractor (监理单位, Art. 14)")
    ProjectParties.Parties supervisionContractor(@PathVariable UUID id,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.SupervisionContractor.class)))
            JsonBody<ConstructionRequests.SupervisionContractor> body) {
        unit(id);
        return parties.recordSupervisionContractor(id, validator.valid(body));
    }

    @GetMapping({"/legal-person", "/supervision-contractor"})
    @Operation(summary = "The project legal person and supervision contractor as recorded (404 before any)")
    ProjectParties.Parties parties(@PathVariable UUID id) {
        return parties.of(id).orElseThrow(() -> new RecordNotFoundException("ProjectParties", id));
    }

    // procurements and contracts

    @PostMapping("/procurements")
    @Operation(summary = "The construction unit records a procurement (Art. 14); a classified project's offline (Art. 8)")
    ResponseEntity<Procurement> procure(@PathVariable UUID id,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.NewProcurement.class)))
            JsonBody<ConstructionRequests.NewProcurement> body) {
        unit(id);
        Procurement procurement = procurements.record(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/procurements/" + procurement.id()))
                .body(procurement);
    }

    @PostMapping("/procurements/{procurementId}/award")
    @Operation(summary = "The construction unit records the award of a procurement recorded before it")
    Procurement award(@PathVariable UUID id, @PathVariable UUID procurementId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.Award.class)))
            JsonBody<ConstructionRequests.Award> body) {
        unit(id);
        return procurements.award(id, procurementId, validator.valid(body));
    }

    @GetMapping("/procurements")
    @Operation(summary = "The project's procurements, latest first")
    PageOf<Procurement> procurements(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return procurements.page(id, page, size);
    }

    @PostMapping("/contracts")
    @Operation(summary = "The construction unit records a contract: refused above the approved estimate (422 ART-21), "
            + "warned from the contract warning share on")
    ResponseEntity<ContractRecorded> contract(@PathVariable UUID id,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.NewContract.class)))
            JsonBody<ConstructionRequests.NewContract> body, Locale locale) {
        unit(id);
        Contracts.Recorded recorded = contracts.record(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/contracts/" + recorded.contract().id()))
                .body(new ContractRecorded(recorded.contract(), BudgetView.of(recorded.budget(), messages, locale),
                        recorded.warnings().stream().map(w -> Warning.of(w, messages, locale)).toList()));
    }

    @GetMapping("/contracts")
    @Operation(summary = "The project's contracts, latest signed first")
    PageOf<Contract> contracts(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return contracts.page(id, page, size);
    }

    @GetMapping("/contract-budget")
    @Operation(summary = "The contracted total against the current approved estimate (Art. 21)")
    BudgetView budget(@PathVariable UUID id, Locale locale) {
        return BudgetView.of(contracts.budget(id), messages, locale);
    }

    record ContractRecorded(Contract contract, BudgetView budget, List<Warning> warnings) {
    }

    /** A warning of a rule that does not block: rule, article and message. */
    record Warning(String rule, String article, String message) {

        static Warning of(cn.jl.govit.rulebook.Violation v, CitationMessages messages, Locale locale) {
            return new Warning(v.rule(), v.article(), messages.message(v, locale));
        }
    }

    record BudgetView(BigDecimal contractedTotal, BigDecimal approvedEstimate, BigDecimal share,
            BigDecimal warningShare, List<Warning> warnings) {

        static BudgetView of(Contracts.Budget b, CitationMessages messages, Locale locale) {
            return new BudgetView(b.contractedTotal(), b.approvedEstimate(), b.share(), b.warningShare(),
                    b.warnings().stream().map(w -> Warning.of(w, messages, locale)).toList());
        }
    }

    // progress and milestones

    @PostMapping("/progress-reports")
    @Operation(summary = "The construction unit files a progress report for one period")
    ResponseEntity<ProgressReport> report(@PathVariable UUID id,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.NewProgressReport.class)))
            JsonBody<ConstructionRequests.NewProgressReport> body) {
        unit(id);
        ProgressReport report = reports.file(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/progress-reports/" + report.id())).body(report);
    }

    @GetMapping("/progress-reports")
    @Operation(summary = "The project's progress reports, latest period first")
    PageOf<ProgressReport> reports(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return reports.page(id, page, size);
    }

    @GetMapping("/milestones")
    @Operation(summary = "The current milestone baseline: planned and actual dates, whether it is frozen")
    Milestones.Baseline milestones(@PathVariable UUID id) {
        return milestones.current(id);
    }

    @GetMapping("/milestones/baselines")
    @Operation(summary = "Every baseline version, oldest first (later versions come from approved changes, Art. 23)")
    List<Milestones.Baseline> baselines(@PathVariable UUID id) {
        return milestones.history(id);
    }

    @PostMapping("/milestones")
    @Operation(summary = "The construction unit plans a milestone while the baseline is not frozen (until the first progress report)")
    ResponseEntity<Milestone> plan(@PathVariable UUID id,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlannedMilestone.class)))
            JsonBody<PlannedMilestone> body) {
        unit(id);
        Milestone milestone = milestones.plan(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/milestones/" + milestone.id())).body(milestone);
    }

    @DeleteMapping("/milestones/{milestoneId}")
    @Operation(summary = "The construction unit takes a milestone out of the baseline while it is not frozen")
    ResponseEntity<Void> unplan(@PathVariable UUID id, @PathVariable UUID milestoneId) {
        milestones.unplan(id, milestoneId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/milestones/{milestoneId}/reached")
    @Operation(summary = "The construction unit records the day a milestone was reached")
    Milestone reached(@PathVariable UUID id, @PathVariable UUID milestoneId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.MilestoneReached.class)))
            JsonBody<ConstructionRequests.MilestoneReached> body) {
        unit(id);
        return milestones.reach(id, milestoneId, validator.valid(body).reachedOn());
    }

    // incidents, flags, rectification, suspension

    @PostMapping("/incidents")
    @Operation(summary = "The construction unit reports a serious delay or major loss (Art. 22), also while suspended")
    ResponseEntity<Incident> incident(@PathVariable UUID id,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.NewIncident.class)))
            JsonBody<ConstructionRequests.NewIncident> body) {
        unit(id);
        Incident incident = incidents.report(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/incidents/" + incident.id())).body(incident);
    }

    @GetMapping("/incidents")
    @Operation(summary = "The project's incident reports, latest first")
    PageOf<Incident> incidents(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return incidents.page(id, page, size);
    }

    @GetMapping("/delay-flags")
    @Operation(summary = "Likely serious delays the platform flagged (overdue milestone, missing progress report)")
    List<DelayFlag> delayFlags(@PathVariable UUID id) {
        return flags.forProject(id);
    }

    @PostMapping("/rectification-orders")
    @Operation(summary = "The approval authority orders rectification by a deadline (Art. 22); opens a RECTIFICATION obligation")
    ResponseEntity<RectificationOrder> order(@PathVariable UUID id,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.NewRectificationOrder.class)))
            JsonBody<ConstructionRequests.NewRectificationOrder> body) {
        authority(id);
        RectificationOrder order = orders.order(id, validator.valid(body));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/rectification-orders/" + order.id()))
                .body(order);
    }

    @GetMapping("/rectification-orders")
    @Operation(summary = "The project's rectification orders, latest first")
    PageOf<RectificationOrder> orders(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return orders.page(id, page, size);
    }

    @PostMapping("/rectification-orders/{orderId}/report")
    @Operation(summary = "The construction unit reports what it rectified")
    RectificationOrder rectified(@PathVariable UUID id, @PathVariable UUID orderId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.RectificationReport.class)))
            JsonBody<ConstructionRequests.RectificationReport> body) {
        unit(id);
        return orders.report(id, orderId, validator.valid(body));
    }

    @PostMapping("/rectification-orders/{orderId}/review")
    @Operation(summary = "The approval authority accepts the rectification (obligation met) or reopens it with an opinion")
    RectificationOrder review(@PathVariable UUID id, @PathVariable UUID orderId,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.RectificationReview.class)))
            JsonBody<ConstructionRequests.RectificationReview> body) {
        authority(id);
        return orders.review(id, orderId, validator.valid(body));
    }

    @PostMapping("/suspension")
    @Operation(summary = "The approval authority suspends construction (Art. 22): new construction records are refused")
    ProjectState suspend(@PathVariable UUID id,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.Reasoned.class)))
            JsonBody<ConstructionRequests.Reasoned> body) {
        authority(id);
        return ProjectState.of(projects.suspend(id, validator.valid(body).reason().strip()));
    }

    @PostMapping("/resumption")
    @Operation(summary = "The approval authority lets a suspended project resume construction (Art. 22)")
    ProjectState resume(@PathVariable UUID id,
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConstructionRequests.Reasoned.class)))
            JsonBody<ConstructionRequests.Reasoned> body) {
        authority(id);
        return ProjectState.of(projects.resume(id, validator.valid(body).reason().strip()));
    }

    record ProjectState(UUID projectId, ProjectStatus status, long version) {

        static ProjectState of(Project project) {
            return new ProjectState(project.id(), project.status(), project.version());
        }
    }

    private void unit(UUID id) {
        projects.requireConstructionUnit(projects.get(id));
    }

    private void authority(UUID id) {
        projects.requireAuthority(projects.get(id));
    }
}
