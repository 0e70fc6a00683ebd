package cn.jl.govit.organization;

import java.util.Set;

/** The signed-in user as the other modules see it: name, organisation and roles. */
public record CurrentUser(String username, String displayName, String organizationCode, OrganizationKind organizationKind,
        Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isDepartmentStaff() {
        return has(Role.DEPARTMENT_STAFF) && organizationKind == OrganizationKind.DEPARTMENT;
    }

    /**
     * Whether the user reads every project: the provincial bodies of the coordination and supervision
     * mechanism (Art. 4–5) in any working role. The system administrator and experts do not.
     */
    public boolean readsAllProjects() {
        return organizationKind == OrganizationKind.PROVINCIAL_BODY
                && roles.stream().anyMatch(r -> r != Role.ADMIN && r != Role.SECURITY_ADMIN && r != Role.AUDIT_ADMIN
                        && r != Role.EXPERT && r != Role.DEPARTMENT_STAFF);
    }

    /** An approver of the given organisation (the Digital Bureau {@code SZSJ}, the DRC {@code FGW}). */
    public boolean isApproverOf(String organizationCode) {
        return has(Role.APPROVER) && organizationCode.equals(this.organizationCode);
    }
}
