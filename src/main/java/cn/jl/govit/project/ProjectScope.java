package cn.jl.govit.project;

import cn.jl.govit.organization.CurrentUser;

/**
 * Who sees which project (api-contract "Scope", Art. 4, 15): a department its own projects and, read-only,
 * those it participates in; the provincial bodies of the coordination and supervision mechanism all of
 * them; experts and the system administrator none (experts see their reviews, not projects).
 */
public final class ProjectScope {

    private ProjectScope() {
    }

    public static boolean canRead(CurrentUser user, Project project) {
        if (user.readsAllProjects()) {
            return true;
        }
        return user.isDepartmentStaff() && project.involves(user.organizationCode());
    }

    /** Only the lead department acts on its project as the construction unit. */
    public static boolean isConstructionUnit(CurrentUser user, Project project) {
        return user.isDepartmentStaff() && project.leadOrganizationCode().equals(user.organizationCode());
    }

    /** The SQL filter for lists: {@code null} org means every project, an empty result means none. */
    public static Filter filterFor(CurrentUser user) {
        if (user.readsAllProjects()) {
            return new Filter(true, null);
        }
        if (user.isDepartmentStaff()) {
            return new Filter(false, user.organizationCode());
        }
        return new Filter(false, null);
    }

    /** A list filter: everything, or the projects an organisation leads or participates in, or nothing. */
    public record Filter(boolean all, String organizationCode) {

        public boolean none() {
            return !all && organizationCode == null;
        }
    }
}
