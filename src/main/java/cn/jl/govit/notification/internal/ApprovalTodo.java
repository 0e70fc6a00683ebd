package cn.jl.govit.notification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.notification.TodoItem;
import cn.jl.govit.notification.TodoSource;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.PageOf;

/**
 * Projects in approval at the approver's authority (Art. 5, 9–14): the one decision no module notifies about, as
 * the approval module sends no notices. Read through the project module's public listing, as the approver sees
 * it; the other decisions (acceptance applications, rectifications, extensions, changes, upgrades, evaluations)
 * reach approvers as notifications from their modules and stay on the list until read.
 */
@Component
class ApprovalTodo implements TodoSource {

    /** more would not be a to-do list; the approvals page lists them all */
    private static final int MAX_ITEMS = 1_000;

    private final Projects projects;

    ApprovalTodo(Projects projects) {
        this.projects = projects;
    }

    @Override
    public List<TodoItem> itemsFor(CurrentUser user, LocalDate today) {
        if (!user.has(Role.APPROVER)) {
            return List.of();
        }
        List<Project> inApproval = new ArrayList<>();
        for (int page = 0; inApproval.size() < MAX_ITEMS; page++) {
            PageOf<Project> batch = projects.page(ProjectStatus.IN_APPROVAL, null, page, Paging.MAX_SIZE);
            inApproval.addAll(batch.content());
            if (batch.content().size() < Paging.MAX_SIZE) {
                break;
            }
        }
        return inApproval.stream()
                .filter(p -> user.isApproverOf(p.approvalAuthority().organizationCode()))
                .map(p -> TodoItem.of(TodoItem.Kind.DECISION, "notification.todo.approval", "/projects/" + p.id(),
                        p.id(), null, p.code(), p.name()))
                .toList();
    }
}
