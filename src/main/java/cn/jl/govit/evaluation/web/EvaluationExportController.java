package cn.jl.govit.evaluation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.evaluation.PostEvaluation;
import cn.jl.govit.evaluation.PostEvaluationStatus;
import cn.jl.govit.evaluation.PostEvaluations;
import cn.jl.govit.evaluation.SelfEvaluation;
import cn.jl.govit.evaluation.SelfEvaluationStatus;
import cn.jl.govit.evaluation.SelfEvaluations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The evaluations list as an Excel workbook: its self-evaluation reports (filter {@code status}) and third-party
 * post-evaluations (filter {@code postStatus}) in one sheet, a kind column telling them apart; the same readers
 * (approval authorities, Finance, Audit) and scope as the list, every matching row up to
 * {@code govit.export.max-rows} in all; the export is audited.
 */
@Controller
@Tag(name = "evaluation")
class EvaluationExportController {

    private static final List<String> HEADERS = List.of("kind", "project-code", "project", "status", "date", "due",
            "evaluator", "conclusion", "reported");

    private final SelfEvaluations selfEvaluations;
    private final PostEvaluations postEvaluations;
    private final Projects projects;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    EvaluationExportController(SelfEvaluations selfEvaluations, PostEvaluations postEvaluations, Projects projects,
            MessageSource messages, AuditLog audit, ListExports exports,
            @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.selfEvaluations = selfEvaluations;
        this.postEvaluations = postEvaluations;
        this.projects = projects;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/evaluations/export.xlsx", "/evaluations/export.xlsx"})
    @Operation(summary = "Self-evaluation reports (filter status) and post-evaluations (filter postStatus) the caller may list, as .xlsx (approvers, Finance, Audit; headers in the caller's language)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) String status,
            @RequestParam(required = false) String postStatus, @RequestParam(required = false) String lang,
            Locale resolved) {
        if (!projects.hasRole(Role.APPROVER) && !projects.hasRole(Role.FINANCE_OFFICER) && !projects.hasRole(Role.AUDITOR)) {
            throw new AccessDeniedException("the evaluations list is for the approval authorities, Finance and Audit");
        }
        SelfEvaluationStatus selfFilter = parsed("status", status, SelfEvaluationStatus::valueOf);
        PostEvaluationStatus postFilter = parsed("postStatus", postStatus, PostEvaluationStatus::valueOf);
        Locale locale = SpreadsheetExport.language(lang, resolved);
        LocalDate today = projects.today();
        byte[] bytes = exports.export(() -> {
            var reports = SpreadsheetExport.allPages(page -> selfEvaluations.page(selfFilter, page, Paging.MAX_SIZE), maxRows);
            var posts = SpreadsheetExport.allPages(page -> postEvaluations.page(postFilter, page, Paging.MAX_SIZE), maxRows);
            SpreadsheetExport.requireWithin((long) reports.size() + posts.size(), maxRows);
            List<List<?>> rows = new ArrayList<>();
            String selfKind = label("evaluation.export.kind.SELF_EVALUATION", locale);
            for (var l : reports) {
                SelfEvaluation r = l.report();
                rows.add(Arrays.asList(selfKind, l.projectCode(), l.projectName(),
                        label("enum.SelfEvaluationStatus." + r.status().name(), locale), r.lastSubmittedOn(),
                        r.dueDate(), null, null, null));
            }
            String postKind = label("evaluation.export.kind.POST_EVALUATION", locale);
            for (var l : posts) {
                PostEvaluation p = l.evaluation();
                rows.add(Arrays.asList(postKind, l.projectCode(), l.projectName(),
                        label("enum.PostEvaluationStatus." + p.status().name(), locale), p.commissionedOn(), null,
                        p.evaluator(), p.conclusion() == null ? null
                                : label("enum.PostEvaluationConclusion." + p.conclusion().name(), locale),
                        p.reportedOn()));
            }
            audit.record("EXPORTED", "EvaluationList", "evaluations.xlsx", null, "evaluation list status="
                    + (selfFilter == null ? "ALL" : selfFilter) + " postStatus=" + (postFilter == null ? "ALL" : postFilter)
                    + " rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("evaluation.export.sheet", locale),
                    HEADERS.stream().map(h -> label("evaluation.export.col." + h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("evaluations-" + today + ".xlsx", bytes);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static <T> T parsed(String field, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "problem.field.invalid");
        }
    }
}
