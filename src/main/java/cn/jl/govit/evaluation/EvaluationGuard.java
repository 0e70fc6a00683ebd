package cn.jl.govit.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import cn.jl.govit.document.Documents;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.Violation;

/** The checks the evaluation use cases share: who acts, input that is malformed whatever the rules, versions. */
@Component
class EvaluationGuard {

    private final Projects projects;
    private final Documents documents;
    private final CurrentUsers users;
    private final Clock clock;

    EvaluationGuard(Projects projects, Documents documents, CurrentUsers users, Clock clock) {
        this.projects = projects;
        this.documents = documents;
        this.users = users;
        this.clock = clock;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's construction unit. */
    Project unit(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    /** {@code 404} outside scope, {@code 403} unless the caller is the project's approval authority. */
    Project authority(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireAuthority(project);
        return project;
    }

    /** {@code 404} outside scope. */
    Project readable(UUID projectId) {
        return projects.get(projectId);
    }

    boolean isVisible(UUID projectId) {
        return projects.isVisible(projectId);
    }

    boolean isUnit(Project project) {
        return projects.isConstructionUnit(project);
    }

    boolean isAuthority(Project project) {
        return projects.isAuthority(project);
    }

    LocalDate today() {
        return projects.today();
    }

    Instant now() {
        return clock.instant();
    }

    String username() {
        return users.current().username();
    }

    /** {@code 400} for a date of a fact after today. */
    void notFuture(String field, LocalDate date) {
        LocalDate today = today();
        if (date != null && date.isAfter(today)) {
            throw new InvalidInputException(field, "date.future", date.toString(), today.toString());
        }
    }

    /** {@code 400} unless the document is one stored for this project. */
    void ownDocument(UUID projectId, String field, UUID documentId) {
        if (documentId == null) {
            return;
        }
        boolean ours;
        try {
            ours = documents.get(documentId).projectId().equals(projectId);
        }
        catch (RecordNotFoundException e) {
            ours = false;
        }
        if (!ours) {
            throw new InvalidInputException(field, "evaluation.document.unknown", documentId.toString());
        }
    }

    /** Evaluations are of a project in operation, that is after its final acceptance (Art. 28). */
    static List<Violation> inOperation(Project project) {
        if (project.status() == ProjectStatus.IN_OPERATION && project.operationStartedOn() != null) {
            return List.of();
        }
        return List.of(Violation.of(SelfEvaluationWindow.RULE, "status", "violation.ART-28.not-in-operation",
                new MessageKey("enum.ProjectStatus." + project.status().name())));
    }

    static void checkVersion(String what, UUID id, long current, Long expected) {
        if (expected != null && expected != current) {
            throw new OptimisticLockingFailureException(what + " " + id + " is at version " + current);
        }
    }
}
