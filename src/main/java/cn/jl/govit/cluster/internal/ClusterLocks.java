package cn.jl.govit.cluster.internal;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One lease row per scheduled job in {@code shedlock}: a method annotated {@code @SchedulerLock(name = …)} runs
 * only on the node that took the lease; the others skip that firing. The lease is taken and given back with
 * {@code INSERT}/{@code UPDATE … WHERE lock_until <= now()} (rows are never deleted), timed by the database's clock
 * so that the nodes' clocks need not agree. A job's {@code lockAtLeastFor} keeps the lease for a few minutes even
 * when the job is quick, so that a node whose clock is a little behind does not run the same firing again;
 * {@code lockAtMostFor} frees the lease of a node that died while running.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ClusterLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
