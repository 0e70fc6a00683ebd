package cn.jl.govit.planning;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * Art. 15: the lead department of a shared project records each participating department's construction
 * scope and obligations (建设范围和责任义务); the participants and the provincial bodies read them.
 */
@Service
public class Responsibilities {

    private final PlanningRepository repository;
    private final Projects projects;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    Responsibilities(PlanningRepository repository, Projects projects, CurrentUsers users, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code 404} outside the project's scope, {@code 403} for anyone but the lead department's staff. */
    @Transactional(readOnly = true)
    public Project checkMayRecord(UUID projectId) {
        Project project = projects.get(projectId);
        if (!mayRecord(users.current(), project)) {
            throw new AccessDeniedException("only the lead department records the participants' responsibilities");
        }
        return project;
    }

    public boolean canRecord(Project project) {
        return users.find().map(u -> mayRecord(u, project)).orElse(false);
    }

    private static boolean mayRecord(CurrentUser user, Project project) {
        return user.isDepartmentStaff() && user.organizationCode().equals(project.leadOrganizationCode());
    }

    @Transactional(readOnly = true)
    public ProjectResponsibilities of(UUID projectId) {
        projects.get(projectId);
        return repository.responsibilities(projectId).orElse(new ProjectResponsibilities(projectId, List.of(), null, null, 0));
    }

    @Transactional
    public ProjectResponsibilities record(UUID projectId, Long expectedVersion, List<Responsibility> responsibilities) {
        Project project = checkMayRecord(projectId);
        RuleViolationException.throwIfAny(
                new ResponsibilityPolicy().check(project.participatingOrganizationCodes(), responsibilities));
        repository.saveResponsibilities(projectId, expectedVersion, responsibilities, users.current().username(), clock.instant());
        audit.record("RESPONSIBILITIES_RECORDED", "Project", projectId.toString(), projectId,
                project.code() + " " + String.join(", ", responsibilities.stream().map(Responsibility::organizationCode).toList()));
        return of(projectId);
    }
}
