package cn.jl.govit.organization.internal;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.UserAccounts;

/**
 * A production installation starts without users. When {@code govit.bootstrap.admin-password} is given
 * (environment {@code GOVIT_BOOTSTRAP_ADMIN_PASSWORD}, never in git) and no account exists yet, the first
 * administrator {@code admin} is created with it; the password is meant to be changed at once.
 */
@Component
@Order(5)
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final UserAccounts users;
    private final TransactionTemplate tx;
    private final String password;

    BootstrapAdministrator(UserAccounts users, TransactionTemplate tx,
            @Value("${govit.bootstrap.admin-password:}") String password) {
        this.users = users;
        this.tx = tx;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password.isBlank() || users.any()) {
            return;
        }
        tx.executeWithoutResult(s -> users.create("admin", "系统管理员", OrganizationCodes.DIGITAL_BUREAU,
                EnumSet.of(Role.ADMIN), password));
        log.info("first administrator 'admin' created from govit.bootstrap.admin-password");
    }
}
