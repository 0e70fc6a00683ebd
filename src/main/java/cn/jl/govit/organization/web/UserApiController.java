package cn.jl.govit.organization.web;

import java.net.URI;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.UserAccount;
import cn.jl.govit.organization.UserAccounts;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.Versions;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.RequestValidator;

/** User accounts: the administrator manages them; every user reads their own. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "users", description = "用户 User accounts and roles")
class UserApiController {

    private final UserAccounts accounts;
    private final CurrentUsers users;
    private final RequestValidator validator;
    /** Judges whether a lock has ended, as the login does. */
    private final java.time.Clock clock;

    UserApiController(UserAccounts accounts, CurrentUsers users, RequestValidator validator, java.time.Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user")
    CurrentUser me() {
        return users.current();
    }

    @GetMapping("/users")
    @Operation(summary = "User accounts, searchable by name or organisation (system or security administrator)")
    PageOf<UserView> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        requireAdminOrSecurityAdmin();
        Paging paging = Paging.of(page, size);
        RequestValidator.searchText("q", q);
        return new PageOf<>(accounts.page(q, paging.page(), paging.size()).stream().map(a -> UserView.of(a, clock.instant())).toList(),
                paging.page(), paging.size(), accounts.count(q));
    }

    @GetMapping("/users/{username}")
    @Operation(summary = "One user account (system or security administrator)")
    UserView one(@PathVariable String username) {
        requireAdminOrSecurityAdmin();
        return UserView.of(accounts.get(username), clock.instant());
    }

    @PostMapping("/users")
    @Operation(summary = "Create a user account (administrator)")
    ResponseEntity<UserView> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewUser.class)))
            JsonBody<NewUser> body) {
        requireAdmin();
        NewUser request = validator.valid(body);
        UserAccount created = accounts.create(request.username(), request.displayName(), request.organizationCode(),
                request.roles(), request.password(), request.email());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username()))
                .eTag(Versions.etag(created.version())).body(UserView.of(created, clock.instant()));
    }

    @PutMapping("/users/{username}")
    @Operation(summary = "Change a user's name, organisation, roles or enabled flag (administrator)")
    ResponseEntity<UserView> update(@PathVariable String username,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = UserChange.class)))
            JsonBody<UserChange> body) {
        requireAdmin();
        UserAccount current = accounts.get(username);
        UserChange request = validator.valid(body);
        Long expected = Versions.expected(ifMatch, request.version());
        UserAccount updated = accounts.update(username, request.displayName(), request.organizationCode(),
                request.roles(), request.enabled() == null || request.enabled(),
                expected == null ? current.version() : expected, request.email());
        return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(UserView.of(updated, clock.instant()));
    }

    @PostMapping("/users/{username}/password")
    @Operation(summary = "Set a new password (administrator)")
    ResponseEntity<Void> resetPassword(@PathVariable String username,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewPassword.class)))
            JsonBody<NewPassword> body) {
        requireAdmin();
        accounts.get(username);
        NewPassword request = validator.valid(body);
        accounts.resetPassword(username, request.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/users/{username}/unlock")
    @Operation(summary = "End a lock after failed logins (security administrator, 三员)")
    ResponseEntity<Void> unlock(@PathVariable String username) {
        if (!users.current().has(Role.SECURITY_ADMIN)) {
            throw new AccessDeniedException("security administrator only");
        }
        accounts.unlock(username);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/account/password")
    @Operation(summary = "Change one's own password (also the only call open once the password passed its maximum age)")
    ResponseEntity<Void> changeOwnPassword(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PasswordChange.class)))
            JsonBody<PasswordChange> body) {
        CurrentUser me = users.current();
        PasswordChange request = validator.valid(body);
        accounts.changePassword(me.username(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    /** The security administrator reads accounts to see and end locks; changing them is the system administrator's. */
    private void requireAdminOrSecurityAdmin() {
        CurrentUser me = users.current();
        if (!me.has(Role.ADMIN) && !me.has(Role.SECURITY_ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
    }

    private void requireAdmin() {
        if (!users.current().has(Role.ADMIN)) {
            throw new AccessDeniedException("administrator only");
        }
    }

    record UserView(String username, String displayName, String organizationCode, Set<Role> roles, boolean enabled,
            boolean locked, long version, String email) {

        static UserView of(UserAccount a, java.time.Instant now) {
            return new UserView(a.username(), a.displayName(), a.organizationCode(), a.roles(), a.enabled(),
                    a.lockedAt(now), a.version(), a.email());
        }
    }

    record NewUser(@NotBlank @Size(max = 50) String username, @NotBlank @Size(max = 200) String displayName,
            @Size(max = 16) String organizationCode, @NotEmpty Set<@NotNull Role> roles,
            @NotBlank @Size(max = 128) String password,
            @Schema(description = "optional; notifications are mailed to it") @Size(max = 254) String email) {
    }

    record UserChange(@NotBlank @Size(max = 200) String displayName, @Size(max = 16) String organizationCode,
            @NotEmpty Set<@NotNull Role> roles, Boolean enabled, Long version,
            @Schema(description = "absent: unchanged; empty: removed") @Size(max = 254) String email) {
    }

    record NewPassword(@NotBlank @Size(max = 128) String password) {
    }

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
            @Schema(description = "at least 8 characters of three classes, not containing the user name, not the current one")
            @NotBlank @Size(max = 128) String newPassword) {
    }
}
