package cn.jl.govit.upgrade;

import org.springframework.stereotype.Component;

import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;

/**
 * Tells each party what an upgrade asks of it (Art. 29): the approval authority to hold the joint review, the
 * Digital Jilin Leading Group to decide, the construction unit what was decided. Sent in the step's transaction.
 */
@Component
class UpgradeNotices {

    private final Notifications notifications;

    UpgradeNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    void jointReviewAsked(Project project, UpgradeRequest upgrade) {
        notifications.notifyMembers(upgrade.authorityCode(), Role.APPROVER,
                notice("upgrade.notice.joint-review", project, upgrade));
    }

    void leadingGroupAsked(Project project, UpgradeRequest upgrade) {
        notifications.notifyMembers(OrganizationCodes.LEADING_GROUP, Role.LEADING_GROUP,
                notice("upgrade.notice.leading-group", project, upgrade));
    }

    void decided(Project project, UpgradeRequest upgrade) {
        String key = upgrade.status() == UpgradeStatus.APPROVED ? "upgrade.notice.approved" : "upgrade.notice.rejected";
        notifications.notifyMembers(upgrade.leadOrganizationCode(), Role.DEPARTMENT_STAFF, notice(key, project, upgrade));
    }

    private static Notice notice(String key, Project project, UpgradeRequest upgrade) {
        return Notice.of(key, "/upgrades/" + upgrade.id(), project.id(), key + ":" + upgrade.id(), project.code(),
                project.name(), String.valueOf(upgrade.number()), upgrade.proposal().title());
    }
}
