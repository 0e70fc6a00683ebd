package cn.jl.govit.operation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;

/**
 * The checks every recording of the operation module starts with, in the contract's order: the project in scope
 * ({@code 404}), the caller its construction unit — the operating unit (Art. 35) — ({@code 403}); then the input
 * the rules cannot judge ({@code 400}): dates of facts not in the future, documents of this very project.
 */
@Component
class OperationGuard {

    private final Projects projects;
    private final Documents documents;
    private final CurrentUsers users;
    private final Clock clock;

    OperationGuard(Projects projects, Documents documents, CurrentUsers users, Clock clock) {
        this.projects = projects;
        this.documents = documents;
        this.users = users;
        this.clock = clock;
    }

    /** The project if the caller may see it ({@code 404} otherwise). */
    Project readable(UUID projectId) {
        return projects.get(projectId);
    }

    /** The project if the caller is its construction unit: {@code 404} outside scope, {@code 403} for anyone else. */
    Project unit(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /** Whether the signed-in user records for the project (its construction unit). */
    boolean isUnit(Project project) {
        return projects.isConstructionUnit(project);
    }

    /** {@code 400 date.future} for a date after today. */
    void notFuture(String field, LocalDate date) {
        LocalDate today = today();
        if (date != null && date.isAfter(today)) {
            throw new InvalidInputException(field, "date.future", date.toString(), today.toString());
        }
    }

    /** {@code 400} unless the document exists and belongs to the project; {@code null} passes (optional). */
    void documentOf(UUID projectId, String field, UUID documentId) {
        if (documentId == null) {
            return;
        }
        StoredDocument document;
        try {
            document = documents.get(documentId);
        }
        catch (RecordNotFoundException e) {
            throw new InvalidInputException(field, "operation.document.foreign", documentId.toString());
        }
        if (!document.projectId().equals(projectId)) {
            throw new InvalidInputException(field, "operation.document.foreign", documentId.toString());
        }
    }

    LocalDate today() {
        return projects.today();
    }

    String username() {
        return users.current().username();
    }

    Instant now() {
        return clock.instant();
    }
}
