package cn.jl.govit.acceptance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The trial run (试运行) of a project's system as last recorded by its construction unit: when it started and, once
 * the system runs stably, since when. A stable trial run and a passed initial acceptance open the window for the
 * final acceptance application (Art. 26). Each record is kept; {@code version} counts them.
 *
 * @param stableSince {@code null} while the system is not yet stable
 */
public record TrialRun(UUID projectId, LocalDate startedOn, LocalDate stableSince, int version, String recordedBy,
        Instant recordedAt) {

    public TrialRun {
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(startedOn);
    }

    /** Whether the unit has recorded the system as running stably. */
    public boolean stable() {
        return stableSince != null;
    }
}
