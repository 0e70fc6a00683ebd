package cn.jl.govit.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.PasswordPolicy;
import cn.jl.govit.organization.Role;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;

/** The password policy, kept by the security administrator (三员). */
@RestController
@RequestMapping("/api/v1/security/password-policy")
@Tag(name = "users", description = "用户 User accounts and roles")
class PasswordPolicyApiController {

    private final PasswordPolicy policy;
    private final CurrentUsers users;
    private final RequestValidator validator;

    PasswordPolicyApiController(PasswordPolicy policy, CurrentUsers users, RequestValidator validator) {
        this.policy = policy;
        this.users = users;
        this.validator = validator;
    }

    @GetMapping
    @Operation(summary = "The password policy in force (security administrator)")
    ResponseEntity<PasswordPolicy.Settings> get() {
        requireSecurityAdmin();
        PasswordPolicy.Settings current = policy.current();
        return ResponseEntity.ok().eTag(Versions.etag(current.version())).body(current);
    }

    @PutMapping
    @Operation(summary = "Set the maximum password age in days, 0 for none (security administrator)")
    ResponseEntity<PasswordPolicy.Settings> change(@RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = PolicyChange.class)))
            JsonBody<PolicyChange> body) {
        requireSecurityAdmin();
        PolicyChange request = validator.valid(body);
        PasswordPolicy.Settings changed = policy.change(request.maxAgeDays(),
                Versions.expected(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(Versions.etag(changed.version())).body(changed);
    }

    private void requireSecurityAdmin() {
        if (!users.current().has(Role.SECURITY_ADMIN)) {
            throw new AccessDeniedException("security administrator only");
        }
    }

    record PolicyChange(
            @Schema(description = "days after which a password must be changed at the next sign-in; 0: never")
            @NotNull @Min(0) @Max(PasswordPolicy.MAX_AGE_DAYS_LIMIT) Integer maxAgeDays,
            Long version) {
    }
}
