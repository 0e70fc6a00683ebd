package cn.jl.govit.expert.internal;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import cn.jl.govit.expert.ExpertField;
import cn.jl.govit.expert.ExpertPool;

/**
 * The demo expert pool (profile {@code demo}): {@code expert1}…{@code expert5}, enrolled by the administrator
 * through the same use case as the pool page; {@code expert5} works in {@code RST} and so is never drawn for
 * its projects. Each has a fictitious ID number and phone, stored sealed (issue 7.5).
 */
@Component
@Profile("demo")
@Order(30)
class DemoExperts implements ApplicationRunner {

    private final ExpertPool pool;
    private final UserDetailsService users;

    DemoExperts(ExpertPool pool, UserDetailsService users) {
        this.pool = pool;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        UserDetails admin = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            if (pool.all().isEmpty()) {
                enroll("expert1", EnumSet.of(ExpertField.NETWORK, ExpertField.SECURITY));
                enroll("expert2", EnumSet.of(ExpertField.SOFTWARE, ExpertField.DATA));
                enroll("expert3", EnumSet.of(ExpertField.CRYPTOGRAPHY, ExpertField.SECURITY));
                enroll("expert4", EnumSet.of(ExpertField.INVESTMENT));
                enroll("expert5", EnumSet.of(ExpertField.DATA, ExpertField.INVESTMENT));
            }
            // fictitious but well-formed personal data, sealed at rest like real data (issue 7.5); added also to a
            // demo database loaded before experts had any
            contact("expert1", "22010219700101123X", "13904310001");
            contact("expert2", "220104197512120043", "13904310002");
            contact("expert3", "220203198005051614", "0431-88990003");
            contact("expert4", "220106196808083024", "13904310004");
            contact("expert5", "22010219820303045X", "13904310005");
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void contact(String username, String idNumber, String phone) {
        if (pool.contact(username).idNumber() == null) {
            pool.changeContact(username, idNumber, phone, null);
        }
    }

    private void enroll(String username, Set<ExpertField> fields) {
        pool.enroll(username, fields, true);
    }
}
