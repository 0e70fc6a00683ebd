package cn.jl.govit.project.internal;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.jl.govit.audit.AuditAccess;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Projects;

/**
 * A project's history is read by whoever sees the project; the whole log by the oversight roles of the
 * provincial bodies (Audit, approvers, supervisors, Leading Group) and the audit administrator (三员), never by the
 * system or the security administrator.
 */
@Component
class ProjectAuditAccess implements AuditAccess {

    private final Projects projects;
    private final CurrentUsers users;

    ProjectAuditAccess(Projects projects, CurrentUsers users) {
        this.projects = projects;
        this.users = users;
    }

    @Override
    public void checkRead(UUID projectId) {
        if (projectId != null) {
            projects.get(projectId);
            return;
        }
        CurrentUser user = users.current();
        if (user.has(Role.AUDIT_ADMIN)) {
            return;
        }
        boolean oversight = user.readsAllProjects() && (user.has(Role.AUDITOR) || user.has(Role.APPROVER)
                || user.has(Role.SUPERVISOR) || user.has(Role.LEADING_GROUP));
        if (!oversight) {
            throw new AccessDeniedException("the whole audit log is for oversight roles");
        }
    }
}
