package cn.jl.govit.cluster.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Resumes the events of a node that died. The asynchronous listeners (the notification mailer, the delay flags)
 * run after their transaction committed; Spring Modulith's registry ({@code event_publication}) keeps each
 * publication until its listener finished. A node that died leaves its publications incomplete, and
 * {@code spring.modulith.republish-outstanding-events-on-restart} resubmits them only when that node starts
 * again — which may be never. So every {@code govit.cluster.event-resubmission-interval} one node (cluster lock)
 * resubmits the publications that are still incomplete after {@code govit.cluster.event-resubmission-age}:
 * those of a dead node, and those whose listener failed. Each publication is claimed before its listener runs
 * (its status becomes {@code RESUBMITTED} in one conditional update), so two nodes never run it twice at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ClusterProperties.class)
class EventResumption {

    private static final Logger log = LoggerFactory.getLogger(EventResumption.class);

    private final IncompleteEventPublications incomplete;
    private final ClusterProperties properties;

    EventResumption(IncompleteEventPublications incomplete, ClusterProperties properties) {
        this.incomplete = incomplete;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${govit.cluster.event-resubmission-interval:PT5M}",
            initialDelayString = "${govit.cluster.event-resubmission-interval:PT5M}")
    @SchedulerLock(name = "event-resubmission", lockAtLeastFor = "PT10S", lockAtMostFor = "PT30M")
    void resubmitAbandoned() {
        log.debug("resubmitting event publications incomplete for more than {}", properties.eventResubmissionAge());
        incomplete.resubmitIncompletePublicationsOlderThan(properties.eventResubmissionAge());
    }
}
