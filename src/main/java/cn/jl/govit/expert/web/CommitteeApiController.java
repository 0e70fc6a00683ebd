package cn.jl.govit.expert.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.expert.AcceptanceAspect;
import cn.jl.govit.expert.AcceptanceAssignment;
import cn.jl.govit.expert.AcceptanceCommittee;
import cn.jl.govit.expert.AcceptanceCommittees;
import cn.jl.govit.expert.AcceptanceConclusion;
import cn.jl.govit.expert.AcceptanceOpinionInput;
import cn.jl.govit.expert.AssignmentStatus;
import cn.jl.govit.expert.MaterialRef;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;

/**
 * The experts' side of the final acceptance committees (Annex 4 §7): their assignments and their acceptance
 * assessment opinions. Forming a committee and reading the consolidated opinions belong to the acceptance
 * module's API, which checks that the caller is the project's authority.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "acceptance committee", description = "竣工验收委员会专家组 The experts' final acceptance assessments (Annex 4 §7)")
class CommitteeApiController {

    private final AcceptanceCommittees committees;
    private final RequestValidator validator;

    CommitteeApiController(AcceptanceCommittees committees, RequestValidator validator) {
        this.committees = committees;
        this.validator = validator;
    }

    @GetMapping("/me/acceptance-assignments")
    @Operation(summary = "The signed-in expert's acceptance committee assignments, open ones first (experts only)")
    PageOf<AssignmentView> myAssignments(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return committees.myAssignments(Paging.of(page, size)).map(a -> AssignmentView.of(a, null));
    }

    @GetMapping("/acceptance-assignments/{id}")
    @Operation(summary = "One assignment with the project and materials snapshot, for its expert (anyone else: 404)")
    ResponseEntity<AssignmentView> assignment(@PathVariable UUID id) {
        AcceptanceAssignment assignment = committees.myAssignment(id);
        return ResponseEntity.ok().eTag(Versions.etag(assignment.version()))
                .body(AssignmentView.of(assignment, committees.committeeOfMyAssignment(id)));
    }

    @PutMapping("/acceptance-assignments/{id}/opinion")
    @Operation(summary = "The assigned expert files the acceptance assessment opinion on every aspect of Annex 4 §7 "
            + "with a recommendation and an overall opinion; it closes the assignment (a missing part: 422 ART-26, "
            + "one violation each; filed already or stale version: 409)")
    ResponseEntity<AssignmentView> fileOpinion(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = FileAcceptanceOpinion.class)))
            JsonBody<FileAcceptanceOpinion> body) {
        committees.myAssignment(id);
        FileAcceptanceOpinion request = validator.valid(body);
        AcceptanceAssignment filed = committees.fileOpinion(id, Versions.expected(ifMatch, request.version()),
                new AcceptanceOpinionInput(request.aspects(), request.conclusion(), request.overallOpinion()));
        return ResponseEntity.ok().eTag(Versions.etag(filed.version()))
                .body(AssignmentView.of(filed, committees.committeeOfMyAssignment(id)));
    }

    /**
     * An acceptance assessment opinion. A missing or blank aspect, conclusion or overall opinion is a rule of the
     * measures ({@code 422 ART-26}), so those carry only their length limits here.
     */
    @Schema(description = "aspects: one text per aspect of Annex 4 §7 (GOALS_AND_SCALE, INVESTMENT, "
            + "DESIGN_SUPERVISION_CONSTRUCTION, PROCUREMENT, SECURITY_AND_RISK, CRYPTOGRAPHY, ARCHIVES, BUDGET_AND_ACCOUNTS)")
    record FileAcceptanceOpinion(
            @Size(max = 8) Map<@NotNull AcceptanceAspect, @Size(max = 20000) String> aspects,
            AcceptanceConclusion conclusion,
            @Size(max = 20000) String overallOpinion,
            @Min(0) Long version) {
    }

    record OpinionView(Map<AcceptanceAspect, String> aspects, AcceptanceConclusion conclusion, String overallOpinion) {
    }

    /** An assignment; {@code materials} and {@code method} only when one assignment is read. */
    record AssignmentView(UUID id, UUID committeeId, UUID applicationId, UUID projectId, String projectCode,
            String projectName, String expertUsername, AssignmentStatus status, OffsetDateTime assignedAt,
            OffsetDateTime filedAt, OpinionView opinion, AcceptanceCommittee.Method method, List<MaterialRef> materials,
            long version) {

        static AssignmentView of(AcceptanceAssignment a, AcceptanceCommittee committee) {
            return new AssignmentView(a.id(), a.committeeId(), a.applicationId(), a.projectId(), a.projectCode(),
                    a.projectName(), a.expertUsername(), a.status(), ExpertViews.time(a.assignedAt()),
                    ExpertViews.time(a.filedAt()),
                    a.opinion() == null ? null : new OpinionView(a.opinion().aspects(), a.opinion().conclusion(),
                            a.opinion().overallOpinion()),
                    committee == null ? null : committee.method(), committee == null ? null : committee.materials(),
                    a.version());
        }
    }
}
