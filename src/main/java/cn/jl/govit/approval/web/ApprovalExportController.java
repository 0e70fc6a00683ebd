package cn.jl.govit.approval.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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

import cn.jl.govit.approval.decision.Decisions;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The approver's queue (filed submissions awaiting the decision of the user's authority) as an Excel workbook: the
 * same rows as the page, for approvers only (403 for everyone else, like the page), audited.
 */
@Controller
@Tag(name = "decisions")
class ApprovalExportController {

    private static final List<String> HEADERS = List.of("project.code", "project.name",
            "approval.queue.lead-org", "approval.queue.stage", "submission.revision", "approval.queue.submitted");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Decisions decisions;
    private final CurrentUsers users;
    private final Organizations organizations;
    private final Projects projects;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final int maxRows;

    ApprovalExportController(Decisions decisions, CurrentUsers users, Organizations organizations, Projects projects,
            MessageSource messages, AuditLog audit, ListExports exports,
            @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.decisions = decisions;
        this.users = users;
        this.organizations = organizations;
        this.projects = projects;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/approvals/export.xlsx", "/approvals/export.xlsx"})
    @Operation(summary = "The approver's queue of filed submissions awaiting the decision as .xlsx (approvers only)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> export(@RequestParam(required = false) String lang, Locale resolved) {
        if (!users.current().has(Role.APPROVER)) {
            throw new AccessDeniedException("approvers only");
        }
        Locale locale = SpreadsheetExport.language(lang, resolved);
        byte[] bytes = exports.export(() -> {
            List<Decisions.AwaitingDecision> all = decisions.awaitingDecision();
            SpreadsheetExport.requireWithin(all.size(), maxRows);
            Map<String, String> names = organizations.all().stream()
                    .collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a));
            List<List<?>> rows = all.stream().<List<?>>map(a -> Arrays.asList(a.projectCode(), a.projectName(),
                    names.getOrDefault(a.leadOrganizationCode(), a.leadOrganizationCode()),
                    label("enum.Stage." + a.stage(), locale), a.revision(),
                    MINUTES.format(a.submittedAt().atZone(ZoneId.of("Asia/Shanghai"))))).toList();
            audit.record("EXPORTED", "ApprovalQueue", "approvals.xlsx", null, "approval queue rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("approval.queue.title", locale),
                    HEADERS.stream().map(h -> label(h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("approvals-" + projects.today() + ".xlsx", bytes);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
