package cn.jl.govit.organization.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.UserAccount;
import cn.jl.govit.organization.UserAccounts;
import cn.jl.govit.rulebook.ListExports;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.SpreadsheetExport;

/**
 * The administrator's user and organisation lists as Excel workbooks, with the list's search and all matching rows,
 * audited. The user export holds no personal contact data and no credentials: no e-mail address, no phone, no
 * password hash — only what the list page shows.
 */
@Controller
@Tag(name = "organizations")
class AdminExportController {

    private static final List<String> USER_HEADERS = List.of("user.username", "user.displayName", "user.organization",
            "user.roles", "user.state");
    private static final List<String> ORGANIZATION_HEADERS = List.of("org.code", "org.nameZh", "org.nameEn", "org.kind",
            "org.dutyArea", "org.active");

    private final UserAccounts accounts;
    private final Organizations organizations;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ListExports exports;
    private final Clock clock;
    private final int maxRows;

    AdminExportController(UserAccounts accounts, Organizations organizations, CurrentUsers users,
            MessageSource messages, AuditLog audit, ListExports exports, Clock clock,
            @Value("${govit.export.max-rows:100000}") int maxRows) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.users = users;
        this.messages = messages;
        this.audit = audit;
        this.exports = exports;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    @GetMapping({"/api/v1/users/export.xlsx", "/admin/users/export.xlsx"})
    @Operation(summary = "User accounts as .xlsx, searchable like the list (administrator; no e-mail, phone or password data)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> users(@RequestParam(required = false) String q, @RequestParam(required = false) String lang,
            Locale resolved) {
        requireAdmin();
        RequestValidator.searchText("q", q);
        String query = q == null ? "" : q.strip();
        Locale locale = SpreadsheetExport.language(lang, resolved);
        Instant now = clock.instant();
        byte[] bytes = exports.export(() -> {
            List<UserAccount> all = SpreadsheetExport.allPages(page -> new PageOf<>(
                    accounts.page(query, page, Paging.MAX_SIZE), page, Paging.MAX_SIZE, accounts.count(query)), maxRows);
            Map<String, String> names = names(locale);
            List<List<?>> rows = all.stream().<List<?>>map(u -> Arrays.asList(u.username(), u.displayName(),
                    u.organizationCode() == null ? null : names.getOrDefault(u.organizationCode(), u.organizationCode()),
                    u.roles().stream().sorted().map(r -> label("enum.Role." + r, locale)).collect(Collectors.joining("、")),
                    label(u.lockedAt(now) ? "user.locked" : u.enabled() ? "user.active" : "user.disabled", locale)))
                    .toList();
            audit.record("EXPORTED", "UserList", "users.xlsx", null, "user list q=" + query + " rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("users.heading", locale),
                    USER_HEADERS.stream().map(h -> label(h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("users-" + LocalDate.now(clock.withZone(ZONE)) + ".xlsx", bytes);
    }

    @GetMapping({"/api/v1/organizations/export.xlsx", "/admin/organizations/export.xlsx"})
    @Operation(summary = "Every organisation as .xlsx (administrator)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = SpreadsheetExport.CONTENT_TYPE)))
    ResponseEntity<byte[]> organizations(@RequestParam(required = false) String lang, Locale resolved) {
        requireAdmin();
        Locale locale = SpreadsheetExport.language(lang, resolved);
        byte[] bytes = exports.export(() -> {
            List<Organization> all = organizations.all();
            SpreadsheetExport.requireWithin(all.size(), maxRows);
            List<List<?>> rows = all.stream().<List<?>>map(o -> Arrays.asList(o.code(), o.nameZh(), o.nameEn(),
                    label("enum.OrganizationKind." + o.kind(), locale), o.dutyArea(),
                    label(o.active() ? "org.active.yes" : "org.active.no", locale))).toList();
            audit.record("EXPORTED", "OrganizationList", "organizations.xlsx", null,
                    "organization list rows=" + rows.size());
            return new SpreadsheetExport.Sheet(label("orgs.heading", locale),
                    ORGANIZATION_HEADERS.stream().map(h -> label(h, locale)).toList(), rows);
        });
        return SpreadsheetExport.attachment("organizations-" + LocalDate.now(clock.withZone(ZONE)) + ".xlsx", bytes);
    }

    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    /** 403 for anyone but the administrator, before any parameter is looked at. */
    private void requireAdmin() {
        if (!users.current().has(Role.ADMIN)) {
            throw new AccessDeniedException("the user and organisation registers are the administrator's");
        }
    }

    private Map<String, String> names(Locale locale) {
        return organizations.all().stream().collect(Collectors.toMap(Organization::code, o -> o.name(locale), (a, b) -> a));
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
