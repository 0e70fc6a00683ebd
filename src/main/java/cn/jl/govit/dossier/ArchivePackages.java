package cn.jl.govit.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.audit.AuditTrail;
import cn.jl.govit.audit.ChainVerification;
import cn.jl.govit.audit.Sm3;
import cn.jl.govit.document.DocumentContent;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.document.signing.SigningKeys;
import cn.jl.govit.document.signing.Sm2;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;

/**
 * Builds a project's electronic archive package for whoever may read the project ({@code 404} otherwise): the
 * sections' metadata, every stored document (checked against its SM3 on the way out, so a damaged store refuses
 * the export instead of packaging damage), the project's audit events with the chain verification, and the
 * manifest signed with the approval authority's SM2 key. Entries are written in a fixed order. Every export is
 * audited with the manifest's SM3.
 */
@Service
public class ArchivePackages {

    private static final int AUDIT_PAGE = 1000;

    private final Projects projects;
    private final Documents documents;
    private final AuditTrail trail;
    private final AuditLog audit;
    private final SigningKeys keys;
    private final CurrentUsers users;
    private final List<DossierSection> sections;
    private final JsonMapper json;
    private final Clock clock;

    ArchivePackages(Projects projects, Documents documents, AuditTrail trail, AuditLog audit, SigningKeys keys,
            CurrentUsers users, List<DossierSection> sections, JsonMapper json, Clock clock) {
        this.projects = projects;
        this.documents = documents;
        this.trail = trail;
        this.audit = audit;
        this.keys = keys;
        this.users = users;
        this.sections = sections.stream().sorted(Comparator.comparing(DossierSection::name)).toList();
        this.sections.forEach(s -> {
            if (!s.name().matches("[a-z0-9-]{1,40}")) {
                throw new IllegalStateException("dossier section name must be lower-case letters, digits, hyphens: " + s.name());
            }
        });
        this.json = json;
        this.clock = clock;
    }

    /** Builds, signs and audits the package of a project. */
    @Transactional
    public Export export(UUID projectId) {
        Project project = projects.get(projectId);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (DossierSection section : sections) {
            if (section.appliesTo(project)) {
                entries.put("metadata/" + section.name() + ".json", write(section.content(projectId)));
            }
        }
        for (StoredDocument document : documents.list(projectId).stream()
                .sorted(Comparator.comparing(StoredDocument::uploadedAt).thenComparing(d -> d.id().toString())).toList()) {
            if (document.offline()) {
                continue;
            }
            DocumentContent content = documents.read(document.id());
            entries.put("documents/" + document.id() + "-" + safeName(document.filename()), content.bytes());
        }
        entries.put("audit/events.json", write(events(projectId)));
        ChainVerification chain = trail.verify();
        entries.put("audit/verification.json", write(chain));

        String issuer = project.approvalAuthority().organizationCode();
        SigningKeys.IssuerKey key = keys.ensure(issuer);
        Instant now = clock.instant();
        String createdBy = users.current().username();
        List<ArchivePackageManifest.Entry> listed = new ArrayList<>();
        entries.forEach((path, bytes) -> listed.add(new ArchivePackageManifest.Entry(path, bytes.length, Sm3.hex(bytes))));
        byte[] manifest = write(new ArchivePackageManifest(ArchivePackageManifest.FORMAT, projectId, project.code(), now,
                createdBy, issuer, key.keyId(), key.algorithm(), listed));
        SigningKeys.Signed signed = keys.sign(issuer, manifest);
        entries.put(ArchivePackageManifest.MANIFEST, manifest);
        entries.put(ArchivePackageManifest.SIGNATURE, signed.signature().getBytes(StandardCharsets.US_ASCII));

        byte[] zip = zip(entries, now);
        String manifestSm3 = Sm3.hex(manifest);
        audit.record("ARCHIVE_PACKAGE_EXPORTED", "Project", projectId.toString(), projectId,
                project.code() + " archive package, " + listed.size() + " entries, manifest SM3 " + manifestSm3
                        + ", signed by " + issuer + " key " + key.keyId());
        return new Export(project.code() + "-archive-package.zip", zip, manifestSm3, listed.size());
    }

    /**
     * Verifies an uploaded package with the public key of the issuer its manifest names, for anyone signed in; a
     * package whose issuer has no key here has no valid signature.
     *
     * @throws InvalidInputException ({@code 400}, field {@code file}) when the input is no archive package
     */
    @Transactional(readOnly = true)
    public ArchivePackageVerifier.Verification verify(InputStream in) throws IOException {
        ArchivePackageVerifier.ReadPackage read;
        try {
            read = new ArchivePackageVerifier().read(in);
        }
        catch (ArchivePackageVerifier.InvalidArchivePackageException e) {
            throw new InvalidInputException("file", "dossier.package.invalid." + e.reason());
        }
        String issuer = read.manifest().signingIssuer();
        PublicKey key = issuer == null ? null
                : keys.find(issuer).map(k -> Sm2.publicKeyFromPem(k.publicKeyPem())).orElse(null);
        return read.verify(key);
    }

    /** The project's audit events, oldest first, with their chain hashes. */
    private List<AuditEvent> events(UUID projectId) {
        List<AuditEvent> newestFirst = new ArrayList<>();
        for (int page = 0;; page++) {
            List<AuditEvent> batch = trail.page(projectId, page, AUDIT_PAGE);
            newestFirst.addAll(batch);
            if (batch.size() < AUDIT_PAGE) {
                break;
            }
        }
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private byte[] write(Object content) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(content);
    }

    /** A file name that is one plain path segment in any unzip tool. */
    static String safeName(String filename) {
        String name = filename == null ? "" : filename.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        return name.isEmpty() ? "file" : name;
    }

    private static byte[] zip(Map<String, byte[]> entries, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(now.toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A built package. */
    public record Export(String filename, byte[] zip, String manifestSm3, int entries) {
    }
}
