package cn.jl.govit.construction;

import java.time.LocalDate;
import java.util.UUID;

/** A milestone of a baseline: planned once, reached on the day the construction unit records. */
public record Milestone(UUID id, UUID projectId, int baselineVersion, String name, LocalDate plannedOn,
        LocalDate reachedOn) {

    public boolean reached() {
        return reachedOn != null;
    }

    /** Days the milestone was (or, unreached, is as of {@code today}) behind its planned date; never negative. */
    public long daysLate(LocalDate today) {
        LocalDate actual = reachedOn == null ? today : reachedOn;
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(plannedOn, actual));
    }
}
