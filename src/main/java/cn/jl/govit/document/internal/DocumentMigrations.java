package cn.jl.govit.document.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/** Adds this module's migration folder ({@code db/migration/document}) to Flyway's, once. */
@Component
class DocumentMigrations implements FlywayConfigurationCustomizer {

    static final String LOCATION = "classpath:db/migration/document";

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
        Location own = new Location(LOCATION);
        if (locations.stream().noneMatch(l -> l.getDescriptor().equals(own.getDescriptor()))) {
            locations.add(own);
            configuration.locations(locations.toArray(Location[]::new));
        }
    }
}
