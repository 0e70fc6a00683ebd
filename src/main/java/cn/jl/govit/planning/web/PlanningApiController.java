package cn.jl.govit.planning.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jl.govit.planning.ConstructionPlans;
import cn.jl.govit.planning.Demand;
import cn.jl.govit.planning.DemandCall;
import cn.jl.govit.planning.DemandDocument;
import cn.jl.govit.planning.DemandDocx;
import cn.jl.govit.planning.DemandStatus;
import cn.jl.govit.planning.Demands;
import cn.jl.govit.planning.PlanVersion;
import cn.jl.govit.planning.Responsibilities;
import cn.jl.govit.planning.web.PlanningViews.CallView;
import cn.jl.govit.planning.web.PlanningViews.DemandView;
import cn.jl.govit.planning.web.PlanningViews.PlanView;
import cn.jl.govit.planning.web.PlanningViews.ResponsibilitiesView;
import cn.jl.govit.planning.web.PlanningViews.TriageView;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;

/**
 * The planning API: the provincial plan and its versions (Art. 6), the annual demand call and the demands,
 * the Bureau's scores and triage into projects (Art. 7, 12), the participants' responsibilities (Art. 15).
 * Bodies are read after the scope and role checks.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "planning", description = "规划与需求 Planning: construction plans, demand calls, demands, triage (Art. 6–8, 12, 15)")
class PlanningApiController {

    private final ConstructionPlans plans;
    private final Demands demands;
    private final Responsibilities responsibilities;
    private final RequestValidator validator;

    PlanningApiController(ConstructionPlans plans, Demands demands, Responsibilities responsibilities,
            RequestValidator validator) {
        this.plans = plans;
        this.demands = demands;
        this.responsibilities = responsibilities;
        this.validator = validator;
    }

    // plans

    @PostMapping("/construction-plans")
    @Operation(summary = "The Digital Bureau records the provincial plan approved by the provincial government (Art. 6)")
    ResponseEntity<PlanView> recordPlan(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanningRequests.RecordPlan.class)))
            JsonBody<PlanningRequests.RecordPlan> body) {
        plans.checkMayRecord();
        PlanVersion plan = plans.record(validator.valid(body).toPlan());
        return ResponseEntity.created(URI.create("/api/v1/construction-plans/" + plan.planId()))
                .eTag(Versions.etag(plan.number())).body(PlanView.of(plan));
    }

    @GetMapping("/construction-plans")
    @Operation(summary = "The plans in their current versions, newest period first")
    PageOf<PlanView> plans(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size);
        return plans.page(paging.page(), paging.size()).map(PlanView::of);
    }

    @GetMapping("/construction-plans/{id}")
    @Operation(summary = "A plan in its current version; the ETag is the version number")
    ResponseEntity<PlanView> plan(@PathVariable UUID id) {
        PlanVersion plan = plans.current(id);
        return ResponseEntity.ok().eTag(Versions.etag(plan.number())).body(PlanView.of(plan));
    }

    @GetMapping("/construction-plans/{id}/versions")
    @Operation(summary = "Every version of a plan, the first (the plan itself) first")
    List<PlanView> planVersions(@PathVariable UUID id) {
        return plans.versions(id).stream().map(PlanView::of).toList();
    }

    @GetMapping("/construction-plans/{id}/versions/{number}")
    @Operation(summary = "One version of a plan")
    PlanView planVersion(@PathVariable UUID id, @PathVariable int number) {
        return PlanView.of(plans.version(id, number));
    }

    @PostMapping("/construction-plans/{id}/versions")
    @Operation(summary = "A major adjustment: a new version with its evaluation and the government's approval (Art. 6); "
            + "If-Match or version names the version adjusted")
    ResponseEntity<PlanView> adjustPlan(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanningRequests.RecordPlan.class)))
            JsonBody<PlanningRequests.RecordPlan> body) {
        plans.checkMayAdjust(id);
        PlanningRequests.RecordPlan request = validator.valid(body);
        Long expected = Versions.expected(ifMatch, request.version() == null ? null : request.version().longValue());
        PlanVersion plan = plans.adjust(id, expected == null ? null : Math.toIntExact(Math.min(expected, Integer.MAX_VALUE)),
                request.toPlan());
        return ResponseEntity.created(URI.create("/api/v1/construction-plans/" + id + "/versions/" + plan.number()))
                .eTag(Versions.etag(plan.number())).body(PlanView.of(plan));
    }

    // calls

    @PostMapping("/demand-calls")
    @Operation(summary = "The Digital Bureau opens the demand call of a year (需求征报) with its closing date")
    ResponseEntity<CallView> openCall(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanningRequests.OpenCall.class)))
            JsonBody<PlanningRequests.OpenCall> body) {
        demands.checkMayOpenCall();
        DemandCall call = demands.openCall(validator.valid(body).toCall());
        return ResponseEntity.created(URI.create("/api/v1/demand-calls/" + call.id())).body(CallView.of(call, demands.today()));
    }

    @GetMapping("/demand-calls")
    @Operation(summary = "The demand calls, newest year first")
    PageOf<CallView> calls(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size);
        var today = demands.today();
        return demands.calls(paging.page(), paging.size()).map(c -> CallView.of(c, today));
    }

    @GetMapping("/demand-calls/{id}")
    @Operation(summary = "One demand call")
    CallView call(@PathVariable UUID id) {
        return CallView.of(demands.call(id), demands.today());
    }

    // demands

    @PostMapping("/demand-calls/{id}/demands")
    @Operation(summary = "Department staff file a demand in an open call (Art. 6); after the closing date 422 ART-6")
    ResponseEntity<DemandView> file(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanningRequests.FileDemand.class)))
            JsonBody<PlanningRequests.FileDemand> body) {
        demands.checkMayFile(id);
        return filed(demands.file(id, validator.valid(body).toDemand()));
    }

    @PostMapping(path = "/demand-calls/{id}/demands/docx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Department staff file a demand as a Word (.docx) file (需求征报书): the content is the file's text, "
            + "the title the one given, else its first heading, else the file name; the file is kept with its SM3 digest")
    ResponseEntity<DemandView> fileDocx(@PathVariable UUID id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "estimate", required = false) String estimate,
            @RequestParam(name = "planItemCode", required = false) String planItemCode,
            @RequestParam(name = "participatingOrganizationCodes", required = false) List<String> participants,
            @RequestParam(name = "title", required = false) String title) throws IOException {
        demands.checkMayFile(id);
        return filed(fileDocx(demands, validator, id, file, estimate, planItemCode, participants, title));
    }

    /** Reads the Word file and files its demand; shared with the pages. */
    static Demand fileDocx(Demands demands, RequestValidator validator, UUID callId, MultipartFile file, String estimate,
            String planItemCode, List<String> participants, String title) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "problem.field.required");
        }
        byte[] bytes = file.getBytes();
        DemandDocx docx = DemandDocx.read(bytes);
        BigDecimal amount = null;
        if (estimate != null && !estimate.isBlank()) {
            try {
                amount = new BigDecimal(estimate.strip());
            }
            catch (NumberFormatException e) {
                throw new InvalidInputException("estimate", "problem.field.invalid");
            }
        }
        var request = new PlanningRequests.FileDemand(docx.title(title, file.getOriginalFilename()), docx.text(), amount,
                planItemCode, participants == null ? List.of() : participants, null);
        return demands.fileDocument(callId, validator.valid(request).toDemand(), file.getOriginalFilename(), bytes);
    }

    @GetMapping("/demands/{id}/document")
    @Operation(summary = "The Word file a demand was filed as (always an attachment); 404 when it has none")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        return download(demands.document(id));
    }

    static ResponseEntity<byte[]> download(DemandDocument document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-SM3", document.sm3())
                .contentLength(document.bytes().length)
                .body(document.bytes());
    }

    @PostMapping("/demands")
    @Operation(summary = "Department staff file a demand for a year (field year); a year without a call answers 422 ART-6")
    ResponseEntity<DemandView> fileForYear(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanningRequests.FileDemand.class)))
            JsonBody<PlanningRequests.FileDemand> body) {
        if (!demands.canFile()) {
            throw new org.springframework.security.access.AccessDeniedException("only department staff file demands");
        }
        PlanningRequests.FileDemand request = validator.valid(body);
        if (request.year() == null) {
            throw new cn.jl.govit.rulebook.InvalidInputException("year", "problem.field.required");
        }
        return filed(demands.fileForYear(request.year(), request.toDemand()));
    }

    private static ResponseEntity<DemandView> filed(Demand demand) {
        return ResponseEntity.created(URI.create("/api/v1/demands/" + demand.id())).eTag(Versions.etag(demand.version()))
                .body(DemandView.of(demand));
    }

    @GetMapping("/demand-calls/{id}/demands")
    @Operation(summary = "A call's demands the caller may see, in rank order (highest score first, unscored last)")
    PageOf<DemandView> demandsOfCall(@PathVariable UUID id, @RequestParam(required = false) DemandStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size);
        return demands.ofCall(id, status, paging.page(), paging.size()).map(DemandView::of);
    }

    @GetMapping("/demands")
    @Operation(summary = "The demands the caller may see (a department its own), newest year first")
    PageOf<DemandView> demands(@RequestParam(required = false) DemandStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size);
        return demands.visible(status, paging.page(), paging.size()).map(DemandView::of);
    }

    @GetMapping("/demands/{id}")
    @Operation(summary = "One demand with its score and triage outcome")
    ResponseEntity<DemandView> demand(@PathVariable UUID id) {
        Demand demand = demands.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(demand.version())).body(DemandView.of(demand));
    }

    @PostMapping("/demands/{id}/score")
    @Operation(summary = "The Digital Bureau scores a demand (0–100) for the order of construction")
    ResponseEntity<DemandView> score(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanningRequests.Score.class)))
            JsonBody<PlanningRequests.Score> body) {
        demands.checkMayTriage(id);
        PlanningRequests.Score request = validator.valid(body);
        Demand demand = demands.score(id, Versions.expected(ifMatch, request.version()), request.score(), request.note());
        return ResponseEntity.ok().eTag(Versions.etag(demand.version())).body(DemandView.of(demand));
    }

    @PostMapping("/demands/{id}/project")
    @Operation(summary = "The Digital Bureau turns one demand into a project led by its department (Art. 7)")
    ResponseEntity<TriageView> createProject(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanningRequests.CreateProject.class)))
            JsonBody<PlanningRequests.CreateProject> body) {
        demands.checkMayTriage(id);
        Project project = demands.createProject(id, validator.valid(body).toOutline());
        return triaged(project);
    }

    @PostMapping("/demands/merge")
    @Operation(summary = "The Digital Bureau merges demands into one project (Art. 7, 12, 15): the first demand's "
            + "department leads unless another of theirs is named; the others participate")
    ResponseEntity<TriageView> merge(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanningRequests.Merge.class)))
            JsonBody<PlanningRequests.Merge> body) {
        demands.checkBureau();
        PlanningRequests.Merge request = validator.valid(body);
        String lead = request.leadOrganizationCode() == null || request.leadOrganizationCode().isBlank() ? null
                : request.leadOrganizationCode().strip();
        Project project = demands.merge(request.demandIds(), lead, request.project().toOutline());
        return triaged(project);
    }

    private ResponseEntity<TriageView> triaged(Project project) {
        String url = "/api/v1/projects/" + project.id();
        return ResponseEntity.created(URI.create(url)).body(new TriageView(project.id(), project.code(),
                project.leadOrganizationCode(), project.participatingOrganizationCodes(), url, url + "/construction-mode",
                demands.sourcesOf(project.id()).stream().map(DemandView::of).toList()));
    }

    @PostMapping("/demands/{id}/decline")
    @Operation(summary = "The Digital Bureau declines a demand; the reason is mandatory (422 ART-7 without)")
    ResponseEntity<DemandView> decline(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanningRequests.Decline.class)))
            JsonBody<PlanningRequests.Decline> body) {
        demands.checkMayTriage(id);
        Demand demand = demands.decline(id, validator.valid(body).reason());
        return ResponseEntity.ok().eTag(Versions.etag(demand.version())).body(DemandView.of(demand));
    }

    // projects

    @GetMapping("/projects/{id}/demands")
    @Operation(summary = "The demands a project was created from (Art. 7)")
    List<DemandView> sources(@PathVariable UUID id) {
        return demands.sourcesOf(id).stream().map(DemandView::of).toList();
    }

    @GetMapping("/projects/{id}/responsibilities")
    @Operation(summary = "The participating departments' construction scope and obligations (Art. 15)")
    ResponseEntity<ResponsibilitiesView> responsibilities(@PathVariable UUID id) {
        var r = responsibilities.of(id);
        return ResponseEntity.ok().eTag(Versions.etag(r.version())).body(ResponsibilitiesView.of(r));
    }

    @PutMapping("/projects/{id}/responsibilities")
    @Operation(summary = "The lead department records each participant's construction scope and obligations (Art. 15)")
    ResponseEntity<ResponsibilitiesView> recordResponsibilities(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanningRequests.RecordResponsibilities.class)))
            JsonBody<PlanningRequests.RecordResponsibilities> body) {
        responsibilities.checkMayRecord(id);
        PlanningRequests.RecordResponsibilities request = validator.valid(body);
        var r = responsibilities.record(id, Versions.expected(ifMatch, request.version()),
                request.responsibilities().stream().map(PlanningRequests.ResponsibilityLine::toResponsibility).toList());
        return ResponseEntity.ok().eTag(Versions.etag(r.version())).body(ResponsibilitiesView.of(r));
    }
}
