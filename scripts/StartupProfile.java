import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

import cn.jl.govit.GovItApplication;

/**
 * Where a start of the application spends its time: runs GovItApplication once with Spring's
 * BufferingApplicationStartup, then prints the phases and the beans and steps with the largest self time (a step's
 * duration minus that of the steps nested in it), and exits. Times are wall-clock: on a loaded machine they stretch,
 * so read the shares, not the absolute figures. Source-file launch on the extracted jar (scripts/run.sh makes it):
 *
 *   java -XX:+UseSerialGC -Xms64m -Xmx1g -cp target/run/govit-0.1.0-SNAPSHOT.jar scripts/StartupProfile.java \
 *       --govit.data-dir=/tmp/some-data --server.port=0
 */
public class StartupProfile {

    public static void main(String[] args) {
        long launched = System.nanoTime();
        SpringApplication application = new SpringApplication(GovItApplication.class);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(50_000);
        application.setApplicationStartup(startup);
        ConfigurableApplicationContext context = application.run(args);
        long ready = System.nanoTime();
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        context.close();

        Map<Long, Duration> nested = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                nested.merge(parent, event.getDuration(), Duration::plus);
            }
        }
        System.out.println();
        System.out.printf("source launch to ready (after the runners): %d ms (JVM uptime %d ms)%n",
                (ready - launched) / 1_000_000, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.println("top-level steps:");
        for (TimelineEvent event : events) {
            if (event.getStartupStep().getParentId() == null) {
                System.out.printf("  %6d ms  %s%n", event.getDuration().toMillis(), label(event));
            }
        }
        List<TimelineEvent> bySelf = new ArrayList<>(events);
        bySelf.sort(Comparator.comparing((TimelineEvent e) -> self(e, nested)).reversed());
        System.out.println("largest self times:");
        bySelf.stream().limit(40).forEach(event -> System.out.printf("  %6d ms  %s%n",
                self(event, nested).toMillis(), label(event)));
    }

    private static Duration self(TimelineEvent event, Map<Long, Duration> nested) {
        return event.getDuration().minus(nested.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
    }

    private static String label(TimelineEvent event) {
        StringBuilder text = new StringBuilder(event.getStartupStep().getName());
        for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
            if (tag.getKey().equals("beanName") || tag.getKey().equals("beanType") || tag.getKey().equals("postProcessor")) {
                text.append(' ').append(tag.getValue());
            }
        }
        return text.toString();
    }
}
