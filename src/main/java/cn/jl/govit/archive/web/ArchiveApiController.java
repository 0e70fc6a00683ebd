package cn.jl.govit.archive.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.archive.ArchiveAcceptance;
import cn.jl.govit.archive.ArchiveAcceptanceStatus;
import cn.jl.govit.archive.ArchiveAcceptances;
import cn.jl.govit.archive.ArchiveEntries;
import cn.jl.govit.archive.ArchiveEntry;
import cn.jl.govit.archive.ArchiveResult;
import cn.jl.govit.archive.Carrier;
import cn.jl.govit.archive.Retention;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RequestValidator;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "archives", description = "档案 Project archives and archive acceptance by the Archives Bureau (Art. 24)")
class ArchiveApiController {

    private final ArchiveEntries entries;
    private final ArchiveAcceptances acceptances;
    private final RequestValidator validator;

    ArchiveApiController(ArchiveEntries entries, ArchiveAcceptances acceptances, RequestValidator validator) {
        this.entries = entries;
        this.acceptances = acceptances;
        this.validator = validator;
    }

    @GetMapping("/archive-categories")
    @Operation(summary = "The archive categories with their stable codes and the Annex 4 materials that belong in each")
    List<CategoryView> categories(Locale locale) {
        return entries.categories().stream().map(c -> new CategoryView(c.code(), c.name(locale), c.materialCodes(),
                c.suggestedRetention())).toList();
    }

    @GetMapping("/projects/{id}/archive-entries")
    @Operation(summary = "The project's archive, by category (page, size)")
    PageOf<EntryView> list(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return entries.page(id, Paging.of(page, size)).map(EntryView::of);
    }

    @PostMapping("/projects/{id}/archive-entries")
    @Operation(summary = "The construction unit registers a document of the project to its archive; a classified project by offline reference")
    ResponseEntity<EntryView> register(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = EntryBody.class)))
            JsonBody<EntryBody> body) {
        entries.checkMayRegister(id);
        EntryBody request = validator.valid(body);
        ArchiveEntry entry = entries.register(id, new ArchiveEntries.NewEntry(request.categoryCode(), request.documentId(),
                request.offlineReference(), request.title(), request.retention(), request.carrier()));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/archive-entries")).body(EntryView.of(entry));
    }

    @PostMapping("/projects/{id}/archive-acceptance/application")
    @Operation(summary = "The construction unit applies for archive acceptance (422 ART-24 without archives, or while a round is open or passed)")
    ResponseEntity<RoundView> apply(@PathVariable UUID id) {
        ArchiveAcceptance round = acceptances.apply(id);
        return ResponseEntity.status(HttpStatus.CREATED).body(RoundView.of(round));
    }

    @GetMapping("/projects/{id}/archive-acceptance")
    @Operation(summary = "Where the project's archive acceptance stands, with every round")
    AcceptanceView acceptance(@PathVariable UUID id) {
        return new AcceptanceView(acceptances.status(id), acceptances.rounds(id).stream().map(RoundView::of).toList());
    }

    @PostMapping("/projects/{id}/archive-acceptance")
    @Operation(summary = "The Archives Bureau records the result of the open application (403 for everyone else)")
    RoundView record(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ResultBody.class)))
            JsonBody<ResultBody> body) {
        acceptances.checkMayRecord(id);
        ResultBody request = validator.valid(body);
        return RoundView.of(acceptances.record(id, request.result(), request.acceptedOn(), request.opinion()));
    }

    @GetMapping("/archive-acceptance/applications")
    @Operation(summary = "Applications awaiting the Archives Bureau, oldest first (Archives Bureau only)")
    PageOf<PendingView> pending(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return acceptances.pending(Paging.of(page, size)).map(p -> new PendingView(p.project().id(), p.project().code(),
                p.project().name(), p.project().leadOrganizationCode(), RoundView.of(p.application())));
    }

    @Schema(description = "A document registered to the project's archive: documentId of a document stored for the project, or (classified projects only) offlineReference")
    record EntryBody(@NotBlank @Size(max = 32) String categoryCode, UUID documentId,
            @Size(max = 200) String offlineReference, @NotBlank @Size(max = 200) String title,
            @NotNull Retention retention, @NotNull Carrier carrier) {
    }

    @Schema(description = "The Archives Bureau's result; opinion required for FAILED")
    record ResultBody(@NotNull ArchiveResult result, @NotNull LocalDate acceptedOn, @Size(max = 20000) String opinion) {
    }

    record CategoryView(String code, String name, List<String> materialCodes, Retention suggestedRetention) {
    }

    record EntryView(UUID id, String categoryCode, UUID documentId, String title, Retention retention, Carrier carrier,
            String registeredBy, Instant registeredAt) {

        static EntryView of(ArchiveEntry e) {
            return new EntryView(e.id(), e.categoryCode(), e.documentId(), e.title(), e.retention(), e.carrier(),
                    e.registeredBy(), e.registeredAt());
        }
    }

    record RoundView(int round, ArchiveAcceptanceStatus status, LocalDate appliedOn, String appliedBy, int entryCount,
            ArchiveResult result, LocalDate acceptedOn, String opinion, String acceptedBy) {

        static RoundView of(ArchiveAcceptance a) {
            return new RoundView(a.round(), a.status(), a.appliedOn(), a.appliedBy(), a.entryCount(), a.result(),
                    a.acceptedOn(), a.opinion(), a.acceptedBy());
        }
    }

    record AcceptanceView(ArchiveAcceptanceStatus status, List<RoundView> rounds) {
    }

    record PendingView(UUID projectId, String projectCode, String projectName, String leadOrganizationCode,
            RoundView application) {
    }
}
