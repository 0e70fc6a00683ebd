package cn.jl.govit.organization.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
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
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.rulebook.Versions;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.RequestValidator;

/** Organisations: everyone signed in reads them (they are named on every project); the administrator edits. */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "organizations", description = "组织 Organisations (provincial bodies and departments)")
class OrganizationApiController {

    private final Organizations organizations;
    private final CurrentUsers users;
    private final RequestValidator validator;

    OrganizationApiController(Organizations organizations, CurrentUsers users, RequestValidator validator) {
        this.organizations = organizations;
        this.users = users;
        this.validator = validator;
    }

    @GetMapping
    @Operation(summary = "Every organisation")
    List<Organization> all() {
        return organizations.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One organisation")
    Organization one(@PathVariable String code) {
        return organizations.get(code);
    }

    @PostMapping
    @Operation(summary = "Add an organisation (administrator)")
    ResponseEntity<Organization> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewOrganization.class)))
            JsonBody<NewOrganization> body) {
        requireAdmin();
        NewOrganization request = validator.valid(body);
        Organization created = organizations.create(request.code(), request.nameZh(), request.nameEn(), request.kind(),
                request.dutyArea());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.code()))
                .eTag(Versions.etag(created.version())).body(created);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change an organisation's names, duty area or active flag (administrator)")
    ResponseEntity<Organization> update(@PathVariable String code,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = OrganizationChange.class)))
            JsonBody<OrganizationChange> body) {
        organizations.get(code);
        requireAdmin();
        OrganizationChange request = validator.valid(body);
        Long expected = Versions.expected(ifMatch, request.version());
        Organization current = organizations.get(code);
        Organization updated = organizations.update(code, request.nameZh(), request.nameEn(), request.dutyArea(),
                request.active() == null || request.active(), expected == null ? current.version() : expected);
        return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(updated);
    }

    private void requireAdmin() {
        if (!users.current().has(Role.ADMIN)) {
            throw new AccessDeniedException("administrator only");
        }
    }

    record NewOrganization(@NotBlank @Size(max = 16) String code, @NotBlank @Size(max = 200) String nameZh,
            @Size(max = 200) String nameEn, @NotNull OrganizationKind kind, @Size(max = 50) String dutyArea) {
    }

    record OrganizationChange(@NotBlank @Size(max = 200) String nameZh, @Size(max = 200) String nameEn,
            @Size(max = 50) String dutyArea, Boolean active, Long version) {
    }
}
