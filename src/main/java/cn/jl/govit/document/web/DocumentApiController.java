package cn.jl.govit.document.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jl.govit.document.DocumentContent;
import cn.jl.govit.document.DocumentFixity;
import cn.jl.govit.document.DocumentKind;
import cn.jl.govit.document.FixityReport;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.FixityCheck;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.RequestValidator;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "documents", description = "文档 Documents of a project: files with SM3 digests; classified projects by offline reference (Art. 8)")
class DocumentApiController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Documents documents;
    private final DocumentFixity fixity;
    private final RequestValidator validator;

    DocumentApiController(Documents documents, DocumentFixity fixity, RequestValidator validator) {
        this.documents = documents;
        this.fixity = fixity;
        this.validator = validator;
    }

    @PostMapping(path = "/projects/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The construction unit uploads a file (multipart 'file', optional 'code' and 'kind': "
            + "PROJECT_DOCUMENT (default), ACCEPTANCE_MATERIAL, EVIDENCE). The content type is detected from the bytes "
            + "and must be on the kind's allow-list (415); over the size limit 413; ZIP bombs and nested archives 422; "
            + "a classified project refuses uploads (422 ART-8)")
    ResponseEntity<DocumentView> upload(@PathVariable UUID id,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "kind", required = false) String kind) throws java.io.IOException {
        documents.checkMayAdd(id);
        if (file == null) {
            throw new InvalidInputException("file", "problem.field.required");
        }
        StoredDocument document = documents.store(id, kind(kind), code, file.getOriginalFilename(), file.getContentType(),
                file.getBytes());
        return created(document);
    }

    /** The kind named by the client; absent means a general project document. */
    static DocumentKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return DocumentKind.PROJECT_DOCUMENT;
        }
        try {
            return DocumentKind.valueOf(kind.strip());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "document.kind.unknown");
        }
    }

    @PostMapping("/documents/fixity-checks")
    @Operation(summary = "Fixity check of the whole store, for the Audit Office or an approver: re-computes the SM3 "
            + "digest of every stored document and names each one whose bytes changed or vanished (audited)")
    FixityReport fixityCheck() {
        return fixity.checkOnDemand();
    }

    @PostMapping(path = "/projects/{id}/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The construction unit registers a document by its offline carrier reference (classified projects, Art. 8)")
    ResponseEntity<DocumentView> registerOffline(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = OfflineDocument.class)))
            JsonBody<OfflineDocument> body) {
        documents.checkMayAdd(id);
        OfflineDocument request = validator.valid(body);
        return created(documents.registerOffline(id, request.code(), request.title(), request.offlineReference()));
    }

    @GetMapping("/projects/{id}/documents")
    @Operation(summary = "The documents of a project, newest first, for whoever sees the project")
    List<DocumentView> list(@PathVariable UUID id) {
        return documents.list(id).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/documents/{id}")
    @Operation(summary = "A document's record: file name, type, size, SM3 digest or offline reference")
    DocumentView get(@PathVariable UUID id) {
        return DocumentView.of(documents.get(id));
    }

    @GetMapping("/documents/{id}/content")
    @Operation(summary = "Downloads a document's bytes (always as an attachment), checked against their SM3 digest")
    ResponseEntity<byte[]> content(@PathVariable UUID id) {
        DocumentContent content = documents.download(id);
        StoredDocument document = content.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .contentLength(content.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-SM3", document.sm3())
                .body(content.bytes());
    }

    @GetMapping("/documents/{id}/verification")
    @Operation(summary = "Fixity check: recomputes the SM3 digest of the stored bytes")
    FixityCheck verify(@PathVariable UUID id) {
        return documents.verify(id);
    }

    private static ResponseEntity<DocumentView> created(StoredDocument document) {
        return ResponseEntity.created(URI.create("/api/v1/documents/" + document.id())).body(DocumentView.of(document));
    }

    /** A document registered by reference: what it is and where the carrier is kept. */
    record OfflineDocument(
            @Size(max = 32) String code,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200) String offlineReference) {
    }

    record DocumentView(UUID id, UUID projectId, String code, String title, String filename, String contentType,
            Long size, String sm3, String offlineReference, String uploadedBy, OffsetDateTime uploadedAt,
            String contentUrl) {

        static DocumentView of(StoredDocument d) {
            return new DocumentView(d.id(), d.projectId(), d.code(), d.title(), d.filename(), d.contentType(), d.size(),
                    d.sm3(), d.offlineReference(), d.uploadedBy(), d.uploadedAt().atZone(ZONE).toOffsetDateTime(),
                    d.offline() ? null : "/api/v1/documents/" + d.id() + "/content");
        }
    }
}
