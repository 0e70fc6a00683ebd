package cn.jl.govit.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jl.govit.rulebook.SealedColumn;

/**
 * The users' contact data sealed at rest (issue 7.5): the e-mail address of {@code app_user}, the only contact
 * column the table has. No blind index: nothing looks a user up by address.
 */
@Configuration(proxyBeanMethods = false)
class UserContactColumns {

    static final SealedColumn EMAIL = new SealedColumn("app_user", "username", "email", null, null);

    @Bean
    SealedColumn userEmailColumn() {
        return EMAIL;
    }
}
