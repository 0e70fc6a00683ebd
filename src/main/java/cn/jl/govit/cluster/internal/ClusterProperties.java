package cn.jl.govit.cluster.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code govit.cluster.*}: when an incomplete event publication counts as abandoned by its node
 * ({@code event-resubmission-age}) and how often a node looks for such publications
 * ({@code event-resubmission-interval}).
 *
 * @param eventResubmissionAge publications older than this and still incomplete are resubmitted; it must exceed
 *        the longest time a listener takes on a live node, else that listener would run twice
 * @param eventResubmissionInterval the delay between two looks (one node looks each time: cluster lock)
 */
@ConfigurationProperties("govit.cluster")
record ClusterProperties(Duration eventResubmissionAge, Duration eventResubmissionInterval) {

    ClusterProperties {
        eventResubmissionAge = eventResubmissionAge == null ? Duration.ofMinutes(15) : eventResubmissionAge;
        eventResubmissionInterval = eventResubmissionInterval == null ? Duration.ofMinutes(5)
                : eventResubmissionInterval;
    }
}
