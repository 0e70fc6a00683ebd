package cn.jl.govit.obligation.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import cn.jl.govit.obligation.ObligationScans;

/**
 * Runs the daily obligation scan at {@code govit.obligation.scan-cron} (Asia/Shanghai). Every node fires; the
 * scan's claim of the day lets one of them do the work. The scan is for the day of the application clock, so a
 * test that moves that clock and scans a day of its own is not disturbed by the nightly run.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ObligationProperties.class)
class ObligationScheduling {

    private final ObligationScans scans;

    ObligationScheduling(ObligationScans scans) {
        this.scans = scans;
    }

    @Scheduled(cron = "${govit.obligation.scan-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    // one node per firing (cluster module); the day's claim stays as the second guard
    @SchedulerLock(name = "obligation-scan", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
    void nightly() {
        scans.scan(scans.today());
    }
}
