package cn.jl.govit.dossier.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jl.govit.dossier.ArchivePackageVerifier;
import cn.jl.govit.dossier.ArchivePackages;
import cn.jl.govit.rulebook.InvalidInputException;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "archive-packages", description = "电子档案包 Electronic archive package of a project: metadata, documents, "
        + "audit extract, SM3 manifest signed with SM2; and its verification")
class ArchivePackageApiController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final ArchivePackages packages;

    ArchivePackageApiController(ArchivePackages packages) {
        this.packages = packages;
    }

    @GetMapping(path = "/projects/{id}/archive-package", produces = "application/zip")
    @Operation(summary = "The project's electronic archive package as a ZIP, for anyone who may read the project "
            + "(404 otherwise); a stored document that fails its SM3 check refuses the export",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/zip",
                    schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        return download(packages.export(id));
    }

    @PostMapping(path = "/archive-packages/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Verifies an archive package (multipart 'file'): the manifest's SM2 signature and every "
            + "entry's SM3; lists changed, missing and added entries. 400 when the file is no archive package")
    ArchivePackageVerifier.Verification verify(
            @RequestPart(name = "file", required = false) @Schema(type = "string", format = "binary") MultipartFile file)
            throws IOException {
        return verify(packages, file);
    }

    static ArchivePackageVerifier.Verification verify(ArchivePackages packages, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "problem.field.required");
        }
        try (InputStream in = file.getInputStream()) {
            return packages.verify(in);
        }
    }

    static ResponseEntity<byte[]> download(ArchivePackages.Export export) {
        return ResponseEntity.ok()
                .contentType(ZIP)
                .contentLength(export.zip().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(export.zip());
    }
}
