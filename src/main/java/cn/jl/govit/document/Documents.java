package cn.jl.govit.document;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.audit.Sm3;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectScope;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The documents of a project, for the pages, the REST API and the other modules. Whoever sees the project
 * reads its documents ({@code 404} otherwise); only its construction unit (the lead department's staff) adds
 * them ({@code 403} for participants and others). A classified project keeps its classified documents off this
 * platform: uploads are refused ({@code 422 ART-8}) and the document is registered by its offline reference.
 * Every document stored is recorded with its SM3 digest and audited.
 */
@Service
public class Documents {

    /** Document codes as the outlines use them ({@code PA1}, {@code FS4.4}). */
    public static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}";

    private final DocumentRepository repository;
    private final DocumentStorage storage;
    private final Projects projects;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final UploadInspector inspector;

    Documents(DocumentRepository repository, DocumentStorage storage, Projects projects, CurrentUsers users,
            AuditLog audit, Clock clock, UploadInspector inspector) {
        this.repository = repository;
        this.storage = storage;
        this.inspector = inspector;
        this.projects = projects;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses with {@code 404} outside scope and {@code 403} for anyone but the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayAdd(UUID projectId) {
        Project project = projects.get(projectId);
        if (!ProjectScope.isConstructionUnit(users.current(), project)) {
            throw new AccessDeniedException("only the construction unit adds documents to its project");
        }
        return project;
    }

    /** Whether the signed-in user may add documents to the project; the pages show the form only then. */
    @Transactional(readOnly = true)
    public boolean canAdd(UUID projectId) {
        try {
            checkMayAdd(projectId);
            return true;
        }
        catch (RecordNotFoundException | AccessDeniedException e) {
            return false;
        }
    }

    /** Stores a file as a {@link DocumentKind#PROJECT_DOCUMENT}; see {@link #store(UUID, DocumentKind, String, String, String, byte[])}. */
    @Transactional
    public StoredDocument store(UUID projectId, String code, String filename, String contentType, byte[] bytes) {
        return store(projectId, DocumentKind.PROJECT_DOCUMENT, code, filename, contentType, bytes);
    }

    /**
     * Stores a file of a project: {@code 404} outside scope, {@code 403} unless the caller is the construction
     * unit, {@code 400} for an empty file or a malformed code, {@code 422 ART-8} for a classified project, and
     * {@link UploadRefusedException} ({@code 413} too large, {@code 415} a type the kind does not allow,
     * {@code 422} a ZIP bomb or nested archive) before anything is written. The content type recorded is the one
     * detected from the bytes; the client's {@code contentType} only goes to the audit trail. The bytes go under a
     * generated name; the record keeps the sanitised file name and the SM3 digest.
     */
    @Transactional
    public StoredDocument store(UUID projectId, DocumentKind kind, String code, String filename, String contentType,
            byte[] bytes) {
        Project project = checkMayAdd(projectId);
        String cleanCode = code(code);
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "document.file.empty");
        }
        if (project.facts().classified()) {
            throw new RuleViolationException(Violation.of("ART-8", "file", "violation.ART-8.classified-upload"));
        }
        String name = Filenames.sanitize(filename);
        DocumentKind documentKind = kind == null ? DocumentKind.PROJECT_DOCUMENT : kind;
        String detected = inspector.inspect(documentKind, name, bytes);
        String sm3 = Sm3.hex(bytes);
        String storageName = storage.write(bytes);
        StoredDocument document = new StoredDocument(UUID.randomUUID(), projectId, cleanCode, null,
                name, detected, (long) bytes.length, sm3, null,
                users.current().username(), clock.instant());
        repository.insert(document, storageName, documentKind);
        audit.record("DOCUMENT_STORED", "Document", document.id().toString(), projectId,
                project.code() + " " + (cleanCode == null ? "" : cleanCode + " ") + document.filename() + " "
                        + documentKind + " " + detected + " (declared " + mediaType(contentType) + ") "
                        + bytes.length + " bytes SM3 " + sm3);
        return document;
    }

    /**
     * Registers a document of a classified project by its offline carrier reference (Art. 8): no content enters
     * the platform. Same checks as {@link #store}.
     */
    @Transactional
    public StoredDocument registerOffline(UUID projectId, String code, String title, String offlineReference) {
        Project project = checkMayAdd(projectId);
        String cleanCode = code(code);
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "problem.field.required");
        }
        if (offlineReference == null || offlineReference.isBlank()) {
            throw new InvalidInputException("offlineReference", "problem.field.required");
        }
        StoredDocument document = new StoredDocument(UUID.randomUUID(), projectId, cleanCode, title.strip(), null, null,
                null, null, offlineReference.strip(), users.current().username(), clock.instant());
        repository.insert(document, null, null);
        audit.record("DOCUMENT_REGISTERED_OFFLINE", "Document", document.id().toString(), projectId,
                project.code() + " " + (cleanCode == null ? "" : cleanCode + " ") + document.title() + " @ "
                        + document.offlineReference());
        return document;
    }

    /** A document's record for whoever sees its project ({@code 404} otherwise). */
    @Transactional(readOnly = true)
    public StoredDocument get(UUID id) {
        StoredDocument document = repository.find(id).orElseThrow(() -> new RecordNotFoundException("Document", id));
        if (!projects.isVisible(document.projectId())) {
            throw new RecordNotFoundException("Document", id);
        }
        return document;
    }

    /**
     * A document with its bytes, checked against the SM3 digest recorded at storage ({@link DocumentTamperedException}
     * when they differ). An offline registration has no content here: {@code 422 ART-8}.
     */
    @Transactional(readOnly = true)
    public DocumentContent read(UUID id) {
        StoredDocument document = get(id);
        if (document.offline()) {
            throw new RuleViolationException(Violation.of("ART-8", "content", "violation.ART-8.offline-no-content",
                    document.offlineReference()));
        }
        byte[] bytes = storage.read(repository.storageName(id).orElseThrow());
        if (!Sm3.hex(bytes).equals(document.sm3())) {
            throw new DocumentTamperedException(id);
        }
        return new DocumentContent(document, bytes);
    }

    /**
     * A download by the current user: the content as {@link #read}, and one audit event naming the document and its
     * digest (who: the event's actor), in the same transaction. Reads inside the platform (the archive package,
     * audited as its export) use {@link #read}.
     */
    @Transactional
    public DocumentContent download(UUID id) {
        DocumentContent content = read(id);
        audit.record("DOCUMENT_DOWNLOADED", "Document", id.toString(), content.document().projectId(),
                "downloaded, SM3 " + content.document().sm3());
        return content;
    }

    /** Fixity: recomputes the SM3 digest of the stored bytes and compares it with the recorded one. */
    @Transactional(readOnly = true)
    public FixityCheck verify(UUID id) {
        StoredDocument document = get(id);
        if (document.offline()) {
            throw new RuleViolationException(Violation.of("ART-8", "content", "violation.ART-8.offline-no-content",
                    document.offlineReference()));
        }
        String actual;
        try {
            actual = Sm3.hex(storage.read(repository.storageName(id).orElseThrow()));
        }
        catch (java.io.UncheckedIOException e) {
            actual = null;
        }
        return new FixityCheck(id, document.sm3(), actual, document.sm3().equals(actual));
    }

    /** The documents of a project, newest first, for whoever sees it. */
    @Transactional(readOnly = true)
    public List<StoredDocument> list(UUID projectId) {
        projects.get(projectId);
        return repository.ofProject(projectId);
    }

    private static String code(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip();
        if (!c.matches(CODE_PATTERN)) {
            throw new InvalidInputException("code", "document.code.format");
        }
        return c.toUpperCase(Locale.ROOT);
    }

    /** The declared type if it is a well-formed concrete media type, else {@code application/octet-stream}. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank() || contentType.length() > 200) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return MediaType.APPLICATION_OCTET_STREAM_VALUE;
            }
            return new MediaType(type.getType(), type.getSubtype()).toString();
        }
        catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }
}
