package cn.jl.govit.project.web;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

import cn.jl.govit.organization.Organizations;
import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.ApprovalPathType;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectListFilter;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.Versions;
import cn.jl.govit.rulebook.RequestValidator;

@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "projects", description = "项目 Project registry: facts, derived authority (Art. 5) and path (Art. 9)")
class ProjectApiController {

    private final Projects projects;
    private final CitationMessages messages;
    private final RequestValidator validator;
    private final Organizations organizations;

    ProjectApiController(Projects projects, CitationMessages messages, RequestValidator validator,
            Organizations organizations) {
        this.projects = projects;
        this.messages = messages;
        this.validator = validator;
        this.organizations = organizations;
    }

    @PostMapping
    @Operation(summary = "A department proposes a project (department staff); authority and path are derived")
    ResponseEntity<ProjectView> propose(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProjectRequests.ProposeProject.class)))
            JsonBody<ProjectRequests.ProposeProject> body,
            Locale locale) {
        projects.checkMayPropose();
        Project project = projects.propose(validator.valid(body).toNewProject());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id()))
                .eTag(Versions.etag(project.version()))
                .body(ProjectView.of(project, messages, locale));
    }

    @GetMapping
    @Operation(summary = "Projects the caller may see, newest first; filter by status, lead department, approval "
            + "authority, approval path type and year of approval, search name or code (always within the caller's scope)")
    PageOf<ProjectView> list(@RequestParam(required = false) ProjectStatus status,
            @RequestParam(required = false) String q,
            @Parameter(description = "Lead organisation code, e.g. RST") @RequestParam(required = false) String department,
            @Parameter(description = "Approval authority (Art. 5)") @RequestParam(required = false) ApprovalAuthority authority,
            @Parameter(description = "Approval path type (Art. 9)") @RequestParam(required = false) ApprovalPathType path,
            @Parameter(description = "Year of approval") @RequestParam(required = false) Integer approvedYear,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Locale locale) {
        Paging paging = Paging.of(page, size);
        ProjectListFilter filter = ProjectListParams.strict(organizations, status, q, department, authority, path,
                approvedYear);
        return projects.page(filter, paging.page(), paging.size()).map(p -> ProjectView.of(p, messages, locale));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project with its derived authority, path and reasons")
    ResponseEntity<ProjectView> get(@PathVariable UUID id, Locale locale) {
        Project project = projects.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(project.version())).body(ProjectView.of(project, messages, locale));
    }

    @PostMapping("/{id}/construction-mode")
    @Operation(summary = "The Digital Bureau decides unified or self construction (Art. 7–8)")
    ResponseEntity<ProjectView> constructionMode(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProjectRequests.DecideConstructionMode.class)))
            JsonBody<ProjectRequests.DecideConstructionMode> body,
            Locale locale) {
        projects.checkMayDecideConstructionMode(id);
        ProjectRequests.DecideConstructionMode request = validator.valid(body);
        Project project = projects.decideConstructionMode(id, Versions.expected(ifMatch, request.version()),
                request.mode(), request.exception(), request.justification());
        return ResponseEntity.ok().eTag(Versions.etag(project.version())).body(ProjectView.of(project, messages, locale));
    }

    @PostMapping("/{id}/approval-path/legal-simplification")
    @Operation(summary = "The approval authority sets a shorter path on another legal basis (Art. 9 (4))")
    ResponseEntity<ProjectView> legalSimplification(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProjectRequests.SimplifyApprovalPath.class)))
            JsonBody<ProjectRequests.SimplifyApprovalPath> body,
            Locale locale) {
        projects.checkMaySimplifyApprovalPath(id);
        ProjectRequests.SimplifyApprovalPath request = validator.valid(body);
        Project project = projects.simplifyApprovalPath(id, Versions.expected(ifMatch, request.version()),
                request.stages(), request.legalBasis());
        return ResponseEntity.ok().eTag(Versions.etag(project.version())).body(ProjectView.of(project, messages, locale));
    }

    @PostMapping("/{id}/construction")
    @Operation(summary = "The construction unit starts construction of its approved project (Art. 14)")
    ResponseEntity<ProjectView> startConstruction(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProjectRequests.StartConstruction.class)))
            JsonBody<ProjectRequests.StartConstruction> body,
            Locale locale) {
        projects.requireConstructionUnit(projects.get(id));
        ProjectRequests.StartConstruction request = validator.valid(body);
        Project project = projects.startConstruction(id, Versions.expected(ifMatch, request.version()), request.startedOn());
        return ResponseEntity.ok().eTag(Versions.etag(project.version())).body(ProjectView.of(project, messages, locale));
    }
}
