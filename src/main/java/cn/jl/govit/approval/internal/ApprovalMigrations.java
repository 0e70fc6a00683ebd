package cn.jl.govit.approval.internal;

import java.util.Arrays;
import java.util.stream.Stream;

import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds this module's migration folder to Flyway's locations unless the configuration already names it, so that
 * the module brings its tables with it.
 */
@Component
class ApprovalMigrations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/migration/approval";

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        Location[] locations = configuration.getLocations();
        boolean named = Arrays.stream(locations).anyMatch(l -> l.toString().endsWith("db/migration/approval"));
        if (!named) {
            configuration.locations(Stream.concat(Arrays.stream(locations).map(Location::toString), Stream.of(LOCATION))
                    .toArray(String[]::new));
        }
    }
}
