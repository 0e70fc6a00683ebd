package cn.jl.govit.change;

import org.springframework.stereotype.Component;

import cn.jl.govit.notification.Notice;
import cn.jl.govit.notification.Notifications;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;

/**
 * Tells the approval authority's approvers what a change request asks of them (Art. 23): acknowledge a filing,
 * decide a re-approval, record the provincial government's decision. Sent in the request's transaction.
 */
@Component
class ChangeNotices {

    private final Notifications notifications;

    ChangeNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    void filed(Project project, ChangeRequest change) {
        send(project, change, "change.notice.filed");
    }

    void reapprovalOpened(Project project, ChangeRequest change) {
        send(project, change, "change.notice.reapproval");
    }

    void awaitingGovernment(Project project, ChangeRequest change) {
        send(project, change, "change.notice.government");
    }

    private void send(Project project, ChangeRequest change, String key) {
        notifications.notifyMembers(project.approvalAuthority().organizationCode(), Role.APPROVER,
                Notice.of(key, "/projects/" + project.id() + "/changes", project.id(), key + ":" + change.id(),
                        project.code(), project.name(), String.valueOf(change.number())));
    }
}
