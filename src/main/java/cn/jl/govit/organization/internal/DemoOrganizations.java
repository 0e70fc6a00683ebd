package cn.jl.govit.organization.internal;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.UserAccounts;

/**
 * The demo departments and users of the API contract (profile {@code demo} only, never in production),
 * all with the password {@code Demo@2026}. Loaded once: a database that has them is left alone.
 */
@Component
@Profile("demo")
@Order(10)
class DemoOrganizations implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganizations.class);

    private final Organizations organizations;
    private final UserAccounts users;
    private final TransactionTemplate tx;

    DemoOrganizations(Organizations organizations, UserAccounts users, TransactionTemplate tx) {
        this.organizations = organizations;
        this.users = users;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.find("admin").isPresent()) {
            separateAdministrators();
            return;
        }
        tx.executeWithoutResult(status -> {
            organizations.create("RST", "省人力资源和社会保障厅", "Department of Human Resources and Social Security",
                    OrganizationKind.DEPARTMENT, null);
            organizations.create("WJW", "省卫生健康委员会", "Health Commission", OrganizationKind.DEPARTMENT, null);
            organizations.create("JYT", "省教育厅", "Department of Education", OrganizationKind.DEPARTMENT, null);
            user("admin", "系统管理员", "SZSJ", Role.ADMIN);
            user("szsj", "数字局审批员", "SZSJ", Role.APPROVER);
            user("fgw", "发改委审批员", "FGW", Role.APPROVER);
            user("rst", "人社厅项目专员", "RST", Role.DEPARTMENT_STAFF);
            user("wjw", "卫健委项目专员", "WJW", Role.DEPARTMENT_STAFF);
            user("jyt", "教育厅项目专员", "JYT", Role.DEPARTMENT_STAFF);
            for (int i = 1; i <= 4; i++) {
                user("expert" + i, "评审专家" + i, null, Role.EXPERT);
            }
            user("expert5", "评审专家5（人社厅）", "RST", Role.EXPERT);
            user("daj", "档案局验收员", "DAJ", Role.ARCHIVIST);
            user("czt", "财政厅资金管理员", "CZT", Role.FINANCE_OFFICER);
            user("sjt", "审计厅审计员", "SJT", Role.AUDITOR);
            user("mmj", "密码管理局监督员", "MMJ", Role.SUPERVISOR);
            user("wxb", "网信办监督员", "WXB", Role.SUPERVISOR);
            user("ldxz", "领导小组办公室", "LDXZ", Role.LEADING_GROUP);
        });
        separateAdministrators();
        log.info("demo organisations and users loaded (password {} for all)", "Demo@2026");
    }

    /**
     * The security and the audit administrator (三员分立, GB/T 22239 level 3), added also to a demo database
     * loaded before they existed.
     */
    private void separateAdministrators() {
        tx.executeWithoutResult(status -> {
            if (users.find("secadmin").isEmpty()) {
                user("secadmin", "安全管理员", "SZSJ", Role.SECURITY_ADMIN);
            }
            if (users.find("auditadmin").isEmpty()) {
                user("auditadmin", "审计管理员", "SZSJ", Role.AUDIT_ADMIN);
            }
        });
    }

    private void user(String username, String displayName, String organization, Role role) {
        Set<Role> roles = EnumSet.of(role);
        users.create(username, displayName, organization, roles, PASSWORD, username + "@example.gov.cn");
    }
}
