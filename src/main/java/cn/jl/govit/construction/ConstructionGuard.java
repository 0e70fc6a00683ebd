package cn.jl.govit.construction;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.InvalidInputException;

/**
 * The checks every construction record goes through, in the contract's order: the project in scope
 * ({@code 404}), the caller's role ({@code 403}), then, after the input, whether the project takes records now
 * ({@code 422} ART-22 when suspended, ART-14 when not under construction).
 */
@Component
class ConstructionGuard {

    private final Projects projects;
    private final CurrentUsers users;
    private final Clock clock;

    ConstructionGuard(Projects projects, CurrentUsers users, Clock clock) {
        this.projects = projects;
        this.users = users;
        this.clock = clock;
    }

    Project readable(UUID projectId) {
        return projects.get(projectId);
    }

    /** The project without a scope check, for calls from another module that has decided access itself. */
    Project any(UUID projectId) {
        return projects.find(projectId);
    }

    Project unit(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireConstructionUnit(project);
        return project;
    }

    Project authority(UUID projectId) {
        Project project = projects.get(projectId);
        projects.requireAuthority(project);
        return project;
    }

    boolean isUnit(Project project) {
        return projects.isConstructionUnit(project);
    }

    boolean isAuthority(Project project) {
        return projects.isAuthority(project);
    }

    static void requireOpen(Project project) {
        Projects.requireOpenForConstruction(project);
    }

    LocalDate today() {
        return projects.today();
    }

    Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    String username() {
        return users.find().map(u -> u.username()).orElse("system");
    }

    /** A fact's date is never in the future ({@code 400 date.future}, as for the start of construction). */
    void notFuture(String field, LocalDate date) {
        LocalDate today = today();
        if (date != null && date.isAfter(today)) {
            throw new InvalidInputException(field, "date.future", date.toString(), today.toString());
        }
    }
}
