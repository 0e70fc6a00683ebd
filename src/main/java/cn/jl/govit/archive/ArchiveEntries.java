package cn.jl.govit.archive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.InvalidInputException.FieldError;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;
import cn.jl.govit.rulebook.Violation;

/**
 * The archive of a project (Art. 24): the construction unit registers documents stored for the project to archive
 * categories while it builds; whoever sees the project reads the archive ({@code 404} otherwise). Checks in the
 * contract's order; every registration writes one audit event in its transaction.
 */
@Service
public class ArchiveEntries {

    private final ArchiveRepository repository;
    private final Projects projects;
    private final Documents documents;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    ArchiveEntries(ArchiveRepository repository, Projects projects, Documents documents, CurrentUsers users,
            AuditLog audit, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.documents = documents;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The archive categories, in order. */
    @Transactional(readOnly = true)
    public List<ArchiveCategory> categories() {
        return repository.categories();
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's construction unit. */
    @Transactional(readOnly = true)
    public Project checkMayRegister(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /**
     * Registers a document of the project to its archive. The document is one stored for the project; a classified
     * project may instead name the offline reference of its carrier (Art. 8), which registers the document by that
     * reference first. {@code 400} for malformed input, {@code 422} when the project does not build now (ART-14,
     * ART-22) or its archives are under examination or accepted (ART-24).
     */
    @Transactional
    public ArchiveEntry register(UUID projectId, NewEntry entry) {
        Project project = checkMayRegister(projectId);
        ArchiveCategory category = categories().stream().filter(c -> c.code().equals(entry.categoryCode())).findFirst()
                .orElseThrow(() -> new InvalidInputException("categoryCode", entry.categoryCode() == null
                        ? "problem.field.required" : "archive.category.unknown", String.valueOf(entry.categoryCode())));
        List<FieldError> errors = new ArrayList<>();
        if (blank(entry.title())) {
            errors.add(new FieldError("title", "problem.field.required", List.of()));
        }
        else if (entry.title().length() > 200 || entry.title().indexOf('\u0000') >= 0) {
            errors.add(new FieldError("title", "problem.field.too-long", List.of(200)));
        }
        if (entry.retention() == null) {
            errors.add(new FieldError("retention", "problem.field.required", List.of()));
        }
        if (entry.carrier() == null) {
            errors.add(new FieldError("carrier", "problem.field.required", List.of()));
        }
        if (entry.offlineReference() != null
                && (entry.offlineReference().length() > 200 || entry.offlineReference().indexOf('\u0000') >= 0)) {
            errors.add(new FieldError("offlineReference", "problem.field.too-long", List.of(200)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (entry.documentId() == null && blank(entry.offlineReference())) {
            throw new InvalidInputException("documentId", "problem.field.required");
        }
        if (entry.documentId() != null && !blank(entry.offlineReference())) {
            throw new InvalidInputException("offlineReference", "archive.document.both");
        }
        StoredDocument existing = entry.documentId() == null ? null : ownDocument(projectId, entry.documentId());
        if (existing != null && repository.isRegistered(projectId, existing.id())) {
            throw new InvalidInputException("documentId", "archive.document.registered");
        }
        requireArchiving(project);
        if (existing == null && !project.facts().classified()) {
            throw new RuleViolationException(Violation.of("ART-8", "offlineReference",
                    "violation.ART-8.archive-offline-not-classified"));
        }
        RuleViolationException.throwIfAny(ArchiveAcceptancePolicy.registration(repository.latest(projectId).orElse(null)));
        StoredDocument document = existing != null ? existing
                : documents.registerOffline(projectId, null, entry.title(), entry.offlineReference());
        ArchiveEntry saved = new ArchiveEntry(UUID.randomUUID(), projectId, category.code(), document.id(),
                entry.title().strip(), entry.retention(), entry.carrier(), users.current().username(), clock.instant());
        try {
            repository.insert(saved);
        }
        catch (DuplicateKeyException e) {
            throw new InvalidInputException("documentId", "archive.document.registered");
        }
        audit.record("ARCHIVE_ENTRY_REGISTERED", "ArchiveEntry", saved.id().toString(), projectId,
                project.code() + " " + category.code() + " " + saved.title() + " (" + saved.retention() + ", "
                        + saved.carrier() + ", document " + document.id()
                        + (document.offline() ? " @ " + document.offlineReference() : "") + ")");
        return saved;
    }

    /** One page of the project's archive, by category ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public PageOf<ArchiveEntry> page(UUID projectId, Paging paging) {
        projects.get(projectId);
        return new PageOf<>(repository.entries(projectId, paging.page(), paging.size()), paging.page(), paging.size(),
                repository.countEntries(projectId));
    }

    /** The documents already in the project's archive ({@code 404} outside scope). */
    @Transactional(readOnly = true)
    public Set<UUID> registeredDocuments(UUID projectId) {
        projects.get(projectId);
        return Set.copyOf(repository.documentIds(projectId));
    }

    /** Whether the signed-in user registers documents of this project now; the pages show the form only then. */
    @Transactional(readOnly = true)
    public boolean canRegister(Project project) {
        return projects.isConstructionUnit(project) && archiving(project)
                && ArchiveAcceptancePolicy.registration(repository.latest(project.id()).orElse(null)).isEmpty();
    }

    /** A category's name in the reader's language. */
    @Transactional(readOnly = true)
    public Optional<String> categoryName(String code, Locale locale) {
        return categories().stream().filter(c -> c.code().equals(code)).findFirst().map(c -> c.name(locale));
    }

    /**
     * Archives are kept while the project is built and completed for its acceptance: under construction or in
     * acceptance. A suspended project records nothing until resumed (ART-22); before construction nothing is built
     * (ART-14).
     */
    static boolean archiving(Project project) {
        return project.status() == ProjectStatus.UNDER_CONSTRUCTION || project.status() == ProjectStatus.IN_ACCEPTANCE;
    }

    static void requireArchiving(Project project) {
        if (!archiving(project)) {
            RuleViolationException.throwIfAny(project.constructionRecordsRefused());
        }
    }

    private StoredDocument ownDocument(UUID projectId, UUID documentId) {
        try {
            StoredDocument document = documents.get(documentId);
            if (document.projectId().equals(projectId)) {
                return document;
            }
        }
        catch (RecordNotFoundException e) {
            // an unknown document and another project's read alike
        }
        throw new InvalidInputException("documentId", "archive.document.unknown", documentId.toString());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * What the unit registers: the category, a document stored for the project (or, for a classified project, the
     * offline reference of its carrier), the title, retention and carrier.
     */
    public record NewEntry(String categoryCode, UUID documentId, String offlineReference, String title,
            Retention retention, Carrier carrier) {
    }
}
