package cn.jl.govit.planning;

import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.OrganizationCodes;

/**
 * Who sees and does what in planning: the plan and the calls are read by the departments and the provincial
 * bodies; a department sees its own demands, the provincial bodies all of them; only the Digital Bureau's
 * approvers record plans, open calls, score and triage (Art. 6, 7).
 */
final class PlanningScope {

    private PlanningScope() {
    }

    static boolean readsPlanning(CurrentUser user) {
        return user.readsAllProjects() || user.isDepartmentStaff();
    }

    static boolean isBureau(CurrentUser user) {
        return user.isApproverOf(OrganizationCodes.DIGITAL_BUREAU);
    }

    static boolean canRead(CurrentUser user, Demand demand) {
        return user.readsAllProjects() || (user.isDepartmentStaff() && user.organizationCode().equals(demand.organizationCode()));
    }

    /** The organisation whose demands a list shows: {@code null} for all; empty string for none. */
    static String demandFilter(CurrentUser user) {
        if (user.readsAllProjects()) {
            return null;
        }
        return user.isDepartmentStaff() ? user.organizationCode() : "";
    }
}
