package cn.jl.govit.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds this module's migration folder ({@code db/migration/planning}) to Flyway's locations unless the
 * application's configuration names it already.
 */
@Component
class PlanningMigrations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/migration/planning";

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
        Location planning = new Location(LOCATION);
        if (locations.stream().noneMatch(l -> l.getDescriptor().equals(planning.getDescriptor()))) {
            locations.add(planning);
            configuration.locations(locations.toArray(Location[]::new));
        }
    }
}
