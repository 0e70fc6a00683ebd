package cn.jl.govit.obligation.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.notification.TodoItem;
import cn.jl.govit.notification.TodoSource;
import cn.jl.govit.obligation.ConstructionDeadlines;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.Role;
import cn.jl.govit.project.ApprovalAuthority;

/**
 * The obligations on a user's to-do list, the same people the daily scan tells: the responsible department's
 * staff see its pending obligations that are overdue or due within {@code govit.obligation.reminder-days}; the
 * approvers of the project's approval authority see those that are overdue. Read as of the day, so an open
 * obligation past its due date counts as overdue before the nightly scan marked it. Lives here, not in the
 * notification module, because that module must not depend on this one (this one notifies through it).
 */
@Component
class ObligationTodo implements TodoSource {

    private final JdbcClient jdbc;
    private final ObligationProperties properties;

    ObligationTodo(JdbcClient jdbc, ObligationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodoItem> itemsFor(CurrentUser user, LocalDate today) {
        boolean staff = user.isDepartmentStaff();
        String[] authorities = user.has(Role.APPROVER)
                ? Arrays.stream(ApprovalAuthority.values()).filter(a -> a.organizationCode().equals(user.organizationCode()))
                        .map(Enum::name).toArray(String[]::new)
                : new String[0];
        if (!staff && authorities.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT o.id, o.project_id, o.type, o.subject, o.due_date, o.rule, p.code AS project_code,
                       p.name AS project_name
                FROM obligation o JOIN project p ON p.id = o.project_id
                WHERE o.status IN ('OPEN', 'OVERDUE') AND o.due_date <= :until
                  AND ((:staff AND o.responsible_organization_code = :org)
                       OR (p.approval_authority = ANY (:authorities) AND o.due_date < :today))
                ORDER BY o.due_date, p.code, o.type, o.subject""")
                .param("until", today.plusDays(properties.reminderDays())).param("today", today)
                .param("staff", staff).param("org", user.organizationCode()).param("authorities", authorities)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    boolean overdue = due.isBefore(today);
                    String subject = rs.getString("subject");
                    // the texts of the scan's notices, so that the list and the notices read alike
                    String key = (overdue ? "obligation.notice.overdue" : "obligation.notice.reminder")
                            + (ConstructionDeadlines.INITIAL_ACCEPTANCE_SUBJECT.equals(subject) ? ".no-subject" : "");
                    UUID project = rs.getObject("project_id", UUID.class);
                    return TodoItem.of(overdue ? TodoItem.Kind.OVERDUE : TodoItem.Kind.DUE, key,
                            "/projects/" + project + "/obligations", project, due,
                            "#enum.ObligationType." + rs.getString("type"), subject, due.toString(),
                            rs.getString("project_code"), rs.getString("project_name"), rs.getString("rule"));
                })
                .list();
    }
}
