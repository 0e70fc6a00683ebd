package cn.jl.govit.organization.web;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.internal.ApiTokens;
import cn.jl.govit.organization.internal.ApiTokens.TokenView;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;

/**
 * API bearer tokens: a client proves its password once (HTTP Basic) and then sends {@code Authorization: Bearer}
 * with the token until it expires or is revoked. Every user manages only their own tokens.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "tokens", description = "API 令牌 API bearer tokens")
class ApiTokenApiController {

    private final ApiTokens tokens;
    private final CurrentUsers users;
    private final RequestValidator validator;

    ApiTokenApiController(ApiTokens tokens, CurrentUsers users, RequestValidator validator) {
        this.tokens = tokens;
        this.users = users;
        this.validator = validator;
    }

    @PostMapping
    @Operation(summary = "Issue a bearer token to the caller (HTTP Basic only: a token cannot issue tokens)",
            description = "The token is shown once; the server keeps only its SM3 digest. Send it as "
                    + "`Authorization: Bearer <token>` on /api/**; pages do not accept it.",
            security = @SecurityRequirement(name = "basic"))
    ResponseEntity<IssuedToken> issue(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(schema = @Schema(implementation = TokenRequest.class)))
            @RequestBody(required = false) TokenRequest body) {
        String username = users.current().username();
        TokenRequest request = body == null ? new TokenRequest(null) : validator.valid(body);
        ApiTokens.Issued issued = tokens.issue(username, request.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedToken(issued.token(), "Bearer",
                issued.view().expiresAt(), issued.view().id(), issued.view().name()));
    }

    @GetMapping
    @Operation(summary = "The caller's own tokens, newest first (never the secret)")
    PageOf<TokenView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging paging = Paging.of(page, size);
        return tokens.list(users.current().username(), paging.page(), paging.size());
    }

    @DeleteMapping("/current")
    @Operation(summary = "Revoke the token this request is authenticated with (404 when it came with a password)")
    ResponseEntity<Void> revokeCurrent() {
        String username = users.current().username();
        UUID current = tokens.current().orElseThrow(() -> new RecordNotFoundException("ApiToken", "current"));
        tokens.revoke(username, current, "revoked by its owner (signed out)");
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/revocation")
    @Operation(summary = "Revoke one of the caller's own tokens (another user's token: 404)")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(users.current().username(), id, "revoked by its owner");
        return ResponseEntity.noContent().build();
    }

    @Schema(description = "optional label of the token, e.g. the client's name")
    record TokenRequest(@Size(max = 200) String name) {
    }

    record IssuedToken(@Schema(description = "opaque, 256 random bits in base64url; shown only this once") String token,
            @Schema(allowableValues = "Bearer") String tokenType, OffsetDateTime expiresAt, UUID id, String name) {
    }
}
