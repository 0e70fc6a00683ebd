package cn.jl.govit.document.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import cn.jl.govit.document.DocumentFixity;
import cn.jl.govit.document.DocumentProperties;
import cn.jl.govit.document.DocumentStoreSweeper;

/**
 * The store's housekeeping: the sweeper of temporary and orphan files ({@code govit.document.sweep-cron}) and the
 * fixity check of every stored document ({@code govit.document.fixity-cron}), both Asia/Shanghai. Both are
 * harmless when two nodes run them: deleting a file twice and checking twice change nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(DocumentProperties.class)
class DocumentScheduling {

    private final DocumentStoreSweeper sweeper;
    private final DocumentFixity fixity;

    DocumentScheduling(DocumentStoreSweeper sweeper, DocumentFixity fixity) {
        this.sweeper = sweeper;
        this.fixity = fixity;
    }

    @Scheduled(cron = "${govit.document.sweep-cron:0 15 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "document-sweep", lockAtLeastFor = "PT5M", lockAtMostFor = "PT2H")
    void sweep() {
        sweeper.sweep();
    }

    @Scheduled(cron = "${govit.document.fixity-cron:0 45 2 * * SUN}", zone = "Asia/Shanghai")
    // reading every stored file can take hours on a large store: the lease outlives the longest check
    @SchedulerLock(name = "document-fixity", lockAtLeastFor = "PT5M", lockAtMostFor = "PT12H")
    void fixity() {
        fixity.checkAsSystem();
    }
}
