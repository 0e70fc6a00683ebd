package cn.jl.govit.obligation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The obligation module's own settings ({@code govit.obligation.*}); the periods of the measures themselves
 * stay in the rulebook's policy parameters.
 *
 * @param scanCron when the daily scan runs, in the provincial time zone (01:30 by default); {@code -} disables it
 * @param reminderDays how many days before its due date an open obligation is reminded of, once
 */
@ConfigurationProperties("govit.obligation")
public record ObligationProperties(@DefaultValue("0 30 1 * * *") String scanCron, @DefaultValue("30") int reminderDays) {

    public ObligationProperties {
        if (reminderDays < 0) {
            throw new IllegalArgumentException("govit.obligation.reminder-days is 0 or more");
        }
    }
}
